package io.forewarn.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code forewarn gazetteer import} and {@code find} on the embedded database of a data directory. */
class GazetteerCommandTest {

    private static final String KRASNOGORSK = "542374\tKrasnogorsk\tKrasnogorsk\tKrasnogorsk,Красногорск\t55.81904\t37.32984"
            + "\tP\tPPL\tRU\t\t47\t\t\t\t92932\t\t155\tEurope/Moscow\t2012-01-17\n";
    private static final String ADMIN1 = "RU.47\tMoscow Oblast\tMoscow Oblast\t524925\n";

    @TempDir
    Path dir;

    @BeforeEach
    void embedded() {
        LedgerCommand.environment = Map.of();
    }

    @AfterEach
    void restoreEnvironment() {
        LedgerCommand.environment = System.getenv();
    }

    @Test
    void importReplacesTheGazetteerAndFindShowsTheHierarchyPointAndZone() {
        Path files = dir;
        Cli.write(files, "cities1000.txt", KRASNOGORSK);
        Cli.write(files, "admin1CodesASCII.txt", ADMIN1);
        Path data = dir.resolve("data");

        Cli.Result imported = Cli.run("gazetteer", "import", files, "--data-dir", data);

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("gazetteer: imported 1 town, 1 first-order division, 0 regions, 3 names indexed in ")
                .contains("(database: H2 file " + data.resolve("forewarn") + ")");

        Cli.Result found = Cli.run("gazetteer", "find", "красногорск", "--data-dir", data);
        assertThat(found.exit()).isZero();
        assertThat(found.out()).isEqualTo("""
                locality Krasnogorsk (geonames:542374)
                  hierarchy: Krasnogorsk < Moscow Oblast < RU
                  within:    admin1:RU.47, country:RU
                  point:     55.81904, 37.32984
                  zone:      Europe/Moscow
                """);
        Cli.Result replaced = Cli.run("gazetteer", "find", "Istanbul", "--data-dir", data);
        assertThat(replaced.exit()).as("the import replaced the extract").isEqualTo(GazetteerCommand.NOT_FOUND);
        assertThat(replaced.err()).isEqualTo("forewarn: the gazetteer cannot place 'Istanbul' (as locality or region or country)\n");
    }

    @Test
    void aFreshDatabaseHasTheCommittedExtract() {
        Cli.Result found = Cli.run("gazetteer", "find", "Marmara Region", "--data-dir", dir.resolve("data"));

        assertThat(found.exit()).isZero();
        assertThat(found.out()).startsWith("region Marmara Region (region:TR:marmara region)\n  hierarchy: Marmara Region < TR\n");
    }

    @Test
    void aBadRowIsOneLineWithFileLineAndColumnAndExitTwo() {
        Path files = dir;
        Path cities = Cli.write(files, "cities1000.txt", KRASNOGORSK + KRASNOGORSK.replace("92932", "lots"));
        Cli.write(files, "admin1CodesASCII.txt", ADMIN1);

        Cli.Result result = Cli.run("gazetteer", "import", files, "--data-dir", dir.resolve("data"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("forewarn: " + cities + ":2:" + (KRASNOGORSK.indexOf("92932") + 1)
                + ": population: not a whole number: 'lots'\n");
    }

    @Test
    void withoutTheDivisionsFileTheImportSaysWhatIsMissing() {
        Path files = dir;
        Cli.write(files, "cities1000.txt", KRASNOGORSK);

        Cli.Result result = Cli.run("gazetteer", "import", files, "--data-dir", dir.resolve("data"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("forewarn: no admin1CodesASCII.txt among [" + files + "]");
    }
}
