package io.forewarn.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;
import java.util.List;

/**
 * The server's settings, under {@code forewarn.*}.
 *
 * @param timezone the agency's zone: stated days, weeks and months are counted in it
 * @param policy   a policy file to load as the active policy at start (empty: the stored one, or the default)
 * @param users    the logins for the embedded default; production uses an OIDC provider's tokens instead
 */
@ConfigurationProperties("forewarn")
public record ServerSettings(String timezone, String policy, List<User> users) {

    public ServerSettings {
        timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone;
        policy = policy == null ? "" : policy;
        users = users == null ? List.of() : List.copyOf(users);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /**
     * One login: a name, a bcrypt hash of its password ({@code forewarn user hash} makes one), and roles.
     */
    public record User(String name, String passwordHash, List<String> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        @Override
        public String toString() {
            return "User[" + name + ", roles=" + roles + "]";
        }
    }
}
