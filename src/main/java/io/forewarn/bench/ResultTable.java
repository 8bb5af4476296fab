package io.forewarn.bench;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of a run as Markdown tables, each stretch beside the baseline measured in the same run: rate
 * offered and achieved, latency percentiles, answers by status, errors, the ratio of each percentile to the
 * baseline's, and the server's CPU time per answer with its ratio; then the same percentiles by status.
 */
public final class ResultTable {

    private ResultTable() {
    }

    public static String render(Measurement baseline, List<Measurement> stretches) {
        StringBuilder out = new StringBuilder();
        out.append("| stretch | offered/s | achieved/s | p50 ms | p99 ms | max ms | answers | errors | p50 ÷ baseline "
                + "| p99 ÷ baseline | server CPU µs/answer | ÷ baseline |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Measurement m : stretches) {
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.1f | %.2f | %.2f | %.1f | %s | %,d | %s | %s | %,.0f | %s |%n",
                    m == baseline ? m.name() + " (baseline)" : m.name(), m.offered(), m.achieved(), m.millis(50), m.millis(99),
                    m.maxMillis(), answers(m.counts()), m.errors(), ratio(m.millis(50), baseline.millis(50)),
                    ratio(m.millis(99), baseline.millis(99)), m.serverCpuMicrosPerAnswer(),
                    ratio(m.serverCpuMicrosPerAnswer(), baseline.serverCpuMicrosPerAnswer())));
        }
        out.append('\n');
        out.append("| stretch | status | answers | p50 ms | p99 ms | max ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (Measurement m : stretches) {
            for (Map.Entry<Integer, Histogram> status : m.byStatus().entrySet()) {
                Histogram h = status.getValue();
                out.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.2f | %.2f | %.1f |%n", m.name(), status.getKey(),
                        h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                        h.getMaxValue() / 1000.0));
            }
        }
        return out.toString();
    }

    /**
     * The stretches turn by turn, each beside the baseline's turn before it: whether a figure of the whole run is the
     * server's pace or a few turns' backlog (the first ones, while the JIT compiles) shows here.
     */
    public static String turns(List<Measurement> baselines, List<Measurement> stretches) {
        if (baselines.size() != stretches.size()) {
            throw new IllegalArgumentException(baselines.size() + " baseline turns for " + stretches.size() + " turns");
        }
        StringBuilder out = new StringBuilder();
        out.append("| turn | baseline p99 ms | achieved/s | p50 ms | p99 ms | max ms | errors | server CPU µs/answer |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < stretches.size(); i++) {
            Measurement m = stretches.get(i);
            out.append(String.format(Locale.ROOT, "| %d | %.2f | %,.1f | %.2f | %.2f | %.1f | %,d | %,.0f |%n", i + 1,
                    baselines.get(i).millis(99), m.achieved(), m.millis(50), m.millis(99), m.maxMillis(), m.errors(),
                    m.serverCpuMicrosPerAnswer()));
        }
        return out.toString();
    }

    private static String answers(Map<Integer, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%d: %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String ratio(double value, double baseline) {
        return baseline <= 0 ? "—" : String.format(Locale.ROOT, "%.2f ×", value / baseline);
    }
}
