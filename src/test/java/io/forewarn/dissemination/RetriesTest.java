package io.forewarn.dissemination;

import io.forewarn.policy.DeliveryRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetriesTest {

    private static final Instant NOW = Instant.parse("2024-03-07T20:00:00Z");
    private static final DeliveryRules RULES = new DeliveryRules(5, Duration.ofSeconds(30), Duration.ofMinutes(3));

    @Test
    void theWaitIsAFullJitterDrawBelowTheDoublingCeilingCappedAtTheMaximum() {
        Retries half = new Retries(RULES, () -> 0.5);
        assertThat(half.backoff(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(half.backoff(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(half.backoff(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(half.backoff(4)).as("240 s capped at 180 s").isEqualTo(Duration.ofSeconds(90));
        assertThat(half.backoff(60)).as("no overflow however many attempts").isEqualTo(Duration.ofSeconds(90));
        assertThat(new Retries(RULES, () -> 0.0).backoff(3)).isEqualTo(Duration.ZERO);
        assertThat(new Retries(RULES, () -> 0.999).backoff(3)).isEqualTo(Duration.ofMillis(119_880));
    }

    @Test
    void aTemporaryFailureIsRetriedAfterTheDrawOrTheWaitTheReceiverAskedForWhicheverIsLonger() {
        Retries retries = new Retries(RULES, () -> 0.5);
        assertThat(retries.after(2, SendOutcome.Failed.temporary("503"), NOW))
                .isEqualTo(new Retries.Next.RetryAt(NOW.plusSeconds(30), "503"));
        SendOutcome asksForLonger = new SendOutcome.Failed("429", false, false, Optional.of(Duration.ofMinutes(10)));
        assertThat(retries.after(2, asksForLonger, NOW)).isEqualTo(new Retries.Next.RetryAt(NOW.plusSeconds(600), "429"));
        SendOutcome asksForLess = new SendOutcome.Failed("429", false, false, Optional.of(Duration.ofSeconds(1)));
        assertThat(retries.after(2, asksForLess, NOW)).isEqualTo(new Retries.Next.RetryAt(NOW.plusSeconds(30), "429"));
    }

    @Test
    void theLastAttemptsFailureAndAPermanentOneDeadLetter() {
        Retries retries = new Retries(RULES, () -> 0.5);
        assertThat(retries.after(5, SendOutcome.Failed.temporary("timeout"), NOW))
                .isEqualTo(new Retries.Next.DeadLetter("timeout (attempt 5 of 5)", false));
        assertThat(retries.after(1, SendOutcome.Failed.permanent("400"), NOW))
                .isEqualTo(new Retries.Next.DeadLetter("400", false));
        assertThat(retries.after(1, new SendOutcome.Failed("410", true, true, Optional.empty()), NOW))
                .isEqualTo(new Retries.Next.DeadLetter("410", true));
        assertThat(retries.after(5, new SendOutcome.Sent("250 ok"), NOW)).isEqualTo(new Retries.Next.Done("250 ok"));
    }

    @Test
    void aDrawOutsideTheUnitIntervalIsAnError() {
        assertThatThrownBy(() -> new Retries(RULES, () -> 1.0).backoff(1)).isInstanceOf(IllegalStateException.class);
    }
}
