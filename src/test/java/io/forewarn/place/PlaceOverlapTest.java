package io.forewarn.place;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.forewarn.place.Places.CROCUS_CITY_HALL;
import static io.forewarn.place.Places.MOSCOW_LOOSELY;
import static io.forewarn.place.Places.circle;
import static io.forewarn.place.Places.place;
import static io.forewarn.place.Places.polygon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceOverlapTest {

    /** The report's place as scenario files state it when no geometry is given: just names. */
    static final Place MOSCOW_BY_NAME = place().locality("Moscow").region("Moscow Oblast").country("RU").build();

    static final Place ST_PETERSBURG_VENUE = place().site("Some Hall", circle(59.93, 30.33, 0.5))
            .locality("Saint Petersburg").country("RU").build();

    @Nested
    class Meets {

        @Test
        void aReportSayingMoscowLooselyReachesCrocusCityHallByGeometryThoughTheLocalitiesDiffer() {
            Overlap overlap = PlaceOverlap.meets(MOSCOW_LOOSELY, CROCUS_CITY_HALL);

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.basis()).isEqualTo(Overlap.Basis.GEOMETRY);
            assertThat(overlap.reason()).isEqualTo("geometry: Crocus City Hall (site, radius 0.4 km) lies 16.2 km "
                    + "from the centre of Moscow (locality, radius 40 km), so they meet");
        }

        @Test
        void withoutTheReportsGeometryNamesDecideAndTheLocalitiesDiffer() {
            Overlap overlap = PlaceOverlap.meets(MOSCOW_BY_NAME, CROCUS_CITY_HALL);

            assertThat(overlap.holds()).isFalse();
            assertThat(overlap.basis()).isEqualTo(Overlap.Basis.NAMES);
            assertThat(overlap.reason()).isEqualTo("names: locality Krasnogorsk is not Moscow");
        }

        @Test
        void registrantsAcrossTheCountryMeetByTheCountryName() {
            Overlap overlap = PlaceOverlap.meets(MOSCOW_LOOSELY, place().country("RU").build());

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.reason()).isEqualTo("names: same country RU");
        }

        @Test
        void thePublicOfMoscowMeetsByTheLocalityName() {
            Overlap overlap = PlaceOverlap.meets(MOSCOW_LOOSELY, place().locality("Moscow").build());

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.reason()).isEqualTo("names: same locality Moscow");
        }

        @Test
        void aVenueInStPetersburgDoesNotMeet() {
            Overlap overlap = PlaceOverlap.meets(MOSCOW_LOOSELY, ST_PETERSBURG_VENUE);

            assertThat(overlap.holds()).isFalse();
            assertThat(overlap.basis()).isEqualTo(Overlap.Basis.GEOMETRY);
            assertThat(overlap.reason()).matches("geometry: Some Hall \\(site, radius 0.5 km\\) lies 6\\d\\d\\.\\d km "
                    + "from the centre of Moscow \\(locality, radius 40 km\\), so they do not meet");
        }

        @Test
        void namesAreComparedIgnoringCaseSurroundingAndRepeatedWhiteSpaceAndCompatibilityForms() {
            Place report = place().locality("  moscow ").region("moscow  oblast").country("ru").build();

            assertThat(PlaceOverlap.meets(report, place().locality("MOSCOW").build()).holds()).isTrue();
            assertThat(PlaceOverlap.meets(report, place().locality("ＭＯＳＣＯＷ").build()).holds()).isTrue();
            assertThat(PlaceOverlap.meets(report, place().region("Moscow Oblast").build()).holds()).isTrue();
            assertThat(PlaceOverlap.meets(report, place().country("RU").build()).holds()).isTrue();
        }

        @Test
        void placesThatNameNoLevelInCommonDoNotMeet() {
            Overlap overlap = PlaceOverlap.meets(place().locality("Moscow").build(), place().country("RU").build());

            assertThat(overlap.holds()).isFalse();
            assertThat(overlap.reason()).isEqualTo("names: no level is named in both Moscow (locality) and RU (country)");
        }

        @Test
        void namesAreComparedAtTheMostSpecificLevelBothPlacesName() {
            Place report = place().site("Crocus City Hall").locality("Krasnogorsk").country("RU").build();

            assertThat(PlaceOverlap.meets(report, CROCUS_CITY_HALL).reason()).isEqualTo("names: same site Crocus City Hall");
            assertThat(PlaceOverlap.meets(report, place().site("Barvikha Concert Hall").locality("Krasnogorsk").build())
                    .holds()).isFalse();
            assertThat(PlaceOverlap.meets(report, place().locality("Krasnogorsk").country("RU").build()).holds()).isTrue();
        }

        @Test
        void namesDecideWhenTheOtherPlaceHasNoGeometryEvenIfTheReportHasSome() {
            Overlap overlap = PlaceOverlap.meets(MOSCOW_LOOSELY, place().locality("Krasnogorsk").build());

            assertThat(overlap.basis()).isEqualTo(Overlap.Basis.NAMES);
            assertThat(overlap.holds()).isFalse();
        }

        @Test
        void geometryOnlyAtACoarserLevelOfTheReportIsNotUsed() {
            Place report = place().site("Bolshoi Theatre").locality("Moscow", circle(55.756, 37.617, 40)).build();

            Overlap overlap = PlaceOverlap.meets(report, CROCUS_CITY_HALL);

            assertThat(overlap.basis()).isEqualTo(Overlap.Basis.NAMES);
            assertThat(overlap.reason()).isEqualTo("names: site Crocus City Hall is not Bolshoi Theatre");
        }

        @Test
        void theOtherPlacesMostSpecificGeometryIsUsedWhateverItsLevel() {
            Place club = place().site("A club").locality("Krasnogorsk", circle(55.82, 37.33, 5)).build();

            Overlap overlap = PlaceOverlap.meets(MOSCOW_LOOSELY, club);

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.reason()).startsWith("geometry: Krasnogorsk (locality, radius 5 km) lies ");
        }

        @Test
        void emptyPlacesAreRefused() {
            assertThatThrownBy(() -> PlaceOverlap.meets(MOSCOW_LOOSELY, place().build()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Correlating an incident with a report is the same question; the incident needs geometry to reach a loose report. */
    @Nested
    class Incidents {

        /** The incident as the scenario file states it: names only. */
        final Place incidentByName = place().site("Crocus City Hall").locality("Krasnogorsk").build();

        @Test
        void anIncidentStatedOnlyByNameIsJudgedByNamesAndMissesALooseMoscow() {
            assertThat(PlaceOverlap.meets(MOSCOW_LOOSELY, incidentByName).reason()).isEqualTo("names: locality Krasnogorsk is not Moscow");
            assertThat(PlaceOverlap.contains(MOSCOW_LOOSELY, incidentByName).holds()).isFalse();
        }

        @Test
        void theSameIncidentWithTheVenuesGeometryIsWithinALooseMoscow() {
            assertThat(PlaceOverlap.meets(MOSCOW_LOOSELY, CROCUS_CITY_HALL).holds()).isTrue();
            assertThat(PlaceOverlap.contains(MOSCOW_LOOSELY, CROCUS_CITY_HALL).holds()).isTrue();
        }
    }

    @Nested
    class Polygons {

        /** A rough box around Moscow. */
        final Place boxedMoscow = place()
                .locality("Moscow", polygon(55.5, 37.3, 55.5, 37.9, 56.0, 37.9, 56.0, 37.3)).country("RU").build();

        @Test
        void aCircleInsideAPolygonMeetsIt() {
            Overlap overlap = PlaceOverlap.meets(boxedMoscow, CROCUS_CITY_HALL);

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.reason())
                    .isEqualTo("geometry: Crocus City Hall (site, radius 0.4 km) overlaps Moscow (locality, polygon), so they meet");
        }

        @Test
        void aCircleOutsideAPolygonDoesNotMeetItAndTheGapIsReported() {
            // 0.1° of longitude west of the box is 6.2 km at this latitude; less the 0.4 km radius.
            Place west = place().site("West", circle(55.8, 37.2, 0.4)).build();

            Overlap overlap = PlaceOverlap.meets(boxedMoscow, west);

            assertThat(overlap.holds()).isFalse();
            assertThat(overlap.reason())
                    .isEqualTo("geometry: West (site, radius 0.4 km) lies 5.9 km outside Moscow (locality, polygon), so they do not meet");
        }

        @Test
        void aPolygonAgainstACircleReportIsMeasuredFromTheCircleCentre() {
            Place district = place().locality("District", polygon(55.70, 37.55, 55.70, 37.70, 55.80, 37.70, 55.80, 37.55)).build();

            Overlap overlap = PlaceOverlap.meets(MOSCOW_LOOSELY, district);

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.reason()).isEqualTo("geometry: District (locality, polygon) comes within 0.0 km of the centre of "
                    + "Moscow (locality, radius 40 km), so they meet");
        }

        @Test
        void polygonsMeetWhenTheyOverlapOrTouchAndNotOtherwise() {
            Place east = place().locality("East", polygon(55.6, 37.8, 55.6, 38.2, 55.9, 38.2, 55.9, 37.8)).build();
            Place touching = place().locality("Touching", polygon(55.6, 37.9, 55.6, 38.2, 55.9, 38.2, 55.9, 37.9)).build();
            Place apart = place().locality("Apart", polygon(55.6, 38.0, 55.6, 38.2, 55.9, 38.2, 55.9, 38.0)).build();

            assertThat(PlaceOverlap.meets(boxedMoscow, east).holds()).isTrue();
            assertThat(PlaceOverlap.meets(boxedMoscow, touching).holds()).isTrue();
            assertThat(PlaceOverlap.meets(boxedMoscow, apart).holds()).isFalse();
        }

        @Test
        void aConcavePolygonDoesNotMeetWhatLiesInItsNotch() {
            // An L: the north-east quarter of the box is cut away.
            Place ell = place().locality("Ell", polygon(55.5, 37.3, 55.5, 37.9, 55.75, 37.9, 55.75, 37.6,
                    56.0, 37.6, 56.0, 37.3)).build();
            Place inTheNotch = place().site("Notch", circle(55.9, 37.8, 1)).build();
            Place inTheLeg = place().site("Leg", circle(55.6, 37.8, 1)).build();

            assertThat(PlaceOverlap.meets(ell, inTheNotch).holds()).isFalse();
            assertThat(PlaceOverlap.meets(ell, inTheLeg).holds()).isTrue();
        }

        @Test
        void aClosedRingMeansTheSameAsAnOpenOne() {
            Place closed = place().locality("Moscow",
                    polygon(55.5, 37.3, 55.5, 37.9, 56.0, 37.9, 56.0, 37.3, 55.5, 37.3)).build();

            assertThat(PlaceOverlap.meets(closed, CROCUS_CITY_HALL)).isEqualTo(PlaceOverlap.meets(boxedMoscow, CROCUS_CITY_HALL));
        }

        @Test
        void aSelfIntersectingRingIsRepairedRatherThanFailing() {
            // A bow tie: a northern and a southern triangle meeting at (55.75, 37.6).
            Place bowTie = place().locality("Bow tie", polygon(55.5, 37.3, 56.0, 37.9, 56.0, 37.3, 55.5, 37.9)).build();

            assertThat(PlaceOverlap.meets(bowTie, place().site("North lobe", circle(55.9, 37.6, 0.1)).build()).holds()).isTrue();
            assertThat(PlaceOverlap.meets(bowTie, place().site("South lobe", circle(55.6, 37.6, 0.1)).build()).holds()).isTrue();
            assertThat(PlaceOverlap.meets(bowTie, place().site("West gap", circle(55.75, 37.4, 0.1)).build()).holds()).isFalse();
        }
    }

    /**
     * Edges are inclusive: a point exactly on a circle's edge is in the circle, and circles that
     * touch meet. "Exactly" is on the local plane (see {@link LocalPlane}), so the points below are
     * placed with the plane's own scale.
     */
    @Nested
    class Edges {

        static final double LAT = 55.756;
        static final double LON = 37.617;
        final Place tenKm = place().locality("Centre", circle(LAT, LON, 10)).build();

        @Test
        void aPointOnTheEdgeDueNorthOrDueEastMeetsTheCircle() {
            assertThat(PlaceOverlap.meets(tenKm, point(10, 0)).holds()).isTrue();
            assertThat(PlaceOverlap.meets(tenKm, point(0, 10)).holds()).isTrue();
        }

        @Test
        void aPointOnTheEdgeInBetweenVerticesOfTheApproximationMeetsTheCircle() {
            for (double degrees = 0; degrees < 360; degrees += 7.3) {
                double north = 10 * Math.sin(Math.toRadians(degrees));
                double east = 10 * Math.cos(Math.toRadians(degrees));
                assertThat(PlaceOverlap.meets(tenKm, point(north, east)).holds()).as("at %s°", degrees).isTrue();
                assertThat(PlaceOverlap.contains(tenKm, point(north, east)).holds()).as("at %s°", degrees).isTrue();
            }
        }

        @Test
        void aPointTwentyMetresBeyondTheEdgeDoesNotMeetTheCircle() {
            for (double degrees = 0; degrees < 360; degrees += 7.3) {
                double north = 10.02 * Math.sin(Math.toRadians(degrees));
                double east = 10.02 * Math.cos(Math.toRadians(degrees));
                assertThat(PlaceOverlap.meets(tenKm, point(north, east)).holds()).as("at %s°", degrees).isFalse();
            }
        }

        @Test
        void circlesThatTouchMeet() {
            Place touching = place().site("Touching", circle(LAT, LON + 12 / kmPerDegreeLon(LAT), 2)).build();

            assertThat(PlaceOverlap.meets(tenKm, touching).reason())
                    .isEqualTo("geometry: Touching (site, radius 2 km) lies 12.0 km from the centre of Centre (locality, radius 10 km), "
                            + "so they meet");
        }

        /** A point {@code north} and {@code east} kilometres from the centre on the plane the two are compared on. */
        Place point(double north, double east) {
            double lat = LAT + north / LocalPlane.KM_PER_DEGREE;
            double lon = LON + east / kmPerDegreeLon((LAT + lat) / 2);
            return place().site("Point", circle(lat, lon, 0)).build();
        }

        double kmPerDegreeLon(double referenceLat) {
            return LocalPlane.KM_PER_DEGREE * Math.cos(Math.toRadians(referenceLat));
        }
    }

    @Nested
    class Contains {

        @Test
        void aJurisdictionOverTheCountryContainsAReportInMoscow() {
            Overlap overlap = PlaceOverlap.contains(place().country("RU").build(), MOSCOW_LOOSELY);

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.reason()).isEqualTo("names: Moscow, Moscow Oblast, RU lies in country RU");
        }

        @Test
        void aJurisdictionOverARegionDoesNotContainAReportStatedOnlyAtCountryLevel() {
            Overlap overlap = PlaceOverlap.contains(place().region("Moscow Oblast").build(), place().country("RU").build());

            assertThat(overlap.holds()).isFalse();
            assertThat(overlap.reason()).isEqualTo("names: RU names no region, so it cannot be placed within region Moscow Oblast");
        }

        @Test
        void byNamesMoscowDoesNotContainCrocusCityHallInKrasnogorsk() {
            Overlap overlap = PlaceOverlap.contains(MOSCOW_BY_NAME, CROCUS_CITY_HALL);

            assertThat(overlap.holds()).isFalse();
            assertThat(overlap.reason()).isEqualTo(
                    "names: Crocus City Hall, Krasnogorsk, Moscow Oblast, RU lies in locality Krasnogorsk, not Moscow");
        }

        @Test
        void byGeometryMoscowLooselyContainsCrocusCityHall() {
            Overlap overlap = PlaceOverlap.contains(MOSCOW_LOOSELY, CROCUS_CITY_HALL);

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.reason())
                    .isEqualTo("geometry: Crocus City Hall (site, radius 0.4 km) lies within Moscow (locality, radius 40 km)");
        }

        @Test
        void anAreaReachingOutOfAnotherIsNotContainedInIt() {
            Place wide = place().locality("Wide", circle(55.9, 37.617, 25)).build();

            Overlap overlap = PlaceOverlap.contains(MOSCOW_LOOSELY, wide);

            assertThat(overlap.holds()).isFalse();
            assertThat(overlap.reason()).isEqualTo("geometry: Wide (locality, radius 25 km) extends beyond Moscow (locality, radius 40 km)");
        }

        @Test
        void anAreaElsewhereIsNotContainedAndTheGapIsReported() {
            Overlap overlap = PlaceOverlap.contains(MOSCOW_LOOSELY, ST_PETERSBURG_VENUE);

            assertThat(overlap.holds()).isFalse();
            assertThat(overlap.reason()).matches("geometry: Some Hall \\(site, radius 0.5 km\\) lies 5\\d\\d\\.\\d km outside "
                    + "Moscow \\(locality, radius 40 km\\)");
        }

        @Test
        void containmentIsNotSymmetric() {
            assertThat(PlaceOverlap.contains(MOSCOW_LOOSELY, place().country("RU").build()).holds()).isFalse();
        }

        @Test
        void innerGeometryCoarserThanTheOuterLevelLeavesTheDecisionToNames() {
            Place krasnogorsk = place().locality("Krasnogorsk", circle(55.82, 37.33, 6)).build();
            Place siteInABigRegion = place().site("Crocus City Hall").locality("Krasnogorsk")
                    .region("Moscow Oblast", polygon(54.2, 35.1, 54.2, 40.2, 56.97, 40.2, 56.97, 35.1)).build();

            Overlap overlap = PlaceOverlap.contains(krasnogorsk, siteInABigRegion);

            assertThat(overlap.holds()).isTrue();
            assertThat(overlap.basis()).isEqualTo(Overlap.Basis.NAMES);
        }
    }
}
