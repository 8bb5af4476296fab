package io.forewarn.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The turn-by-turn table: each turn's own figures, beside the baseline's turn before it. */
class ResultTableTest {

    @Test
    void eachTurnIsARowOfItsOwnFigures() {
        List<Measurement> health = List.of(turn("health", 1_000, 400), turn("health", 1_000, 600));
        List<Measurement> reports = List.of(turn("reports", 900, 1_900), turn("reports", 1_000, 1_500));

        String table = ResultTable.turns(health, reports);

        assertThat(table.lines()).containsExactly(
                "| turn | baseline p99 ms | achieved/s | p50 ms | p99 ms | max ms | errors | server CPU µs/answer |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| 1 | 0.40 | 90.0 | 1.90 | 1.90 | 1.9 | 100 | 2,222 |",
                "| 2 | 0.60 | 100.0 | 1.50 | 1.50 | 1.5 | 0 | 2,000 |");
    }

    @Test
    void turnsOfTheBaselineAndTheStretchCountTheSame() {
        assertThatThrownBy(() -> ResultTable.turns(List.of(), List.of(turn("reports", 10, 100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("0 baseline turns for 1 turns");
    }

    /**
     * A 10 s turn of 1,000 requests due, {@code answered} of them answered in {@code micros} each (below 2,048 µs,
     * where the histogram keeps every microsecond), the rest failed.
     */
    private static Measurement turn(String name, int answered, long micros) {
        Histogram latencies = new Histogram(3_600_000_000L, 3);
        latencies.recordValueWithCount(micros, answered);
        TreeMap<Integer, Histogram> byStatus = new TreeMap<>();
        byStatus.put(200, latencies.copy());
        return new Measurement(name, 100, 1_000, answered, Duration.ofSeconds(10), latencies, byStatus, Set.of(200),
                1_000 - answered, Duration.ofSeconds(2));
    }
}
