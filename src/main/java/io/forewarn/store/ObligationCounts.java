package io.forewarn.store;

import io.forewarn.obligation.ObligationState;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many obligations the casebook holds in each state, and how many are overdue, counted by the
 * database in one statement (a scan of the {@code (state, deadline)} index, no JSON read), so every
 * node sharing the database counts the same.
 */
public final class ObligationCounts {

    private final JdbcClient jdbc;

    public ObligationCounts(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * @param byState every state, with 0 for those no obligation is in
     * @param overdue obligations past their deadline with no warning out yet: those the sweep has marked
     *                overdue or escalated, and those in open, drafted or approved whose deadline has passed
     *                but which the sweep has not reached yet
     */
    public record Counts(Map<ObligationState, Long> byState, long overdue) {
        public Counts {
            byState = Collections.unmodifiableMap(new EnumMap<>(byState));
        }
    }

    /** The counts as of {@code now} (the instant against which deadlines are compared). */
    public Counts at(Instant now) {
        Map<ObligationState, Long> byState = new EnumMap<>(ObligationState.class);
        for (ObligationState state : ObligationState.values()) {
            byState.put(state, 0L);
        }
        long[] overdue = {0};
        jdbc.sql("SELECT state, COUNT(*), SUM(CASE WHEN deadline <= :now THEN 1 ELSE 0 END) FROM obligation GROUP BY state")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(row -> {
                    ObligationState state = ObligationState.valueOf(row.getString(1));
                    byState.put(state, row.getLong(2));
                    if (state == ObligationState.OVERDUE || state == ObligationState.ESCALATED) {
                        overdue[0] += row.getLong(2);
                    } else if (state.isBeforeIssue()) {
                        overdue[0] += row.getLong(3);
                    }
                });
        return new Counts(byState, overdue[0]);
    }
}
