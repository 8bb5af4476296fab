package io.forewarn.cli;

import io.forewarn.scenario.Mode;
import io.forewarn.server.WrittenChannels;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayResult;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code forewarn demo}: the Crocus City Hall case, as recorded and as Forewarn's policy would have handled it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Replay the Crocus City Hall case (22 March 2024) as recorded and as policy: "
                + "both timelines, the after-action reviews and a side-by-side summary.",
                "With --serve, then load the case as recorded into a fresh embedded database and serve it, "
                        + "printing the URL and one demo login per role."})
final class DemoCommand implements Callable<Integer> {

    static final String SCENARIO = "/scenarios/crocus-2024.yaml";

    @Option(names = "--quiet", description = "Print only the reviews and the summary, not the timelines.")
    boolean quiet;

    @Option(names = "--serve", description = "Then serve the case as policy from a fresh embedded database until stopped.")
    boolean serve;

    @Option(names = "--out", paramLabel = "DIR", description = "Write what each party would have received there: "
            + "cap/<warning>.xml (signed CAP alerts), mail/<warning>-<party>.eml, webhook/<warning>-<party>.http and "
            + "cap.pub (the key the alerts verify against).")
    Path outDirectory;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port with --serve (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    PolicyOption policy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioFile.parse("crocus-2024.yaml", builtInScenario());
        WrittenChannels channels = new WrittenChannels(scenario.timezone());
        Replay replay = new Replay(scenario, policy.load()).sendingThrough(channels);
        PrintWriter out = spec.commandLine().getOut();
        ReplayText text = new ReplayText(out, scenario);
        text.header(); // at once: the replays take a moment, the first of them longest (the JVM is still warming up)
        ReplayResult recorded = replay.run(Mode.AS_RECORDED);
        text.run(recorded, !quiet);
        ReplayResult decided = replay.run(Mode.AS_POLICY);
        text.run(decided, !quiet);
        new ReceivedText(out, scenario.timezone()).print(decided);
        ReceivedText.written(channels.artefacts(), Optional.ofNullable(outDirectory), out);
        text.conclusion(List.of(recorded, decided));
        boolean met = recorded.expectations().met() && decided.expectations().met();
        if (serve) {
            new DemoServer(scenario, policy).serve(port, spec.commandLine().getOut());
        }
        return met ? 0 : ForewarnCommand.EXPECTATIONS_NOT_MET;
    }

    static String builtInScenario() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("the built-in scenario " + SCENARIO + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
