package io.forewarn.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The server's settings, under {@code forewarn.*}.
 *
 * @param timezone    the agency's zone: stated days, weeks and months are counted in it
 * @param policy      a policy file to load as the active policy at start (empty: the stored one, or the default)
 * @param users       the logins for the embedded default; production uses an OIDC provider's tokens instead
 * @param scheduler   the deadline scheduler: whether it runs and how often
 * @param clockOffset an exercise setting: the server's clock runs this far ahead of (negative: behind) the
 *                    real time, so a drill or a test can reach deadlines, escalations and expiries without
 *                    waiting for them. Never set it on a server that handles real cases.
 */
@ConfigurationProperties("forewarn")
public record ServerSettings(String timezone, String policy, List<User> users, Scheduler scheduler,
                             Duration clockOffset) {

    public ServerSettings {
        timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone;
        policy = policy == null ? "" : policy;
        users = users == null ? List.of() : List.copyOf(users);
        scheduler = scheduler == null ? new Scheduler(true, null) : scheduler;
        clockOffset = clockOffset == null ? Duration.ZERO : clockOffset;
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

    /**
     * The deadline scheduler ({@link DeadlineScheduler}).
     *
     * @param enabled  false to run no sweeps on this node (another node, or nobody, takes the clock's decisions)
     * @param interval the time between the end of one sweep and the start of the next
     */
    public record Scheduler(Boolean enabled, Duration interval) {

        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

        public Scheduler {
            enabled = enabled == null || enabled;
            interval = interval == null ? DEFAULT_INTERVAL : interval;
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("forewarn.scheduler.interval must be positive, not " + interval);
            }
        }
    }
}
