package io.forewarn.party;

import io.forewarn.place.Place;
import io.forewarn.report.ThreatReport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.forewarn.party.Parties.authority;
import static io.forewarn.party.Parties.publicOf;
import static io.forewarn.party.Parties.registrants;
import static io.forewarn.party.Parties.venue;
import static io.forewarn.party.Reports.report;
import static io.forewarn.place.Places.CROCUS_CITY_HALL;
import static io.forewarn.place.Places.MOSCOW_LOOSELY;
import static io.forewarn.place.Places.circle;
import static io.forewarn.place.Places.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AffectedPartiesTest {

    static final Place RU = place().country("RU").build();
    static final Place MOSCOW_BY_NAME = place().locality("Moscow").region("Moscow Oblast").country("RU").build();
    static final Place ST_PETERSBURG_HALL = place().site("Oktyabrsky Concert Hall", circle(59.931, 30.361, 0.3))
            .locality("Saint Petersburg").country("RU").build();

    /** The parties of the Crocus City Hall scenario, with the venue's kind recorded. */
    static final List<Party> CROCUS_PARTIES = List.of(
            registrants("us-citizens-ru", RU),
            publicOf("public-moscow", place().locality("Moscow").build()),
            authority("ru-authorities", RU),
            venue("crocus-city-hall", CROCUS_CITY_HALL, "concert hall", "exhibition centre"));

    /** "in Moscow", loosely, against concert halls and mass gatherings. */
    static final ThreatReport R1 = report(MOSCOW_LOOSELY, "class", "concert halls", "category", "mass gatherings");

    @Nested
    class TheCrocusCase {

        @Test
        void everyPartyOfTheScenarioIsAffectedInTheOrderGivenWithItsReasons() {
            List<Affected> affected = new AffectedParties(CROCUS_PARTIES).resolve(R1);

            assertThat(affected).extracting(a -> a.party().id(), Affected::reasons).containsExactly(
                    tuple("us-citizens-ru", List.of("place: names: same country RU")),
                    tuple("public-moscow", List.of("place: names: same locality Moscow")),
                    tuple("ru-authorities", List.of("jurisdiction: names: Moscow, Moscow Oblast, RU lies in country RU")),
                    tuple("crocus-city-hall", List.of(
                            "place: geometry: Crocus City Hall (site, radius 0.4 km) lies 16.2 km from the centre of "
                                    + "Moscow (locality, radius 40 km), so they meet",
                            "target: class concert halls includes the venue's kind concert hall")));
        }

        @Test
        void withoutTheReportsGeometryTheVenueInKrasnogorskIsNotReached() {
            List<Affected> affected = new AffectedParties(CROCUS_PARTIES)
                    .resolve(report(MOSCOW_BY_NAME, "class", "concert halls", "category", "mass gatherings"));

            assertThat(affected).extracting(a -> a.party().id())
                    .containsExactly("us-citizens-ru", "public-moscow", "ru-authorities");
        }

        @Test
        void aVenueWhoseKindsAreNotRecordedCannotBeRuledOutByClass() {
            // The scenario file in DESIGN.md declares the venue without kinds.
            Party crocus = venue("crocus-city-hall", CROCUS_CITY_HALL);

            List<Affected> affected = new AffectedParties(List.of(crocus)).resolve(R1);

            assertThat(affected).singleElement().satisfies(crocusAffected -> assertThat(crocusAffected.reasons())
                    .last().isEqualTo("target: class concert halls cannot be ruled out, the venue's kinds are not recorded"));
        }

        @Test
        void partiesElsewhereAreNotAffected() {
            List<Party> elsewhere = List.of(
                    registrants("us-citizens-kz", place().country("KZ").build()),
                    publicOf("public-spb", place().locality("Saint Petersburg").country("RU").build()),
                    venue("oktyabrsky", ST_PETERSBURG_HALL, "concert hall"));

            assertThat(new AffectedParties(elsewhere).resolve(R1)).isEmpty();
        }

        @Test
        void theReasonsReadAsOneLine() {
            Affected crocus = new AffectedParties(CROCUS_PARTIES).resolve(R1).get(3);

            assertThat(crocus.reason()).contains("so they meet; target: class concert halls");
        }
    }

    @Nested
    class Relationships {

        @ParameterizedTest
        @EnumSource(Relationship.class)
        void aPartysRelationshipNeverChangesWhetherOrWhyItIsAffected(Relationship relationship) {
            List<Party> parties = List.of(
                    registrants("us-citizens-ru", RU),
                    registrants("us-citizens-kz", place().country("KZ").build()),
                    publicOf("public-moscow", place().locality("Moscow").build()),
                    authority("ru-authorities", RU),
                    authority("oblast-authorities", place().region("Moscow Oblast").country("RU").build()),
                    venue("crocus-city-hall", CROCUS_CITY_HALL, "concert hall"),
                    venue("stadium", place().site("Luzhniki", circle(55.716, 37.554, 0.6)).build(), "stadium"),
                    venue("oktyabrsky", ST_PETERSBURG_HALL, "concert hall"));
            List<Party> flipped = parties.stream().map(party -> Parties.withRelationship(party, relationship)).toList();

            List<Affected> before = new AffectedParties(parties).resolve(R1);
            List<Affected> after = new AffectedParties(flipped).resolve(R1);

            assertThat(after).extracting(a -> a.party().relationship()).containsOnly(relationship);
            assertThat(after).extracting(a -> a.party().id(), Affected::reasons)
                    .containsExactlyElementsOf(before.stream().map(a -> tuple(a.party().id(), a.reasons())).toList());
            assertThat(before).extracting(a -> a.party().id())
                    .containsExactly("us-citizens-ru", "public-moscow", "ru-authorities", "oblast-authorities", "crocus-city-hall");
        }
    }

    @Nested
    class Venues {

        final Party synagogue = venue("synagogue", place().site("Choral Synagogue", circle(55.755, 37.636, 0.1)).build(), "Synagogue");
        final Party church = venue("church", place().site("St Basil's", circle(55.752, 37.623, 0.1)).build(), "church");
        final Party hall = venue("hall", CROCUS_CITY_HALL, "concert hall");
        final Party stadium = venue("stadium", place().site("Luzhniki", circle(55.716, 37.554, 0.6)).build(), "stadium");
        final AffectedParties index = new AffectedParties(List.of(synagogue, church, hall, stadium));

        @Test
        void aClassMatchesVenueKindsInTheSingular() {
            assertThat(ids(index.resolve(report(MOSCOW_LOOSELY, "class", "synagogues")))).containsExactly("synagogue");
            assertThat(ids(index.resolve(report(MOSCOW_LOOSELY, "class", "churches")))).containsExactly("church");
            assertThat(ids(index.resolve(report(MOSCOW_LOOSELY, "class", "Concert Halls")))).containsExactly("hall");
        }

        @Test
        void aCategoryAloneReachesEveryVenueInThePlace() {
            List<Affected> affected = index.resolve(report(MOSCOW_LOOSELY, "category", "mass gatherings"));

            assertThat(ids(affected)).containsExactly("synagogue", "church", "hall", "stadium");
            assertThat(affected.get(3).reasons()).last().isEqualTo("target: category mass gatherings covers any venue in the place");
        }

        @Test
        void aCategoryDoesNotReachVenuesOutsideThePlace() {
            AffectedParties withSpb = new AffectedParties(List.of(venue("oktyabrsky", ST_PETERSBURG_HALL, "concert hall")));

            assertThat(withSpb.resolve(report(MOSCOW_LOOSELY, "category", "mass gatherings"))).isEmpty();
        }

        @Test
        void aClassDecidesEvenWhenACategoryIsAlsoStated() {
            assertThat(ids(index.resolve(report(MOSCOW_LOOSELY, "class", "synagogues", "category", "mass gatherings"))))
                    .containsExactly("synagogue");
        }

        @Test
        void theNamedVenueIsATargetWhateverItsKindsAndOthersOfTheClassAreToo() {
            Party crocus = venue("crocus-city-hall", CROCUS_CITY_HALL, "exhibition centre");
            AffectedParties withCrocus = new AffectedParties(List.of(crocus, hall, stadium));

            List<Affected> affected = withCrocus.resolve(report(MOSCOW_LOOSELY, "named", "crocus city hall", "class", "concert halls"));

            assertThat(ids(affected)).containsExactly("crocus-city-hall", "hall");
            assertThat(affected.get(0).reasons()).last().isEqualTo("target: named crocus city hall");
        }

        @Test
        void aNameAloneReachesOnlyTheNamedVenue() {
            assertThat(ids(index.resolve(report(MOSCOW_LOOSELY, "named", "Luzhniki")))).containsExactly("stadium");
        }
    }

    @Nested
    class Authorities {

        @Test
        void aJurisdictionOverTheCountryContainsAReportInMoscow() {
            assertThat(ids(new AffectedParties(List.of(authority("ru", RU))).resolve(R1))).containsExactly("ru");
        }

        @Test
        void aRegionalJurisdictionDoesNotContainAReportStatedOnlyForTheCountry() {
            AffectedParties index = new AffectedParties(List.of(
                    authority("oblast", place().region("Moscow Oblast").build()),
                    authority("oblast-in-ru", place().region("Moscow Oblast").country("RU").build())));

            // The second jurisdiction meets the report (same country) but answers only for part of it.
            assertThat(index.resolve(report(RU, "category", "mass gatherings"))).isEmpty();
        }

        @Test
        void aJurisdictionWithGeometryContainsAReportInsideIt() {
            Place oblast = place().region("Moscow Oblast", circle(55.75, 37.6, 150)).country("RU").build();

            List<Affected> affected = new AffectedParties(List.of(authority("oblast", oblast))).resolve(R1);

            assertThat(affected).singleElement().extracting(Affected::reason).isEqualTo(
                    "jurisdiction: geometry: Moscow (locality, radius 40 km) lies within Moscow Oblast (region, radius 150 km)");
        }

        @Test
        void aCityJurisdictionDoesNotContainAReportThatReachesBeyondTheCity() {
            Place moscowCity = place().locality("Moscow", circle(55.756, 37.617, 20)).build();

            assertThat(new AffectedParties(List.of(authority("city", moscowCity))).resolve(R1)).isEmpty();
        }
    }

    private static List<String> ids(List<Affected> affected) {
        return affected.stream().map(a -> a.party().id()).toList();
    }
}
