package io.forewarn.web.security;

import io.forewarn.policy.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import java.util.Arrays;

import static io.forewarn.policy.Role.ANALYST;
import static io.forewarn.policy.Role.APPROVER;
import static io.forewarn.policy.Role.DIRECTOR;
import static io.forewarn.policy.Role.LIAISON;
import static io.forewarn.policy.Role.OVERSIGHT;

/**
 * The role matrix of the API, in one place. Reading a case is for the people who work it and for
 * oversight (who get the redacted view where they may not see protected material); changing it is
 * for the role whose job it is. Partners read only their own TAXII collection, which is not here.
 */
final class AccessRules {

    private static final Role[] CASE_READERS = {ANALYST, APPROVER, DIRECTOR, LIAISON, OVERSIGHT};

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/error").permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/policy", "/api/v1/policy/versions", "/api/v1/policy/versions/*")
                .hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/policy").hasAnyRole(names(DIRECTOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/reports", "/api/v1/reports/*").hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/reports").hasAnyRole(names(ANALYST))
                .requestMatchers(HttpMethod.GET, "/api/v1/parties", "/api/v1/parties/*").hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/parties").hasAnyRole(names(ANALYST, LIAISON))
                .requestMatchers(HttpMethod.POST, "/api/v1/parties/import").hasAnyRole(names(ANALYST, LIAISON))
                .requestMatchers(HttpMethod.PUT, "/api/v1/parties/*").hasAnyRole(names(ANALYST, LIAISON))
                .requestMatchers(HttpMethod.GET, "/api/v1/obligations", "/api/v1/obligations/**")
                .hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/reports/*/drafts").hasAnyRole(names(ANALYST))
                .requestMatchers(HttpMethod.GET, "/api/v1/drafts", "/api/v1/drafts/*").hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/drafts/*/approve", "/api/v1/drafts/*/issue")
                .hasAnyRole(names(APPROVER, DIRECTOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/drafts/*/cancel").hasAnyRole(names(ANALYST, APPROVER, DIRECTOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/warnings/*/renewal").hasAnyRole(names(ANALYST))
                .requestMatchers(HttpMethod.GET, "/api/v1/warnings", "/api/v1/warnings/*").hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/obligations/*/*/delivery", "/api/v1/obligations/*/*/acknowledgement")
                .hasAnyRole(names(LIAISON))
                .requestMatchers(HttpMethod.POST, "/api/v1/obligations/*/*/waivers")
                .hasAnyRole(names(ANALYST, APPROVER, DIRECTOR, LIAISON))
                .requestMatchers(HttpMethod.POST, "/api/v1/waivers/*/approve", "/api/v1/waivers/*/reject")
                .hasAnyRole(names(APPROVER, DIRECTOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/waivers", "/api/v1/waivers/*").hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/incidents").hasAnyRole(names(ANALYST, DIRECTOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/incidents", "/api/v1/incidents/*", "/api/v1/incidents/*/review")
                .hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.GET, "/api/v1/events").hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.GET, "/api/v1/ledger/head", "/api/v1/ledger/public-key", "/api/v1/ledger/entries",
                        "/api/v1/ledger/entries/*/proof", "/api/v1/ledger/consistency", "/api/v1/ledger/export")
                .hasAnyRole(names(CASE_READERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/scenario-runs").hasAnyRole(names(ANALYST, DIRECTOR, OVERSIGHT))
                .anyRequest().denyAll();
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
