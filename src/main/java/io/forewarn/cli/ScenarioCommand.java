package io.forewarn.cli;

import io.forewarn.code.Coded;
import io.forewarn.policy.Policy;
import io.forewarn.scenario.Mode;
import io.forewarn.server.WrittenChannels;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayDocument;
import io.forewarn.scenario.ReplayResult;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code forewarn scenario run|validate FILE}. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Replay and validate scenario files.",
        subcommands = {ScenarioCommand.Run.class, ScenarioCommand.Validate.class})
final class ScenarioCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which modes to replay. */
    enum Modes implements Coded {
        AS_RECORDED(List.of(Mode.AS_RECORDED)), AS_POLICY(List.of(Mode.AS_POLICY)), BOTH(List.of(Mode.AS_RECORDED, Mode.AS_POLICY));

        final List<Mode> modes;

        Modes(List<Mode> modes) {
            this.modes = modes;
        }

        /** {@code as-recorded}, {@code as-policy} or {@code both}. */
        @Override
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Modes of(String text) {
            return Coded.of(Modes.class, "mode", text);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Replay a scenario under a simulated clock and review its incidents.",
                    "Exits 1 when the review does not produce the findings the scenario expects (a diff is printed), "
                            + "2 when the file is invalid."})
    static final class Run implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The scenario YAML file.")
        Path file;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "both",
                description = "as-recorded, as-policy or both (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--json", description = "Print the replay as JSON (timeline, obligations, warnings, reviews).")
        boolean json;

        @Option(names = "--out", paramLabel = "DIR", description = "Write what the parties' contact points would have "
                + "been sent as policy there: cap/<warning>.xml, mail/<warning>-<party>.eml, webhook/<warning>-<party>.http "
                + "and cap.pub.")
        Path outDirectory;

        @Mixin
        PolicyOption policy;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Modes modes = Modes.of(mode);
            Scenario scenario = ScenarioFile.load(file);
            Policy decidingPolicy = policy.load();
            WrittenChannels channels = new WrittenChannels(scenario.timezone());
            Replay replay = new Replay(scenario, decidingPolicy).sendingThrough(channels);
            List<ReplayResult> runs = modes.modes.stream().map(replay::run).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(ReplayDocument.toJson(scenario, runs));
                if (outDirectory != null) {
                    writeQuietly(channels);
                }
            } else {
                ReplayText text = new ReplayText(out, scenario);
                text.header();
                for (ReplayResult run : runs) {
                    text.run(run, true);
                    if (!run.deliveries().isEmpty()) {
                        new ReceivedText(out, scenario.timezone()).print(run);
                    }
                }
                ReceivedText.written(channels.artefacts(), Optional.ofNullable(outDirectory), out);
                text.conclusion(runs);
            }
            out.flush();
            boolean met = runs.stream().allMatch(run -> run.expectations().met());
            if (!met && json) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("forewarn: " + file + ": the review does not produce the expected findings");
                runs.forEach(run -> run.expectations().diff().forEach(line -> err.println("  " + run.mode().code() + " " + line)));
                err.flush();
            }
            return met ? 0 : ForewarnCommand.EXPECTATIONS_NOT_MET;
        }

        /** With --json, standard output carries the JSON only: the files are written without a word. */
        private void writeQuietly(WrittenChannels channels) {
            try {
                channels.artefacts().writeTo(outDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + outDirectory + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a scenario file without replaying it; errors name file, line and column.")
    static final class Validate implements Runnable {

        @Parameters(paramLabel = "FILE", description = "The scenario YAML file.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Scenario scenario = ScenarioFile.load(file);
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": scenario " + scenario.id() + " is valid: " + scenario.parties().size() + " parties, "
                    + scenario.events().size() + " events, expectations for "
                    + (scenario.expectations().isEmpty() ? "no mode"
                    : String.join(", ", scenario.expectations().keySet().stream().sorted().map(Mode::code).toList())));
            out.flush();
        }
    }
}
