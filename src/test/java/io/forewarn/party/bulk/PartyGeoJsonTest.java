package io.forewarn.party.bulk;

import io.forewarn.party.Party;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.PlaceLevel;
import io.forewarn.yaml.FileProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.forewarn.party.bulk.PartyCsvTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parties from a GeoJSON FeatureCollection: points and polygons, properties checked one by one. */
class PartyGeoJsonTest {

    private static List<ImportRow> read(String... features) {
        return PartyGeoJson.read("test", "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",", features) + "]}");
    }

    private static String feature(String geometry, String properties) {
        return "{\"type\": \"Feature\", \"geometry\": " + geometry + ", \"properties\": " + properties + "}";
    }

    @Test
    void aPointIsLonLatAndTakesItsRadiusFromTheProperties() {
        List<ImportRow> rows = read(feature("{\"type\": \"Point\", \"coordinates\": [37.389, 55.826]}",
                "{\"id\": \"crocus\", \"kind\": \"venue\", \"audience\": \"venue-operator\", \"site\": \"Crocus City Hall\","
                        + " \"country\": \"RU\", \"radius-km\": 0.4, \"kinds\": [\"concert hall\"]}"));

        Party venue = ((ImportRow.Accepted) rows.get(0)).party();
        assertThat(venue.place().at(PlaceLevel.SITE).orElseThrow().area())
                .contains(new Area.Circle(new LatLon(55.826, 37.389), 0.4));
        assertThat(((Party.Venue) venue).kinds()).containsExactly("concert hall");
        assertThat(rows.get(0).row()).isZero();
    }

    @Test
    void namesAndIdentifiersAreListsOfStringsAndABadIdentifierIsAProblemOfItsFeature() {
        List<ImportRow> rows = read(feature("null",
                "{\"id\": \"mara\", \"kind\": \"registrants\", \"audience\": \"individual\", \"locality\": \"Berlin\","
                        + " \"count\": 1, \"names\": [\"Mara Kestenholz\", \"Мара Кестенхольц\"],"
                        + " \"identifiers\": [\"passport:C01X00T47\"]}"),
                feature("null", "{\"id\": \"bad\", \"kind\": \"registrants\", \"audience\": \"individual\","
                        + " \"locality\": \"Berlin\", \"count\": 1, \"identifiers\": [\"C01X00T47\", 7]}"));

        Party mara = ((ImportRow.Accepted) rows.get(0)).party();
        assertThat(mara.knownAs().names()).containsExactly("Mara Kestenholz", "Мара Кестенхольц");
        assertThat(mara.knownAs().identifiers()).extracting(Object::toString).containsExactly("passport:C01X00T47");
        assertThat(((ImportRow.Rejected) rows.get(1)).problems()).extracting(RowProblem::field, RowProblem::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("identifiers",
                        "expected a list of identifiers written scheme:value"));
    }

    @Test
    void aPolygonIsItsOuterRingWithoutTheRepeatedLastPosition() {
        List<ImportRow> rows = read(feature(
                "{\"type\": \"Polygon\", \"coordinates\": [[[37.3, 55.7], [37.9, 55.7], [37.9, 55.9], [37.3, 55.7]]]}",
                "{\"id\": \"moscow\", \"kind\": \"registrants\", \"audience\": \"own-citizens\", \"locality\": \"Moscow\","
                        + " \"count\": \"120\"}"));

        Party.Registrants registrants = (Party.Registrants) ((ImportRow.Accepted) rows.get(0)).party();
        assertThat(registrants.count()).isEqualTo(120);
        assertThat(registrants.place().at(PlaceLevel.LOCALITY).orElseThrow().area()).contains(new Area.Polygon(List.of(
                new LatLon(55.7, 37.3), new LatLon(55.7, 37.9), new LatLon(55.9, 37.9))));
    }

    @Test
    void everyFeatureIsJudgedOnItsOwn() {
        String good = feature("null", "{\"id\": \"ru\", \"kind\": \"authority\", \"audience\": \"foreign-government\","
                + " \"country\": \"RU\", \"channel\": \"embassy\"}");
        List<ImportRow> rows = read(
                good,
                feature("{\"type\": \"LineString\", \"coordinates\": [[1, 2], [3, 4]]}",
                        "{\"id\": 7, \"kind\": \"public\", \"audience\": \"public\", \"country\": \"RU\", \"colour\": \"red\"}"),
                feature("{\"type\": \"Polygon\", \"coordinates\": [[[1, 2], [3, 4], [5, 6], [7, 8]]]}",
                        "{\"id\": \"p\", \"kind\": \"public\", \"audience\": \"public\", \"country\": \"RU\", \"radius-km\": 2}"),
                feature("{\"type\": \"Point\", \"coordinates\": [200, 10]}",
                        "{\"id\": \"q\", \"kind\": \"registrants\", \"audience\": \"public\", \"country\": \"RU\", \"count\": \"many\"}"),
                "[1, 2]",
                "{\"type\": \"Place\", \"properties\": null}");

        assertThat(rows.get(0)).isInstanceOf(ImportRow.Accepted.class);
        assertThat(problems(rows.get(1))).containsExactly("geometry: the geometry's type must be Point or Polygon",
                "id: expected a string", "colour: not a property of a party (properties: id, kind, audience, relationship,"
                        + " site, locality, region, country, radius-km, count, kinds, channel, languages, names, identifiers)");
        assertThat(problems(rows.get(2))).containsExactly("geometry: a ring is closed: its last position repeats its first",
                "radius-km: a radius needs a Point geometry");
        assertThat(problems(rows.get(3))).containsExactly("geometry: longitude must be between -180 and 180",
                "count: expected a whole number");
        assertThat(problems(rows.get(4))).containsExactly("-: expected a GeoJSON Feature object");
        assertThat(problems(rows.get(5))).startsWith("type: must be \"Feature\"", "id: required");
        assertThat(rows).extracting(ImportRow::row).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void holesAndRadiiOnPolygonsAreRefused() {
        String ring = "[[1, 2], [3, 4], [5, 6], [1, 2]]";
        List<ImportRow> rows = read(
                feature("{\"type\": \"Polygon\", \"coordinates\": [" + ring + ", " + ring + "]}",
                        "{\"id\": \"a\", \"kind\": \"public\", \"audience\": \"public\", \"country\": \"RU\"}"),
                feature("{\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}",
                        "{\"id\": \"b\", \"kind\": \"public\", \"audience\": \"public\", \"country\": \"RU\", \"radius-km\": 1}"));

        assertThat(problems(rows.get(0))).singleElement().asString().contains("holes");
        assertThat(problems(rows.get(1))).containsExactly("radius-km: applies only to a Point geometry");
    }

    @Test
    void whatJtsWouldReadLenientlyIsStillRefused() {
        String properties = "{\"id\": \"p\", \"kind\": \"public\", \"audience\": \"public\", \"country\": \"RU\"}";
        List<ImportRow> rows = read(
                feature("{\"type\": \"Point\", \"coordinates\": [37]}", properties),
                feature("{\"type\": \"Point\", \"coordinates\": [37, 55, 0, 1]}", properties),
                feature("{\"type\": \"Point\", \"coordinates\": []}", properties),
                feature("{\"type\": \"Polygon\", \"coordinates\": []}", properties),
                feature("{\"type\": \"Polygon\", \"coordinates\": [[[1, 2], [3, 4], [1, 2]]]}", properties),
                feature("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2]}}", properties),
                feature("{\"type\": \"Point\", \"coordinates\": [37.389, 55.826, 180],"
                        + " \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:3857\"}}}", properties));

        assertThat(problems(rows.get(0))).containsExactly("geometry: a position is [longitude, latitude] in numbers");
        assertThat(problems(rows.get(1))).containsExactly("geometry: a position is [longitude, latitude] in numbers");
        assertThat(problems(rows.get(2))).containsExactly("geometry: a position is [longitude, latitude] in numbers");
        assertThat(problems(rows.get(3))).containsExactly("geometry: a Polygon's coordinates are a list of rings");
        assertThat(problems(rows.get(4))).containsExactly(
                "geometry: a ring needs at least four positions, the last repeating the first");
        assertThat(problems(rows.get(5))).containsExactly("geometry: the geometry's type must be Point or Polygon");
        assertThat(((ImportRow.Accepted) rows.get(6)).party().place().at(PlaceLevel.COUNTRY).orElseThrow().area())
                .as("an altitude is dropped and a crs member changes nothing").contains(new Area.Circle(new LatLon(55.826, 37.389), 0));
    }

    @Test
    void aDocumentThatIsNotAFeatureCollectionIsUnreadable() {
        assertThatThrownBy(() -> PartyGeoJson.read("test", "[]")).isInstanceOf(FileProblem.class)
                .hasMessageContaining("expected a GeoJSON FeatureCollection");
        assertThatThrownBy(() -> PartyGeoJson.read("test", "{\"type\": \"Feature\", \"features\": []}"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("must be \"FeatureCollection\"");
        assertThatThrownBy(() -> PartyGeoJson.read("test", "{\"type\": \"FeatureCollection\"}"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("needs \"features\"");
        assertThatThrownBy(() -> PartyGeoJson.read("test", "{\"type\": \"FeatureCollection\", \"features\": {}}"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("must be a list");
        assertThatThrownBy(() -> PartyGeoJson.read("test", "{\"type\": \"FeatureCollection\", \"features\": []} []"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("more text after");
    }

    @Test
    void jsonErrorsArePlacedButNeverRepeatTheDocumentsWords() {
        assertThatThrownBy(() -> PartyGeoJson.read("test", "{\"type\": \"FeatureCollection\",\n \"features\": [NIGHTJAR]}"))
                .isInstanceOf(FileProblem.class)
                .satisfies(e -> {
                    FileProblem problem = (FileProblem) e;
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.getMessage()).contains("not valid JSON").doesNotContain("NIGHTJAR");
                });
        assertThatThrownBy(() -> PartyGeoJson.read("test", "{\"type\": 1, \"type\": 2}"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> PartyGeoJson.read("test", "[".repeat(100)))
                .isInstanceOf(FileProblem.class).hasMessageContaining("expected a GeoJSON FeatureCollection");
        String deep = "{\"type\": \"FeatureCollection\", \"features\": [" + "[".repeat(100) + "]".repeat(100) + "]}";
        assertThatThrownBy(() -> PartyGeoJson.read("test", deep))
                .isInstanceOf(FileProblem.class).hasMessageContaining("nested more than 32 levels deep");
    }
}
