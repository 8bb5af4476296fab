package io.forewarn.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.forewarn.yaml.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

class SafeYamlTest {

    @Test
    void composesPlainDataWithPositions() {
        YamlMap root = SafeYaml.parse("t.yaml", "a: 1\nb:\n  - x\n  - {c: true}\n").asMap();

        assertThat(root.keys()).containsExactly("a", "b");
        YamlValue c = root.list("b").get(1).asMap().get("c");
        assertThat(c.asBoolean()).isTrue();
        assertThat(c.path()).isEqualTo("b[1].c");
        assertThat(c.line()).isEqualTo(4);
        assertThat(c.column()).isEqualTo(9);
    }

    @Test
    void loadsAFileAndNamesItInProblems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "\uFEFFa: 1\nb: [\n");

        FileProblem problem = problemOf(() -> SafeYaml.load(file));

        assertThat(problem.file()).isEqualTo(file.toString());
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void readsFromAReader() {
        assertThat(SafeYaml.parse("r", new StringReader("a: b")).asMap().string("a")).isEqualTo("b");
    }

    @Test
    void refusesAMissingFile(@TempDir Path dir) {
        FileProblem problem = problemOf(() -> SafeYaml.load(dir.resolve("nope.yaml")));

        assertThat(problem.getMessage()).endsWith(".yaml: no such file");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(problemOf(() -> SafeYaml.parse("e.yaml", "# only a comment\n")).getMessage())
                .isEqualTo("e.yaml: the file is empty; expected a YAML document");
    }

    @Test
    void refusesInvalidUtf8AtTheLineItGoesWrong(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        FileProblem problem = problemOf(() -> SafeYaml.load(file));

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(7);
        assertThat(problem.problem()).contains("not valid UTF-8");
    }

    @Test
    void refusesControlCharacters() {
        FileProblem problem = problemOf(() -> SafeYaml.parse("c.yaml", "a: 1\nb: x\u0007y\n"));

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.problem()).contains("U+0007");
    }

    @Test
    void scalarsAreReadAsWrittenSoNorwayIsNotFalse() {
        YamlMap map = SafeYaml.parse("n.yaml", "country: NO\nid: 007\nflag: yes\n").asMap();

        assertThat(map.string("country")).isEqualTo("NO");
        assertThat(map.string("id")).isEqualTo("007");
        assertThat(problemOf(() -> map.bool("flag")).getMessage())
                .isEqualTo("n.yaml:3:7: flag: expected true or false, found a boolean 'yes'");
    }
}
