package io.forewarn.web.security;

import io.forewarn.server.ServerSettings;
import io.forewarn.web.problem.ProblemWriter;
import io.forewarn.policy.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.List;

/**
 * Who may call what. The API is stateless (HTTP Basic for the configured logins, or bearer JWTs from
 * an OIDC provider when one is configured), so it sets no cookies and needs no CSRF tokens. The
 * role matrix lives in {@link AccessRules}; anything it does not name is denied.
 */
@Configuration
public class SecurityConfiguration {

    /** The JWT claim that carries Forewarn roles, e.g. {@code "roles": ["analyst"]}. */
    public static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwt) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        http.authorizeHttpRequests(AccessRules::apply)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemWriter.unauthenticated(json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemWriter.unauthenticated(json))
                        .accessDeniedHandler(new AccessRefusal(json)));
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server.jwt(token -> token.jwtAuthenticationConverter(rolesFromClaim())));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService users(ServerSettings settings) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (ServerSettings.User user : settings.users()) {
            if (user.name() == null || user.name().isBlank() || user.passwordHash() == null
                    || !user.passwordHash().startsWith("$2")) {
                throw new IllegalArgumentException("forewarn.users: every user needs a name and a bcrypt password-hash "
                        + "(make one with 'forewarn user hash')");
            }
            List<GrantedAuthority> roles = user.roles().stream().map(Role::of).map(SecurityConfiguration::authority).toList();
            manager.createUser(User.withUsername(user.name()).password(user.passwordHash()).authorities(roles).build());
        }
        return manager;
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
