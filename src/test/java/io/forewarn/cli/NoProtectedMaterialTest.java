package io.forewarn.cli;

import io.forewarn.report.Marking;
import io.forewarn.report.Portion;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioEvent;
import io.forewarn.scenario.ScenarioFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing the command line prints about the Crocus case carries the report's protected material or
 * any of its narrative portions. The forbidden strings are read from the scenario, not written here.
 */
class NoProtectedMaterialTest {

    @TempDir
    static Path dir;

    static Path crocus;
    static ThreatReport report;
    static List<String> forbidden;

    @BeforeAll
    static void readTheReport() {
        crocus = Cli.copy(dir, Cli.CROCUS);
        Scenario scenario = ScenarioFile.load(crocus);
        report = scenario.events().stream()
                .filter(ScenarioEvent.ReportReceived.class::isInstance)
                .map(e -> ((ScenarioEvent.ReportReceived) e).report())
                .findFirst().orElseThrow();
        ProtectedMaterial material = report.protectedMaterial();
        // the check would pass vacuously on a report without these
        assertThat(material.terms()).containsExactly("NIGHTJAR", "TELEMARK-7");
        assertThat(material.sources()).containsExactly("a recruited courier inside the cell's logistics network");
        assertThat(material.methods()).containsExactly("interception of the cell's encrypted messenger traffic");
        assertThat(report.portions()).extracting(Portion::marking).contains(Marking.PROTECTED, Marking.PARTNER);

        forbidden = new ArrayList<>();
        forbidden.addAll(material.terms());
        forbidden.addAll(material.sources());
        forbidden.addAll(material.methods());
        report.portions().forEach(portion -> forbidden.add(portion.text()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "demo",
            "demo --quiet",
            "scenario run FILE",
            "scenario run FILE --json",
            "scenario run FILE --mode as-recorded",
            "scenario run FILE --mode as-policy",
            "scenario run FILE --mode as-recorded --json",
            "scenario run FILE --mode as-policy --json",
            "scenario validate FILE"})
    void nothingProtectedIsPrinted(String command) {
        Object[] args = command.replace("FILE", crocus.toString()).split(" ");

        Cli.Result result = Cli.run(args);

        assertThat(result.exit()).as(result.err()).isZero();
        String printed = result.all().toLowerCase(Locale.ROOT);
        for (String secret : forbidden) {
            assertThat(printed).as(command + " must not print \"" + secret + "\"")
                    .doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "scenario run FILE --mode as-policy --json"})
    void theOutputDoesCarryWhatMayBeReleased(String command) {
        // so the check above looks at real output: the released facts of the report are there
        Cli.Result result = Cli.run((Object[]) command.replace("FILE", crocus.toString()).split(" "));

        assertThat(result.out()).contains(report.statements().get(io.forewarn.report.Facet.TARGET).values().iterator().next())
                .contains("Islamic State Khorasan Province");
    }
}
