package io.forewarn.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.forewarn.yaml.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Files written to hurt: each must give a FileProblem quickly, never a hang, OOM or StackOverflowError. */
class HostileYamlTest {

    @Test
    void malformedYaml() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("m.yaml", "a: [1, 2\nb: 3\n"));

        assertThat(problem.file()).isEqualTo("m.yaml");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(2);
    }

    @Test
    void badIndentation() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("i.yaml", "a:\n  b: 1\n c: 2\n"));

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(2);
    }

    @Test
    void billionLaughsIsRefusedByTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*lol" + (level - 1);
            yaml.append("lol").append(level).append(": &lol").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }

        FileProblem problem = problemOf(() -> SafeYaml.parse("lol.yaml", yaml.toString()));

        assertThat(problem.problem()).contains("more than 50 aliases").contains("billion-laughs");
        assertThat(problem.line()).isEqualTo(7); // the 51st alias is on lol6's line
    }

    @Test
    void expansionWithinTheAliasLimitIsRefusedByTheSizeLimit() {
        // 24 levels of doubling: 48 aliases, under the limit of 50, yet 2^24 values when expanded
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x]\n");
        for (int level = 1; level <= 24; level++) {
            yaml.append("l").append(level).append(": &l").append(level)
                    .append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
        }

        FileProblem problem = problemOf(() -> SafeYaml.parse("double.yaml", yaml.toString()));

        assertThat(problem.problem()).contains("more than 100000 values").contains("billion-laughs");
    }

    @Test
    void recursiveAliasInAList() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("r.yaml", "a: 1\nb: &loop [x, *loop]\n"));

        assertThat(problem.getMessage()).isEqualTo("r.yaml:2:4: recursive alias: &loop contains itself");
    }

    @Test
    void recursiveAliasInAMap() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("r.yaml", "top: &m\n  child: *m\n"));

        assertThat(problem.getMessage()).isEqualTo("r.yaml:1:6: recursive alias: &m contains itself");
    }

    @Test
    void recursiveKey() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("k.yaml", "&k {*k: 1}\n"));

        assertThat(problem.problem()).contains("key must be a plain name");
    }

    @Test
    void twentyMegabyteFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        byte[] line = "key: value value value value value value value value value value value value\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < 20L << 20; written += line.length) {
                out.write(line);
            }
        }

        FileProblem problem = problemOf(() -> SafeYaml.load(file));

        assertThat(problem.getMessage()).startsWith(file + ": the file is too large (")
                .contains("the limit is 4194304 bytes");
    }

    @Test
    void twentyMegabyteStringIsRefusedBeforeItIsParsed() {
        char[] text = new char[20 << 20];
        Arrays.fill(text, 'a');

        FileProblem problem = problemOf(() -> SafeYaml.parse("big.yaml", new String(text)));

        assertThat(problem.problem()).contains("too large");
    }

    @Test
    void millionsOfTinyValuesAreRefusedWhileParsing() {
        // under 4 MB, but two million values would need gigabytes of nodes
        String yaml = "[" + "a,".repeat(2_000_000) + "a]";

        FileProblem problem = problemOf(() -> SafeYaml.parse("many.yaml", yaml));

        assertThat(problem.getMessage()).isEqualTo("many.yaml:1:200000: the document holds more than 100000 values");
    }

    @Test
    void endlessReaderIsReadOnlyUpToTheLimit() {
        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, 'a');
                return length;
            }

            @Override
            public void close() {
            }
        };

        assertThat(problemOf(() -> SafeYaml.parse("endless", endless)).problem()).contains("too large");
    }

    @Test
    void limitsApplyToParsingToo() {
        YamlLimits small = new YamlLimits(1 << 20, 100, 50, 32, 1000);

        FileProblem problem = problemOf(() -> SafeYaml.parse("s.yaml", "a: " + "b".repeat(200), small));

        assertThat(problem.problem()).contains("too large");
    }

    @Test
    void tenThousandDeepFlowNesting() {
        String yaml = "[".repeat(10_000) + "]".repeat(10_000);

        FileProblem problem = problemOf(() -> SafeYaml.parse("deep.yaml", yaml));

        assertThat(problem.problem()).isEqualTo("nested more than 32 levels deep");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(34); // SnakeYAML refuses the level after its limit
    }

    @Test
    void tenThousandDeepMapNesting() {
        String yaml = "{a: ".repeat(10_000) + "1" + "}".repeat(10_000);

        assertThat(problemOf(() -> SafeYaml.parse("deep.yaml", yaml)).problem()).contains("nested more than");
    }

    @Test
    void depthThroughAliasesIsCountedToo() {
        String twenty = "[".repeat(20) + "]".repeat(20);
        String yaml = "a: &a " + twenty + "\nb: " + "[".repeat(20) + "*a" + "]".repeat(20) + "\n";

        assertThat(problemOf(() -> SafeYaml.parse("alias-deep.yaml", yaml)).problem())
                .isEqualTo("nested more than 32 levels deep (counting aliases)");
    }

    @Test
    void duplicateKeys() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("d.yaml", "a: 1\nb:\n  c: 2\n  c: 3\n"));

        assertThat(problem.getMessage()).isEqualTo("d.yaml:4:3: duplicate key 'c' (first at line 3)");
    }

    @Test
    void multipleDocuments() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("m.yaml", "a: 1\n---\nb: 2\n"));

        assertThat(problem.getMessage())
                .isEqualTo("m.yaml:2:1: a file holds exactly one YAML document, and another one starts here");
    }

    @Test
    void javaClassTagIsNeverConstructed() {
        String yaml = "a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://example.invalid/\"]]]]\n";

        FileProblem problem = problemOf(() -> SafeYaml.parse("t.yaml", yaml));

        assertThat(problem.getMessage()).startsWith("t.yaml:1:4: tag '!!javax.script.ScriptEngineManager' is not allowed");
    }

    @Test
    void javaClassTagOnAScalar() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("t.yaml", "a: !!java.lang.Runtime x\n"));

        assertThat(problem.getMessage()).isEqualTo("t.yaml:1:4: tag '!!java.lang.Runtime' is not allowed; "
                + "only plain strings, numbers, booleans, lists and maps are");
    }

    @Test
    void localAndNonPlainTagsAreRefused() {
        assertThat(problemOf(() -> SafeYaml.parse("t.yaml", "a: !custom x\n")).problem())
                .isEqualTo("tag '!custom' is not allowed; only plain strings, numbers, booleans, lists and maps are");
        assertThat(problemOf(() -> SafeYaml.parse("t.yaml", "a: !!binary aGVsbG8=\n")).problem())
                .contains("is not allowed");
        assertThat(problemOf(() -> SafeYaml.parse("t.yaml", "a: !!set {x, y}\n")).problem())
                .contains("is not allowed");
    }

    @Test
    void mergeKeysAreRefused() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("m.yaml", "base: &b {x: 1}\nc:\n  <<: *b\n"));

        assertThat(problem.getMessage()).isEqualTo("m.yaml:3:3: merge keys (<<) are not supported; write the keys out");
    }

    @Test
    void nonScalarKeysAreRefused() {
        assertThat(problemOf(() -> SafeYaml.parse("k.yaml", "? [a, b]\n: 1\n")).getMessage())
                .isEqualTo("k.yaml:1:3: a key must be a plain name, not a list");
    }

    @Test
    void undefinedAlias() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("u.yaml", "a: *nowhere\n"));

        assertThat(problem.getMessage()).isEqualTo("u.yaml:1:4: found undefined alias nowhere");
    }
}
