package io.forewarn.yaml;

import io.forewarn.report.Harm;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.forewarn.yaml.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

class YamlValueTest {

    private static YamlMap map(String yaml) {
        return SafeYaml.parse("v.yaml", yaml).asMap();
    }

    @Test
    void typedAccessors() {
        YamlMap map = map("""
                s: text
                i: 42
                l: 12345678901
                d: -12.5
                b: false
                t: PT4H
                list: [a, b]
                nested: {x: 1}
                """);

        assertThat(map.string("s")).isEqualTo("text");
        assertThat(map.integer("i")).isEqualTo(42);
        assertThat(map.longValue("l")).isEqualTo(12_345_678_901L);
        assertThat(map.decimal("d")).isEqualTo(-12.5);
        assertThat(map.bool("b")).isFalse();
        assertThat(map.duration("t")).isEqualTo(Duration.ofHours(4));
        assertThat(map.stringList("list")).containsExactly("a", "b");
        assertThat(map.map("nested").integer("x")).isEqualTo(1);
        assertThat(map.optionalString("missing")).isEmpty();
        assertThat(map.optionalList("missing")).isEmpty();
        assertThat(map.bool("missing", true)).isTrue();
    }

    @Test
    void durationsAcceptPeriodFormsOfFixedLength() {
        YamlMap map = map("a: P7D\nb: P2W\nc: P1DT12H\nd: P1M\ne: PT4X\nf: -PT1H\n");

        assertThat(map.duration("a")).isEqualTo(Duration.ofDays(7));
        assertThat(map.duration("b")).isEqualTo(Duration.ofDays(14));
        assertThat(map.duration("c")).isEqualTo(Duration.ofHours(36));
        assertThat(problemOf(() -> map.duration("d")).getMessage())
                .isEqualTo("v.yaml:4:4: d: 'P1M' uses months or years, which have no fixed length; state days instead (e.g. P30D)");
        assertThat(problemOf(() -> map.duration("e")).getMessage())
                .isEqualTo("v.yaml:5:4: e: 'PT4X' is not an ISO-8601 duration (e.g. PT4H, PT30M, P7D, P1DT12H)");
        assertThat(problemOf(() -> map.duration("f")).problem()).contains("negative");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
        YamlMap map = map("""
                name: [a, b]
                count: many
                list: just a string
                map: [1]
                big: 99999999999999999999
                flag: 1
                nothing:
                """);

        assertThat(problemOf(() -> map.string("name")).getMessage())
                .isEqualTo("v.yaml:1:7: name: expected a string, found a list");
        assertThat(problemOf(() -> map.integer("count")).getMessage())
                .isEqualTo("v.yaml:2:8: count: expected a whole number, found a string");
        assertThat(problemOf(() -> map.list("list")).getMessage())
                .isEqualTo("v.yaml:3:7: list: expected a list, found a string");
        assertThat(problemOf(() -> map.map("map")).getMessage())
                .isEqualTo("v.yaml:4:6: map: expected a map, found a list");
        assertThat(problemOf(() -> map.longValue("big")).problem()).isEqualTo("big: '99999999999999999999' is out of range");
        assertThat(problemOf(() -> map.bool("flag")).problem()).isEqualTo("flag: expected true or false, found a number '1'");
        assertThat(problemOf(() -> map.string("nothing")).problem()).isEqualTo("nothing: expected a string, found nothing");
        assertThat(problemOf(() -> map.decimal("count")).problem()).isEqualTo("count: expected a number, found a string");
    }

    @Test
    void unknownKeysAreReportedAtTheKeyWithTheAllowedOnes() {
        YamlMap map = map("a: 1\nnested:\n  good: 1\n  tpyo: 2\n");

        FileProblem problem = problemOf(() -> map.map("nested").allowOnly("good", "better"));

        assertThat(problem.getMessage()).isEqualTo("v.yaml:4:3: nested: unknown key 'tpyo' (allowed: good, better)");
    }

    @Test
    void missingRequiredKeyIsReportedAtTheMap() {
        YamlMap map = map("a: 1\nnested: {x: 1}\n");

        assertThat(problemOf(() -> map.map("nested").string("y")).getMessage())
                .isEqualTo("v.yaml:2:9: nested: missing required key 'y'");
        assertThat(problemOf(() -> map.string("b")).getMessage()).isEqualTo("v.yaml:1:1: missing required key 'b'");
    }

    @Test
    void modelParsersBecomeProblemsAtTheValue() {
        YamlMap map = map("harms:\n  - killing\n  - maiming\n");

        FileProblem problem = problemOf(() -> map.list("harms").forEach(harm -> harm.as(Harm::of)));

        assertThat(problem.getMessage()).isEqualTo("v.yaml:3:5: harms[1]: unknown harm 'maiming'; "
                + "expected one of: killing, serious-bodily-injury, kidnapping, other");
    }

    @Test
    void blankStringsAreRefusedWhereTextIsRequired() {
        assertThat(problemOf(() -> map("a: '  '").string("a")).problem()).isEqualTo("a: must not be blank");
    }
}
