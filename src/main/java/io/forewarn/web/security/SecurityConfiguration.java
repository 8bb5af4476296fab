package io.forewarn.web.security;

import io.forewarn.policy.Role;
import io.forewarn.web.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who may call what. The API is stateless (HTTP Basic for the configured logins, bearer tokens that
 * Forewarn issues to them, or bearer JWTs from an OIDC provider when one is configured), so it sets no
 * cookies and needs no CSRF tokens. The role matrix lives in {@link AccessRules}; anything it does not
 * name is denied.
 */
@Configuration
public class SecurityConfiguration {

    /** The JWT claim that carries Forewarn roles, e.g. {@code "roles": ["analyst"]}. */
    public static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, ForewarnTokens tokens) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        http.authorizeHttpRequests(AccessRules::apply)
                .httpBasic(basic -> basic.authenticationEntryPoint(LoginProblems.password(json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemWriter.unauthenticated(json))
                        .accessDeniedHandler(new AccessRefusal(json)));
        bearerTokens(http, json, tokens, Optional.ofNullable(jwt.getIfAvailable()));
        return http.build();
    }

    /**
     * Bearer JWTs: Forewarn's own ({@code POST /api/v1/tokens}), and an OIDC provider's when one is configured.
     * Passwords go through {@link PasswordCheck}, the one {@code AuthenticationProvider} bean, which Spring
     * Security puts under HTTP Basic.
     */
    private static void bearerTokens(HttpSecurity http, JsonMapper json, ForewarnTokens tokens, Optional<JwtDecoder> oidc)
            throws Exception {
        http.oauth2ResourceServer(server -> server
                .authenticationEntryPoint(LoginProblems.token(json))
                .jwt(token -> token.decoder(tokens.decoder(oidc)).jwtAuthenticationConverter(rolesFromClaim())));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    static GrantedAuthority authority(Role role) {
        return new SimpleGrantedAuthority("ROLE_" + role.name());
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter((Jwt token) -> {
            Collection<String> roles = token.getClaimAsStringList(ROLES_CLAIM);
            return roles == null ? List.of()
                    : roles.stream().map(Role::of).map(SecurityConfiguration::authority).toList();
        });
        return converter;
    }
}
