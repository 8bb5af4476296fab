package io.forewarn.party.bulk;

import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.PlaceLevel;
import io.forewarn.yaml.FileProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parties from CSV: every kind, geometry on the finest name, and problems by row and column that never repeat a value. */
class PartyCsvTest {

    private static final String HEADER =
            "id,kind,audience,relationship,site,locality,region,country,lat,lon,radius-km,count,kinds,channel\n";

    @Test
    void everyKindOfPartyWithItsOwnColumns() {
        List<ImportRow> rows = PartyCsv.read("test", HEADER
                + "us-citizens-ru,registrants,own-citizens,ally,,,,RU,,,,5000,,\n"
                + "public-moscow,public,public,,,Moscow,Moscow Oblast,RU,,,,,,\n"
                + "ru-authorities,authority,foreign-government,adversarial,,,,RU,,,,,,\n"
                + "crocus,venue,venue-operator,,Crocus City Hall,Krasnogorsk,,RU,55.826,37.389,0.4,,concert hall; exhibition centre,\n");

        assertThat(rows).allMatch(ImportRow.Accepted.class::isInstance);
        List<Party> parties = rows.stream().map(row -> ((ImportRow.Accepted) row).party()).toList();
        assertThat(parties.get(0)).isInstanceOfSatisfying(Party.Registrants.class, citizens -> {
            assertThat(citizens.count()).isEqualTo(5000);
            assertThat(citizens.relationship()).isEqualTo(Relationship.ALLY);
        });
        assertThat(parties.get(1).relationship()).isEqualTo(Relationship.NEUTRAL);
        assertThat(parties.get(2)).isInstanceOfSatisfying(Party.Authority.class,
                authority -> assertThat(authority.channel()).isEqualTo("liaison"));
        assertThat(parties.get(3)).isInstanceOfSatisfying(Party.Venue.class, venue -> {
            assertThat(venue.kinds()).containsExactly("concert hall", "exhibition centre");
            assertThat(venue.place().at(PlaceLevel.SITE).orElseThrow().area())
                    .contains(new Area.Circle(new LatLon(55.826, 37.389), 0.4));
            assertThat(venue.place().at(PlaceLevel.LOCALITY).orElseThrow().area()).isEmpty();
        });
        assertThat(rows).extracting(ImportRow::row).containsExactly(2, 3, 4, 5);
    }

    @Test
    void namesAndIdentifiersColumnsSayWhoThePartyIs() {
        List<ImportRow> rows = PartyCsv.read("test", "id,kind,audience,locality,country,count,names,identifiers\n"
                + "mara,registrants,individual,Berlin,DE,1,Mara Kestenholz; Мара Кестенхольц,passport:C01X00T47;lei:5299000J2N45DDNE4Y14\n"
                + "bad,registrants,individual,Berlin,DE,1,,C01X00T47\n");

        assertThat(rows.get(0)).isInstanceOfSatisfying(ImportRow.Accepted.class, row -> {
            assertThat(row.party().knownAs().names()).containsExactly("Mara Kestenholz", "Мара Кестенхольц");
            assertThat(row.party().knownAs().identifiers()).extracting(Object::toString)
                    .containsExactly("passport:C01X00T47", "lei:5299000J2N45DDNE4Y14");
        });
        assertThat(rows.get(1)).isInstanceOfSatisfying(ImportRow.Rejected.class, row -> assertThat(row.problems())
                .extracting(RowProblem::field, RowProblem::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("identifiers",
                        "each must be written scheme:value (e.g. passport:X1234567)")));
    }

    @Test
    void columnsMayComeInAnyOrderAndCaseAndOnlyIdKindAudienceAreNeeded() {
        List<ImportRow> rows = PartyCsv.read("test", "Country,AUDIENCE,id,kind\nRU,public,p,public\n");

        assertThat(rows).singleElement().isInstanceOf(ImportRow.Accepted.class);
    }

