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
 * @param delivery    the outbox's dispatcher: whether it runs, how often, how much at once
 * @param clockOffset an exercise setting: the server's clock runs this far ahead of (negative: behind) the
 *                    real time, so a drill or a test can reach deadlines, escalations and expiries without
 *                    waiting for them. Never set it on a server that handles real cases.
 */
@ConfigurationProperties("forewarn")
public record ServerSettings(String timezone, String policy, List<User> users, Scheduler scheduler,
                             Duration clockOffset, Delivery delivery) {

    public ServerSettings {
        timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone;
        policy = policy == null ? "" : policy;
        users = users == null ? List.of() : List.copyOf(users);
        scheduler = scheduler == null ? new Scheduler(true, null) : scheduler;
        clockOffset = clockOffset == null ? Duration.ZERO : clockOffset;
        delivery = delivery == null ? new Delivery(null, null, null, null, null) : delivery;
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

    /**
     * The outbox's dispatcher ({@link DeliveryDispatcher}).
     *
     * @param enabled     false to send nothing from this node (another node drains the outbox)
     * @param interval    the time between the end of one round and the start of the next
     * @param page        deliveries claimed at once
     * @param claim       how long a claimed delivery is this node's: one still in flight after it (the node
     *                    stopped) is claimed again by whichever dispatcher comes next
     * @param breakerWait how long a channel's circuit, once open, stays open before a few deliveries try it again
     */
    public record Delivery(Boolean enabled, Duration interval, Integer page, Duration claim, Duration breakerWait) {

        public Delivery {
            enabled = enabled == null || enabled;
            interval = positive(interval == null ? Duration.ofSeconds(1) : interval, "interval");
            page = page == null ? 100 : page;
            if (page < 1 || page > 10_000) {
                throw new IllegalArgumentException("forewarn.delivery.page must be between 1 and 10000, not " + page);
            }
            claim = positive(claim == null ? Duration.ofMinutes(5) : claim, "claim");
            breakerWait = positive(breakerWait == null ? Duration.ofSeconds(30) : breakerWait, "breaker-wait");
        }

        private static Duration positive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("forewarn.delivery." + name + " must be positive, not " + value);
            }
            return value;
        }
    }
}
