package io.forewarn.yaml;

import org.junit.jupiter.api.Test;

import static io.forewarn.yaml.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

class SafeJsonTest {

    @Test
    void readsJsonIntoPositionedValues() {
        YamlMap root = SafeJson.parse("body", "{\"a\": 1,\n \"b\": [\"x\", {\"c\": true, \"d\": null, \"e\": 2.5e1}]}").asMap();

        assertThat(root.keys()).containsExactly("a", "b");
        assertThat(root.get("a").asInt()).isEqualTo(1);
        YamlMap inner = root.list("b").get(1).asMap();
        assertThat(inner.get("c").asBoolean()).isTrue();
        assertThat(inner.get("d").isNull()).isTrue();
        assertThat(inner.get("e").asDouble()).isEqualTo(25.0);
        assertThat(inner.get("c").path()).isEqualTo("b[1].c");
        assertThat(inner.get("c").line()).isEqualTo(2);
        assertThat(inner.get("c").column()).isEqualTo(19);
    }

    @Test
    void acceptsWhatJsonAllowsAndYamlDoesNot() {
        // Tab indentation and escaped slashes are JSON; SnakeYAML refuses the first.
        YamlMap root = SafeJson.parse("body", "\t{\"id\":\t\"a\\/b\", \"n\": \"\\u00e9\"}").asMap();

        assertThat(root.string("id")).isEqualTo("a/b");
        assertThat(root.string("n")).isEqualTo("é");
    }

    @Test
    void aSyntaxErrorSpeaksJsonAtItsLineAndColumn() {
        FileProblem missingComma = problemOf(() -> SafeJson.parse("request body", "{\"id\": \"R-9\"\n \"harm\": \"killing\"}"));

        assertThat(missingComma.getMessage()).isEqualTo("request body:2:2: not valid JSON: unexpected character "
                + "('\"' (code 34)): was expecting comma to separate Object entries");
        assertThat(problemOf(() -> SafeJson.parse("b", "{\"id\": \"R-9\", \"harm\": ")).getMessage())
                .isEqualTo("b:1:23: not valid JSON: the document ends before it is complete");
        assertThat(problemOf(() -> SafeJson.parse("b", "{id: 1}")).getMessage())
                .isEqualTo("b:1:2: not valid JSON: unexpected character ('i' (code 105)): was expecting double-quote "
                        + "to start property name");
        assertThat(problemOf(() -> SafeJson.parse("b", "{\"a\": 1} {\"b\": 2}")).getMessage())
                .isEqualTo("b:1:10: a JSON document holds one value, and another one starts here");
        assertThat(problemOf(() -> SafeJson.parse("b", "  ")).getMessage())
                .isEqualTo("b: the document is empty; expected a JSON document");
        assertThat(problemOf(() -> SafeJson.parse("b", "// note\n{}")).getMessage())
                .isEqualTo("b:1:1: not valid JSON: unexpected character ('/' (code 47)): maybe a (non-standard) comment?");
    }

    @Test
    void aProblemNeverQuotesWhatTheDocumentSaid() {
        FileProblem word = problemOf(() -> SafeJson.parse("b", "{\"source\": NIGHTJAR}"));
        FileProblem number = problemOf(() -> SafeJson.parse("b", "{\"n\": NaN}"));

        assertThat(word.getMessage()).doesNotContain("NIGHTJAR")
                .isEqualTo("b:1:12: not valid JSON: unrecognized token (not shown): was expecting (JSON String, Number, "
                        + "Array, Object or token 'null', 'true' or 'false')");
        assertThat(number.getMessage()).isEqualTo("b:1:10: not valid JSON: non-standard token (not shown)");
    }

    @Test
    void holdsTheLimitsAndRefusesDuplicateKeys() {
        assertThat(problemOf(() -> SafeJson.parse("b", "[".repeat(40))).getMessage())
                .isEqualTo("b:1:33: nested more than 32 levels deep");
        assertThat(problemOf(() -> SafeJson.parse("b", "[1, 2, 3, 4]", new YamlLimits(100, 100, 0, 5, 3))).getMessage())
                .isEqualTo("b:1:8: the document holds more than 3 values");
        assertThat(problemOf(() -> SafeJson.parse("b", "{\"a\": 1, \"a\": 2}")).getMessage())
                .isEqualTo("b:1:10: duplicate key 'a' (first at line 1)");
    }
}
