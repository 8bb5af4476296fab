package io.forewarn.cli;

import io.forewarn.sanitize.Disguise;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.LeakVerdict;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Crocus case with its report's own protected term written into every facet statement and portion, disguised:
 * what {@code scenario run} prints, as text and as its JSON account (which every role may ask the API for),
 * carries the term in no disguise the leak check folds away.
 */
class ReplayKeepsProtectedTermsInsideTest {

    @TempDir
    static Path dir;

    /** Disguises spread over every step: each 47th of every combination. */
    static Stream<Disguise> disguises() {
        List<Disguise> every = Disguise.everyCombination();
        return IntStream.range(0, every.size()).filter(i -> i % 47 == 0).mapToObj(every::get);
    }

    @ParameterizedTest
    @MethodSource("disguises")
    void theReplaysAccountAndTextCarryNoProtectedTerm(Disguise disguise) {
        String term = disguise.apply(ProtectedTermsStayInsideNeedToKnowTest.TERM);
        Path scenario = Cli.write(dir, "kestrel-" + Math.abs(disguise.seed()) + ".yaml", scenario(term));

        for (Object[] args : List.of(new Object[]{"scenario", "run", scenario, "--json"},
                new Object[]{"scenario", "run", scenario})) {
            Cli.Result result = Cli.run(args);

            assertThat(result.out()).as(result.err()).contains("crocus-city-hall");
            LeakCheck oracle = ProtectedTermsStayInsideNeedToKnowTest.oracle();
            assertThat(result.all().lines().filter(line -> oracle.check(line).isBlocked()).toList())
                    .as("lines of %s that print the term %s", String.join(" ", Stream.of(args).map(String::valueOf).toList()), term)
                    .isEmpty();
            assertThat(oracle.check(result.all())).isInstanceOf(LeakVerdict.Clean.class);
        }
    }

    /** The Crocus scenario, the term in its report's actor, target, method, region and every portion. */
    static String scenario(String term) {
        String report = Cli.resource(Cli.CROCUS)
                .replace("actor:  {named: Islamic State Khorasan Province, type: terrorist group}",
                        "actor:  {named: " + q("the " + term + " cell") + ", type: " + q(term + " group") + "}")
                .replace("target: {class: concert halls, category: mass gatherings}",
                        "target: {named: " + q(term + " Hall") + ", class: " + q("concert halls at " + term)
                                + ", category: " + q("gatherings near " + term) + "}")
                .replace("region: Moscow Oblast, country: RU}\n      time:", "region: " + q(term + " Oblast")
                        + ", country: RU}\n      time:")
                .replace("method: {specific: armed assault on an audience, generic: attack}",
                        "method: {specific: " + q("armed assault at " + term) + ", generic: " + q("attack near " + term) + "}")
                .replace("text: Extremists intend to strike a crowded venue in the Moscow area within weeks.",
                        "text: " + q(term + " is where extremists intend to strike within weeks."))
                .replace("text: The group is said to be recruiting Central Asian migrant workers for the plot.",
                        "text: " + q("The group is said to be recruiting for " + term + "."))
                .replace("text: NIGHTJAR reporting places the cell in safe houses near the ring road awaiting weapons.",
                        "text: " + q(term + " reporting places the cell in safe houses near the ring road awaiting weapons."))
                .replace("terms: [NIGHTJAR, TELEMARK-7]", "terms: [NIGHTJAR, " + q(ProtectedTermsStayInsideNeedToKnowTest.TERM) + "]");
        assertThat(report).as("every statement was replaced").doesNotContain("Extremists intend", "Khorasan",
                "armed assault on an audience", "The group is said to be recruiting Central", "TELEMARK");
        return report;
    }

    /** A YAML double-quoted scalar, every character outside printable ASCII escaped. */
    private static String q(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                quoted.append(String.format("\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
