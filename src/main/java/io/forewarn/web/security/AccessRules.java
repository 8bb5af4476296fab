package io.forewarn.web.security;

import io.forewarn.policy.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.forewarn.policy.Role.ANALYST;
import static io.forewarn.policy.Role.APPROVER;
import static io.forewarn.policy.Role.DIRECTOR;
import static io.forewarn.policy.Role.LIAISON;
import static io.forewarn.policy.Role.OVERSIGHT;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The role matrix of the API, in one place. Reading a case is for the people who work it and for
 * oversight (who get the redacted view where they may not see protected material); changing it is
 * for the role whose job it is. Partners read only their own TAXII collection, which is not here.
 *
 * <p>The matrix is a table, read three ways: Spring Security enforces it ({@link #apply}), a refusal
 * names the roles a request would need ({@link #of(HttpServletRequest)}), and the OpenAPI document
 * states each operation's roles ({@link #of(HttpMethod, String)}). Anything the table does not name is
 * denied to everyone.
 */
public final class AccessRules {

    private static final Set<Role> CASE_READERS = EnumSet.of(ANALYST, APPROVER, DIRECTOR, LIAISON, OVERSIGHT);

    /**
     * Who may make a request: anyone, without a login ({@code open}), or a login holding one of {@code roles}; or,
     * where {@code orSigned}, instead of a login, a webhook receiver that signs its request with its endpoint's secret
     * (Standard Webhooks). That signature names a delivery in the body, so the filter chain cannot check it: such a
     * request is let through without a login, and its handler checks the signature, or the login's roles.
     */
    public record Access(boolean open, Set<Role> roles, boolean orSigned) {

        public Access {
            roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        }

        /** The roles by their codes, in the order of {@link Role}: {@code analyst, liaison}. */
        public String roleCodes() {
            return roles.stream().map(Role::code).collect(Collectors.joining(", "));
        }
    }

    private record Rule(HttpMethod method, List<String> patterns, Access access) {

        boolean matchesPath(HttpServletRequest request) {
            return patterns.stream().anyMatch(pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern)
                    .matches(request));
        }

        boolean matchesPath(String path) {
            PathContainer container = PathContainer.parsePath(path);
            return patterns.stream().map(PathPatternParser.defaultInstance::parse)
                    .anyMatch((PathPattern pattern) -> pattern.matches(container));
        }
    }

    private static final List<Rule> RULES = List.of(
            open(GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus"),
            open(GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
            // the public alerts: what the public and its alerting systems read, with no login
            open(GET, "/cap/*", "/feeds/warnings.atom", "/advisories/*"),
            // an emailed warning's acknowledgement link: its signed token is the authority, and the page asks before it acts
            open(GET, "/ack/*"),
            open(POST, "/ack/*"),
            // a webhook receiver's acknowledgement: the controller checks its Standard Webhooks signature, or a liaison login
            orSigned(POST, EnumSet.of(LIAISON), "/api/v1/acknowledgements"),
            rule(GET, CASE_READERS, "/api/v1/policy", "/api/v1/policy/versions", "/api/v1/policy/versions/*"),
            rule(POST, EnumSet.of(DIRECTOR), "/api/v1/policy"),
            rule(GET, CASE_READERS, "/api/v1/reports", "/api/v1/reports/*"),
            rule(POST, EnumSet.of(ANALYST), "/api/v1/reports", "/api/v1/reports/*/revision"),
            rule(GET, CASE_READERS, "/api/v1/parties", "/api/v1/parties/*"),
            rule(POST, EnumSet.of(ANALYST, LIAISON), "/api/v1/parties", "/api/v1/parties/import"),
            rule(PUT, EnumSet.of(ANALYST, LIAISON), "/api/v1/parties/*"),
            rule(DELETE, EnumSet.of(ANALYST, LIAISON), "/api/v1/parties/*"),
            rule(GET, CASE_READERS, "/api/v1/obligations", "/api/v1/obligations/**"),
            rule(POST, EnumSet.of(ANALYST), "/api/v1/reports/*/drafts"),
            rule(GET, CASE_READERS, "/api/v1/drafts", "/api/v1/drafts/*"),
            rule(POST, EnumSet.of(APPROVER, DIRECTOR), "/api/v1/drafts/*/approve", "/api/v1/drafts/*/issue"),
            rule(POST, EnumSet.of(ANALYST, APPROVER, DIRECTOR), "/api/v1/drafts/*/cancel"),
            rule(PUT, EnumSet.of(ANALYST), "/api/v1/drafts/*/text"),
            rule(POST, EnumSet.of(ANALYST), "/api/v1/warnings/*/renewal"),
            rule(POST, EnumSet.of(APPROVER, DIRECTOR), "/api/v1/warnings/*/cancellation"),
            rule(GET, CASE_READERS, "/api/v1/warnings", "/api/v1/warnings/*", "/api/v1/warnings/*/deliveries"),
            rule(GET, CASE_READERS, "/api/v1/deliveries"),
            rule(POST, EnumSet.of(LIAISON), "/api/v1/obligations/*/*/delivery", "/api/v1/obligations/*/*/acknowledgement",
                    "/api/v1/obligations/*/*/withdrawal"),
            rule(POST, EnumSet.of(ANALYST, APPROVER, DIRECTOR, LIAISON), "/api/v1/obligations/*/*/waivers"),
            rule(POST, EnumSet.of(APPROVER, DIRECTOR), "/api/v1/waivers/*/approve", "/api/v1/waivers/*/reject"),
            rule(GET, CASE_READERS, "/api/v1/waivers", "/api/v1/waivers/*"),
            // a near match sets a party's name beside a report's named target: need-to-know only
            rule(GET, EnumSet.of(ANALYST, APPROVER, DIRECTOR), "/api/v1/near-matches", "/api/v1/near-matches/*"),
            rule(POST, EnumSet.of(ANALYST), "/api/v1/near-matches/*/confirm", "/api/v1/near-matches/*/reject"),
            rule(POST, EnumSet.of(ANALYST, DIRECTOR), "/api/v1/incidents"),
            rule(GET, CASE_READERS, "/api/v1/incidents", "/api/v1/incidents/*", "/api/v1/incidents/*/review"),
            rule(GET, CASE_READERS, "/api/v1/events"),
            rule(GET, CASE_READERS, "/api/v1/ledger/head", "/api/v1/ledger/public-key", "/api/v1/ledger/entries",
                    "/api/v1/ledger/entries/*/proof", "/api/v1/ledger/consistency", "/api/v1/ledger/export"),
            rule(POST, EnumSet.of(ANALYST, DIRECTOR, OVERSIGHT), "/api/v1/scenario-runs"),
            // bearer tokens: for anyone who works with the API (a partner has nothing here to use one on)
            rule(POST, CASE_READERS, "/api/v1/tokens"),
            rule(DELETE, CASE_READERS, "/api/v1/tokens/current"));

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/error").permitAll();
        for (Rule rule : RULES) {
            var matchers = rule.patterns().stream()
                    .map(pattern -> PathPatternRequestMatcher.withDefaults().matcher(rule.method(), pattern))
                    .toArray(PathPatternRequestMatcher[]::new);
            if (rule.access().open() || rule.access().orSigned()) {
                rules.requestMatchers(matchers).permitAll();
            } else {
                rules.requestMatchers(matchers).hasAnyRole(rule.access().roles().stream().map(Role::name)
                        .toArray(String[]::new));
            }
        }
        rules.anyRequest().denyAll();
    }

    /** Who may make this request; empty when nobody may (the table does not name it). */
    public static Optional<Access> of(HttpServletRequest request) {
        return RULES.stream()
                .filter(rule -> rule.method().matches(request.getMethod()) && rule.matchesPath(request))
                .findFirst().map(Rule::access);
    }

    /** The methods the table names for this request's path, whatever its method; empty for a path it does not know. */
    public static Set<HttpMethod> methodsFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matchesPath(request)).map(Rule::method)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Who may call an operation of the API, by its method and its path as OpenAPI writes it
     * ({@code /api/v1/parties/{id}}); empty when nobody may.
     */
    public static Optional<Access> of(HttpMethod method, String pathTemplate) {
        String path = pathTemplate.replaceAll("\\{[^}/]+}", "x");
        return RULES.stream().filter(rule -> rule.method().equals(method) && rule.matchesPath(path))
                .findFirst().map(Rule::access);
    }

    private static Rule open(HttpMethod method, String... patterns) {
        return new Rule(method, Arrays.asList(patterns), new Access(true, EnumSet.noneOf(Role.class), false));
    }

    private static Rule rule(HttpMethod method, Set<Role> roles, String... patterns) {
        return new Rule(method, Arrays.asList(patterns), new Access(false, roles, false));
    }

    private static Rule orSigned(HttpMethod method, Set<Role> roles, String... patterns) {
        return new Rule(method, Arrays.asList(patterns), new Access(false, roles, true));
    }
}