    @Test
    void everyBadFieldOfARowIsReportedByNameWithoutItsValue() {
        List<ImportRow> rows = PartyCsv.read("test", HEADER
                + "NIGHTJAR-1,registrants,Own Citizens,frenemy,,,,,91,TELEMARK,-1,-5,,x\n");

        assertThat(rows).singleElement().isInstanceOfSatisfying(ImportRow.Rejected.class, rejected -> {
            assertThat(rejected.problems()).extracting(RowProblem::field)
                    .containsExactly("audience", "relationship", "lat", "lon", "radius-km", "place", "count", "channel");
            assertThat(rejected.problems()).allSatisfy(problem -> {
                assertThat(problem.row()).isEqualTo(2);
                assertThat(problem.problem()).doesNotContain("NIGHTJAR", "TELEMARK", "Own Citizens", "frenemy", "91");
            });
        });
    }

    @Test
    void kindSpecificColumnsBelongToTheirKind() {
        List<ImportRow> rows = PartyCsv.read("test", HEADER
                + "a,registrants,own-citizens,,,,,RU,,,,,,\n"
                + "b,public,public,,,,,RU,,,,10,concert hall,liaison\n"
                + "c,spaceship,public,,,,,RU,,,,,,\n"
                + ",,,,,,,,,,,,,\n");

        assertThat(problems(rows.get(0))).containsExactly("count: required for registrants");
        assertThat(problems(rows.get(1))).containsExactly("count: applies only to registrants",
                "kinds: applies only to venues", "channel: applies only to authorities");
        assertThat(problems(rows.get(2))).containsExactly(
                "kind: unknown kind (kinds: registrants, public, authority, venue)");
        assertThat(problems(rows.get(3))).containsExactly("id: required",
                "kind: required (registrants, public, authority, venue)", "audience: required",
                "place: a party needs at least one of site, locality, region, country");
    }

    @Test
    void latAndLonGoTogetherAndARadiusNeedsThem() {
        List<ImportRow> rows = PartyCsv.read("test", HEADER
                + "a,public,public,,,Moscow,,,55.7,,,,,\n"
                + "b,public,public,,,Moscow,,,,,5,,,\n");

        assertThat(problems(rows.get(0))).containsExactly("lon: lat and lon go together; give both");
        assertThat(problems(rows.get(1))).containsExactly("radius-km: a radius needs lat and lon");
    }

    @Test
    void aRowOfTheWrongWidthOrBrokenQuotingIsARowProblem() {
        List<ImportRow> rows = PartyCsv.read("test", "id,kind,audience,country\na,public,public\nb,public,pub\"lic,RU\n"
                + "c,public,public,RU\n");

        assertThat(problems(rows.get(0))).containsExactly("-: has 3 fields; the header has 4");
        assertThat(problems(rows.get(1))).singleElement().asString().startsWith("audience: a quote inside an unquoted field");
        assertThat(rows.get(2)).isInstanceOf(ImportRow.Accepted.class);
    }

