package io.forewarn.gazetteer;

import io.forewarn.yaml.FileProblem;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoNamesFilesTest {

    private static final String KRASNOGORSK = "542374\tKrasnogorsk\tKrasnogorsk\tBan'ki,Ban’ki,KRASNOGORSK,Krasnogorsk,"
            + "КРАСНОГОРСК,Красногорск\t55.81904\t37.32984\tP\tPPL\tRU\t\t47\t\t\t\t92932\t\t155\tEurope/Moscow\t2012-01-17";

    @Test
    void aGeonameRowIsReadColumnByColumn() {
        List<GeoName> rows = new ArrayList<>();
        long count = GeoNamesFiles.readGeoNames(reader(KRASNOGORSK + "\n"), "cities1000.txt", rows::add);

        assertThat(count).isEqualTo(1);
        GeoName row = rows.get(0);
        assertThat(row.geonameId()).isEqualTo(542374);
        assertThat(row.name()).isEqualTo("Krasnogorsk");
        assertThat(row.alternateNames()).contains("Красногорск", "Ban'ki");
        assertThat(row.latitude()).isEqualTo(55.81904);
        assertThat(row.longitude()).isEqualTo(37.32984);
        assertThat(row.featureClass()).isEqualTo("P");
        assertThat(row.featureCode()).isEqualTo("PPL");
        assertThat(row.admin1Key()).contains("RU.47");
        assertThat(row.population()).isEqualTo(92932);
        assertThat(row.elevation()).isEqualTo(OptionalInt.empty());
        assertThat(row.dem()).isEqualTo(155);
        assertThat(row.timezone()).isEqualTo("Europe/Moscow");
        assertThat(row.modified()).contains(LocalDate.of(2012, 1, 17));
    }

    @Test
    void aRowWithTooFewColumnsIsRefusedWithItsLine() {
        String file = KRASNOGORSK + "\n524901\tMoscow\tMoscow\n";

        assertThatThrownBy(() -> GeoNamesFiles.readGeoNames(reader(file), "cities1000.txt", row -> { }))
                .isInstanceOf(FileProblem.class)
                .hasMessage("cities1000.txt:2:1: expected 19 tab-separated columns (geonameid, name, asciiname, "
                        + "alternatenames, latitude, longitude, feature class, feature code, country code, cc2, "
                        + "admin1 code, admin2 code, admin3 code, admin4 code, population, elevation, dem, timezone, "
                        + "modification date), found 3");
    }

    @Test
    void aLatitudeOutOfRangeIsRefusedWithItsLineAndColumn() {
        String bad = KRASNOGORSK.replace("55.81904", "95.5");

        assertThatThrownBy(() -> GeoNamesFiles.readGeoNames(reader(bad), "cities1000.txt", row -> { }))
                .isInstanceOf(FileProblem.class)
                .hasMessageStartingWith("cities1000.txt:1:" + (KRASNOGORSK.indexOf("55.81904") + 1)
                        + ": latitude: must be between -90 and 90, not 95.5");
    }

    @Test
    void anUnreadablePopulationOrDateIsRefusedNotSkipped() {
        assertThatThrownBy(() -> GeoNamesFiles.readGeoNames(reader(KRASNOGORSK.replace("92932", "many")),
                "cities1000.txt", row -> { }))
                .hasMessageContaining(":1:").hasMessageContaining("population: not a whole number: 'many'");
        assertThatThrownBy(() -> GeoNamesFiles.readGeoNames(reader(KRASNOGORSK.replace("2012-01-17", "17/01/2012")),
                "cities1000.txt", row -> { }))
                .hasMessageContaining("modification date: not a date yyyy-mm-dd: '17/01/2012'");
    }

    @Test
    void anEmptyLineInTheMiddleIsAProblemNotARowDropped() {
        assertThatThrownBy(() -> GeoNamesFiles.readGeoNames(reader(KRASNOGORSK + "\n\n" + KRASNOGORSK + "\n"),
                "cities1000.txt", row -> { }))
                .hasMessageStartingWith("cities1000.txt:2:1: expected 19 tab-separated columns");
    }

    @Test
    void admin1RowsAreReadAndABadKeyIsRefused() {
        List<Admin1Division> rows = new ArrayList<>();
        GeoNamesFiles.readAdmin1(reader("RU.47\tMoscow Oblast\tMoscow Oblast\t524925\nFR.11\tÎle-de-France\tIle-de-France\t3012874\n"),
                "admin1CodesASCII.txt", rows::add);

        assertThat(rows).containsExactly(new Admin1Division("RU.47", "Moscow Oblast", "Moscow Oblast", 524925),
                new Admin1Division("FR.11", "Île-de-France", "Ile-de-France", 3012874));
        assertThatThrownBy(() -> GeoNamesFiles.readAdmin1(reader("RU.47\tMoscow Oblast\tMoscow Oblast\t524925\n"
                        + "Russia 47\tMoscow Oblast\tMoscow Oblast\t524925\n"), "admin1CodesASCII.txt", row -> { }))
                .hasMessage("admin1CodesASCII.txt:2:1: code: expected CC.CODE, e.g. RU.47, not 'Russia 47'");
        assertThatThrownBy(() -> GeoNamesFiles.readAdmin1(reader("RU.47\tMoscow Oblast\tMoscow Oblast\tx\n"),
                "admin1CodesASCII.txt", row -> { }))
                .hasMessage("admin1CodesASCII.txt:1:35: geonameid: not a whole number: 'x'");
    }

    @Test
    void aRegionMustConsistOfDivisionsOfItsOwnCountry() {
        assertThatThrownBy(() -> GeoNamesFiles.readRegions(reader("TR\tMarmara Region\tTR.34,RU.47\tmine\n"),
                "regions.txt", row -> { }))
                .hasMessage("regions.txt:1:19: admin1 codes: 'RU.47' is not an admin1 code of TR (CC.CODE, e.g. TR.34)");
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
