package io.forewarn.store;

import io.forewarn.store.JdbcIdempotencyKeys.Answer;
import io.forewarn.store.JdbcIdempotencyKeys.Claim;
import io.forewarn.store.JdbcIdempotencyKeys.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotency-key table on H2 and on PostgreSQL: claims, answers, replays, take-overs and races. */
class IdempotencyKeysTest {

    private static final Instant T0 = Instant.parse("2024-03-07T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Request REPORT = new Request("analyst", "k-1", "POST", "/api/v1/reports", "a".repeat(64));
    private static final Answer CREATED = new Answer(201, "application/json", "/api/v1/reports/R-1",
            "{\"report\":{\"id\":\"R-1\"}}".getBytes(StandardCharsets.UTF_8));

    private static TestDatabase open(String which) {
        return which.equals("postgres") ? TestDatabase.postgres() : TestDatabase.h2();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aClaimedKeyIsInProgressThenAnsweredThenReplayedExactly(String which) {
        try (TestDatabase database = open(which)) {
            JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(database.dataSource());

            Claim first = keys.claim(REPORT, T0, LEASE, RETENTION);
            assertThat(first).isInstanceOf(Claim.Granted.class);
            assertThat(keys.claim(REPORT, T0.plusSeconds(1), LEASE, RETENTION)).isInstanceOf(Claim.InProgress.class);

            assertThat(keys.answer(REPORT, ((Claim.Granted) first).token(), CREATED, T0.plusSeconds(1))).isTrue();
            Claim again = keys.claim(REPORT, T0.plusSeconds(2), LEASE, RETENTION);
            assertThat(again).isEqualTo(new Claim.Replay(CREATED));
            assertThat(((Claim.Replay) again).answer().body()).isEqualTo(CREATED.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aKeyUsedForAnotherBodyOrPathIsAMismatchWhetherAnsweredOrNot(String which) {
        try (TestDatabase database = open(which)) {
            JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(database.dataSource());
            String token = ((Claim.Granted) keys.claim(REPORT, T0, LEASE, RETENTION)).token();
            Request otherBody = new Request("analyst", "k-1", "POST", "/api/v1/reports", "b".repeat(64));
            Request otherPath = new Request("analyst", "k-1", "POST", "/api/v1/parties", "a".repeat(64));

            assertThat(keys.claim(otherBody, T0, LEASE, RETENTION)).isInstanceOf(Claim.Mismatch.class);
            keys.answer(REPORT, token, CREATED, T0);
            assertThat(keys.claim(otherPath, T0, LEASE, RETENTION)).isInstanceOf(Claim.Mismatch.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void keysBelongToOneLogin(String which) {
        try (TestDatabase database = open(which)) {
            JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(database.dataSource());
            keys.claim(REPORT, T0, LEASE, RETENTION);
            Request someoneElse = new Request("liaison", "k-1", "POST", "/api/v1/parties", "c".repeat(64));

            assertThat(keys.claim(someoneElse, T0, LEASE, RETENTION)).isInstanceOf(Claim.Granted.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aReleasedClaimCanBeClaimedAgain(String which) {
        try (TestDatabase database = open(which)) {
            JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(database.dataSource());
            String token = ((Claim.Granted) keys.claim(REPORT, T0, LEASE, RETENTION)).token();
            keys.release(REPORT, token);

            assertThat(keys.claim(REPORT, T0, LEASE, RETENTION)).isInstanceOf(Claim.Granted.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aClaimPastItsLeaseIsTakenOverAndItsOwnerCanNoLongerAnswer(String which) {
        try (TestDatabase database = open(which)) {
            JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(database.dataSource());
            String abandoned = ((Claim.Granted) keys.claim(REPORT, T0, LEASE, RETENTION)).token();

            Claim later = keys.claim(REPORT, T0.plus(LEASE).plusSeconds(1), LEASE, RETENTION);
            assertThat(later).isInstanceOf(Claim.Granted.class);
            assertThat(keys.answer(REPORT, abandoned, CREATED, T0.plus(LEASE))).as("the fenced-off original").isFalse();
            keys.release(REPORT, abandoned);
            assertThat(keys.answer(REPORT, ((Claim.Granted) later).token(), CREATED, T0.plus(LEASE))).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAnswerIsKeptForTheRetentionThenTheKeyIsFreeAndPurged(String which) {
        try (TestDatabase database = open(which)) {
            JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(database.dataSource());
            keys.answer(REPORT, ((Claim.Granted) keys.claim(REPORT, T0, LEASE, RETENTION)).token(), CREATED, T0);

            assertThat(keys.claim(REPORT, T0.plus(RETENTION).minusSeconds(1), LEASE, RETENTION)).isInstanceOf(Claim.Replay.class);
            Request other = new Request("analyst", "k-2", "POST", "/api/v1/reports", "d".repeat(64));
            keys.claim(other, T0.plus(RETENTION), LEASE, RETENTION);
            assertThat(keys.purge(T0.plusSeconds(1))).isEqualTo(1);
            assertThat(JdbcClient.create(database.dataSource()).sql("SELECT idempotency_key FROM idempotency_key")
                    .query(String.class).list()).containsExactly("k-2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAnswerWrittenInARolledBackTransactionIsNotKept(String which) {
        try (TestDatabase database = open(which)) {
            JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(database.dataSource());
            String token = ((Claim.Granted) keys.claim(REPORT, T0, LEASE, RETENTION)).token();
            TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));

            transaction.executeWithoutResult(status -> {
                assertThat(keys.answer(REPORT, token, CREATED, T0)).isTrue();
                status.setRollbackOnly();
            });
            assertThat(keys.claim(REPORT, T0, LEASE, RETENTION)).isInstanceOf(Claim.InProgress.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void ofManyClaimingAtOnceExactlyOneGetsTheKey(String which) throws Exception {
        try (TestDatabase database = open(which)) {
            JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(database.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Claim>> claims = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    claims.add(() -> keys.claim(REPORT, T0, LEASE, RETENTION));
                }
                List<Claim> outcomes = new ArrayList<>();
                for (Future<Claim> outcome : pool.invokeAll(claims)) {
                    outcomes.add(outcome.get());
                }
                assertThat(outcomes).filteredOn(Claim.Granted.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(Claim.InProgress.class::isInstance).hasSize(11);
            } finally {
                pool.shutdown();
            }
        }
    }
}