    @Test
    void aDocumentWithoutAUsableHeaderIsUnreadable() {
        assertThatThrownBy(() -> PartyCsv.read("test", "")).isInstanceOf(FileProblem.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> PartyCsv.read("test", "id,kind,audience,colour\n"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("test:1:1: column 4 of the header");
        assertThatThrownBy(() -> PartyCsv.read("test", "id,kind,audience,id\n"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("repeats column 1");
        assertThatThrownBy(() -> PartyCsv.read("test", "id,country\n"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("kind, audience are missing");
        assertThatThrownBy(() -> PartyCsv.read("test", "\"id,kind,audience\n"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("header row cannot be read");
    }

    @Test
    void anIdLongerThanTheColumnIsARowProblem() {
        List<ImportRow> rows = PartyCsv.read("test", "id,kind,audience,country\n" + "x".repeat(201) + ",public,public,RU\n");

        assertThat(problems(rows.get(0))).containsExactly("id: longer than 200 characters");
    }

    @Test
    void rowsMayEndInCrlfLfOrCrAndAreNumberedByTheLineTheyStartOn() {
        List<ImportRow> rows = PartyCsv.read("test",
                "id,kind,audience,country\r\na,public,public,RU\nb,public,,RU\rc,public,public,RU");

        assertThat(rows).extracting(ImportRow::row).containsExactly(2, 3, 4);
        assertThat(rows.get(0)).isInstanceOf(ImportRow.Accepted.class);
        assertThat(problems(rows.get(1))).as("an empty cell is a field not given").containsExactly("audience: required");
        assertThat(rows.get(2)).isInstanceOf(ImportRow.Accepted.class);
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        List<ImportRow> rows = PartyCsv.read("test", "id,kind,audience,site,country\n"
                + "\"a\",public,public,\"the \"\"Crocus\"\" hall, Krasnogorsk\",RU\n"
                + "b,public,public,\"two\r\nlines\",RU\n"
                + "c,public,public,\"\",RU\n");

        assertThat(site(rows.get(0))).contains("the \"Crocus\" hall, Krasnogorsk");
        assertThat(site(rows.get(1))).contains("two\r\nlines");
        assertThat(site(rows.get(2))).as("an empty quoted cell is a field not given").isEmpty();
        assertThat(rows).extracting(ImportRow::row).as("the row after a two-line field starts on line 5")
                .containsExactly(2, 3, 5);
    }

    @Test
    void aByteOrderMarkEmptyLinesAndATrailingEmptyCellAreHandled() {
        List<ImportRow> rows = PartyCsv.read("test", "\uFEFFid,kind,audience,country,relationship\n\n\r\nx,public,public,RU,\n");

        assertThat(rows).singleElement().isInstanceOfSatisfying(ImportRow.Accepted.class, accepted -> {
            assertThat(accepted.row()).isEqualTo(4);
            assertThat(accepted.party().relationship()).isEqualTo(Relationship.NEUTRAL);
        });
    }

    @Test
    void aRowWithBrokenQuotingIsReportedAndReadingGoesOnAtTheLineAfterTheProblem() {
        List<ImportRow> rows = PartyCsv.read("test", "id,kind,audience,country\n"
                + "a,public,pub\"lic,RU\n"                           // line 2
                + "\"b\"x,public,public,RU\n"                         // line 3
                + "c,public,public,RU\n"                              // line 4
                + "\"d\nd,public,public,RU\"x,public,public,RU\n"     // lines 5 and 6: one quoted field, then text
                + "e,public,pub\"lic,\"RU\n"                          // line 7: a quote opened after the stray one
                + "f,public,public,RU\n");                            // line 8

        assertThat(rows).extracting(ImportRow::row).containsExactly(2, 3, 4, 5, 7, 8);
        assertThat(problems(rows.get(0))).containsExactly(
                "audience: a quote inside an unquoted field (quote the whole field and double the quotes in it)");
        assertThat(problems(rows.get(1))).containsExactly("id: text after the closing quote of a quoted field");
        assertThat(rows.get(2)).isInstanceOf(ImportRow.Accepted.class);
        assertThat(problems(rows.get(3))).containsExactly("id: text after the closing quote of a quoted field");
        assertThat(problems(rows.get(4))).singleElement().asString().startsWith("audience: a quote inside an unquoted field");
        assertThat(rows.get(5)).isInstanceOf(ImportRow.Accepted.class);
    }

    @Test
    void aQuoteNeverClosedIsAProblemOfTheRowItOpensIn() {
        List<ImportRow> rows = PartyCsv.read("test",
                "id,kind,audience,country\na,public,public,RU\nb,public,public,\"RU\nc,public,public,RU\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isInstanceOf(ImportRow.Accepted.class);
        assertThat(rows.get(1).row()).isEqualTo(3);
        assertThat(problems(rows.get(1))).containsExactly(
                "country: a quoted field is never closed; the rest of the document was read into it");
    }

    @Test
    void onlyEmptyLinesAreAnEmptyDocument() {
        assertThatThrownBy(() -> PartyCsv.read("test", "\n\r\n")).isInstanceOf(FileProblem.class).hasMessageContaining("empty");
    }

    private static Optional<String> site(ImportRow row) {
        assertThat(row).isInstanceOf(ImportRow.Accepted.class);
        return ((ImportRow.Accepted) row).party().place().at(PlaceLevel.SITE).map(NamedPlace::name);
    }

    static List<String> problems(ImportRow row) {
        assertThat(row).isInstanceOf(ImportRow.Rejected.class);
        return ((ImportRow.Rejected) row).problems().stream()
                .map(problem -> (problem.field() == null ? "-" : problem.field()) + ": " + problem.problem())
                .toList();
    }
}
