package io.forewarn.web.security;

import io.forewarn.scenario.ReplayClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure counts over time and under concurrency: a lock-out lasts until the window of its first failure
 * ends, then counting starts again; checks still running count against the limit, and a success gives its
 * place back.
 */
class FailedLoginsWindowTest {

    private static final Instant T0 = Instant.parse("2024-03-07T08:00:00Z");
    private static final LoginSettings.Failures LIMITS = new LoginSettings.Failures(3, 100, Duration.ofMinutes(5));

    private final ReplayClock clock = new ReplayClock(T0, ZoneOffset.UTC);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FailedLogins failures = new FailedLogins(LIMITS, clock, meters);

    @Test
    void aLockOutEndsWithTheWindowOfItsFirstFailure() {
        fail(failures, "analyst", "10.0.0.1");
        clock.advanceTo(T0.plusSeconds(60));
        fail(failures, "analyst", "10.0.0.1");
        assertThat(failures.lockedOut("analyst", "10.0.0.1")).as("two failures of three").isEmpty();
        fail(failures, "analyst", "10.0.0.1");

        clock.advanceTo(T0.plusSeconds(120));
        assertThat(failures.lockedOut("analyst", "10.0.0.2"))
                .contains(new FailedLogins.Lockout(FailedLogins.Scope.LOGIN, Duration.ofSeconds(180)));
        assertThat(failures.admit("analyst", "10.0.0.2").refused())
                .isEqualTo(new FailedLogins.Lockout(FailedLogins.Scope.LOGIN, Duration.ofSeconds(180)));
        assertThat(failures.lockedOut("approver", "10.0.0.1")).as("another login from the same address").isEmpty();

        clock.advanceTo(T0.plus(Duration.ofMinutes(5)).minusMillis(1));
        assertThat(failures.lockedOut("analyst", "10.0.0.1")).map(FailedLogins.Lockout::retryAfter)
                .contains(Duration.ofMillis(1));
        clock.advanceTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(failures.lockedOut("analyst", "10.0.0.1")).isEmpty();

        fail(failures, "analyst", "10.0.0.1");
        assertThat(failures.lockedOut("analyst", "10.0.0.1")).as("one failure in a new window").isEmpty();
        assertThat(meters.get(FailedLogins.METRIC).tag("scope", "login").counter().count()).isEqualTo(1.0);
        assertThat(meters.get(FailedLogins.METRIC).tag("scope", "address").counter().count()).isZero();
    }

    @Test
    void checksStillRunningCountAgainstTheLimitAndASuccessGivesItsPlaceBack() {
        FailedLogins.Admitted first = failures.admit("analyst", "10.0.0.1").admitted();
        FailedLogins.Admitted second = failures.admit("analyst", "10.0.0.2").admitted();
        FailedLogins.Admitted third = failures.admit("analyst", "10.0.0.3").admitted();
        assertThat(failures.admit("analyst", "10.0.0.4").refused())
                .isEqualTo(new FailedLogins.Lockout(FailedLogins.Scope.LOGIN, FailedLogins.WHILE_CHECKING));
        assertThat(failures.lockedOut("analyst", "10.0.0.4")).as("no failure yet").isEmpty();

        failures.succeeded(first);
        failures.failed(second, true);
        FailedLogins.Admitted fourth = failures.admit("analyst", "10.0.0.4").admitted();
        assertThat(fourth).as("the success gave its place back").isNotNull();
        failures.failed(third, true);
        failures.failed(fourth, true);

        assertThat(failures.lockedOut("analyst", "10.0.0.5")).map(FailedLogins.Lockout::scope).contains(FailedLogins.Scope.LOGIN);
        assertThat(meters.get(FailedLogins.METRIC).tag("scope", "login").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aLongNameIsCountedOnItsOwn() {
        String longName = "x".repeat(1000);
        String another = "x".repeat(999) + "y";
        for (int i = 0; i < 3; i++) {
            fail(failures, longName, "10.0.0.1");
        }
        assertThat(failures.lockedOut(longName, "10.0.0.2")).map(FailedLogins.Lockout::scope).contains(FailedLogins.Scope.LOGIN);
        assertThat(failures.lockedOut(another, "10.0.0.2")).isEmpty();
    }

    @Test
    void theLongerOfTwoLockOutsIsTold() {
        FailedLogins both = new FailedLogins(new LoginSettings.Failures(2, 2, Duration.ofMinutes(5)), clock, meters);
        fail(both, "a", "10.0.0.9");
        clock.advanceTo(T0.plusSeconds(30));
        fail(both, "b", "10.0.0.1");
        fail(both, "a", "10.0.0.1");
        // login a's window began at T0, address 10.0.0.1's 30 s later

        assertThat(both.lockedOut("a", "10.0.0.1"))
                .contains(new FailedLogins.Lockout(FailedLogins.Scope.ADDRESS, Duration.ofSeconds(300)));
    }

    private static void fail(FailedLogins failures, String login, String address) {
        failures.failed(failures.admit(login, address).admitted(), true);
    }
}
