package io.forewarn.cli;

import io.forewarn.bench.Load;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;

/**
 * The options of a {@code forewarn bench} command that offers an open-loop load: its rate, how long each stretch
 * is measured and warmed up, and how many requests may be in flight. Each command gives its own defaults with a
 * {@link Defaults} provider (the goals differ: 500 reads/s for 60 s, 200 reports/s for 120 s), which the help shows.
 */
final class LoadOptions {

    @Option(names = "--rate", paramLabel = "PER_SECOND",
            description = "Requests per second offered in each stretch (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Seconds each stretch is measured (default: ${DEFAULT-VALUE}).")
    long duration;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Seconds each stretch is offered unmeasured first (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Requests outstanding at most; later ones are sent late, and their lateness counted (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    /** The load; a bad value is one line naming the options. */
    Load load() {
        return new Load(rate, Duration.ofSeconds(duration), Duration.ofSeconds(warmup), maxInFlight);
    }

    /** Whether {@link #load} would accept these values. */
    boolean valid() {
        return rate > 0 && duration >= 1 && warmup >= 0 && maxInFlight >= 1;
    }

    /** A command's defaults for these options, by option name; the in-flight bound is shared. */
    abstract static class Defaults implements IDefaultValueProvider {

        private final Map<String, String> values;

        Defaults(String rate, String duration, String warmup) {
            this.values = Map.of("--rate", rate, "--duration", duration, "--warmup", warmup, "--max-in-flight", "1000");
        }

        @Override
        public String defaultValue(ArgSpec argument) {
            return argument instanceof OptionSpec option ? values.get(option.longestName()) : null;
        }
    }
}
