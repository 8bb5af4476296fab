package io.forewarn.report;

import io.forewarn.Crocus;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.Places;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ThreatReportTest {

    /** R-1 of the Crocus case: "in Moscow", loosely, against concert halls and mass gatherings. */
    private static final ThreatReport R1 =
            Crocus.R1_UNMARKED;

    @Test
    void theCrocusReportIsAcceptedAndSupportsTheLevelsItStates() {
        assertThat(R1.supportedLevel(Facet.PLACE)).isEqualTo(Facet.PLACE.level("locality"));
        assertThat(R1.supportedLevel(Facet.TIME)).as("a 24-day window").isEqualTo(Facet.TIME.level("month"));
        assertThat(R1.supportedLevel(Facet.TARGET)).isEqualTo(Facet.TARGET.level("class"));
        assertThat(R1.supportedLevel(Facet.METHOD)).isEqualTo(Facet.METHOD.level("specific"));
        assertThat(R1.supportedLevel(Facet.ACTOR)).isEqualTo(Facet.ACTOR.level("named"));
        assertThat(R1.protectedMaterial()).isEqualTo(ProtectedMaterial.NONE);
        assertThat(R1.portions()).isEmpty();
    }

    @Test
    void statementsAreKeptMostSpecificFirstWhateverOrderTheyAreGivenIn() {
        Map<Level, String> target = new LinkedHashMap<>();
        target.put(Facet.TARGET.level("category"), "mass gatherings");
        target.put(Facet.TARGET.level("named"), " Crocus City Hall ");
        target.put(Facet.TARGET.level("class"), "concert halls");

        ThreatReport report = withStatements(Map.of(Facet.TARGET, target,
                Facet.METHOD, R1.statements().get(Facet.METHOD), Facet.ACTOR, R1.statements().get(Facet.ACTOR)));

        assertThat(report.statements().get(Facet.TARGET)).containsExactly(
                entry(Facet.TARGET.level("named"), "Crocus City Hall"),
                entry(Facet.TARGET.level("class"), "concert halls"),
                entry(Facet.TARGET.level("category"), "mass gatherings"));
        assertThat(report.supportedLevel(Facet.TARGET)).isEqualTo(Facet.TARGET.level("named"));
    }

    @Test
    void aStatementWithinACeilingIsTheMostSpecificOneNotAboveIt() {
        assertThat(R1.statementWithin(Facet.TARGET, Facet.TARGET.level("named")))
                .hasValue(entry(Facet.TARGET.level("class"), "concert halls"));
        assertThat(R1.statementWithin(Facet.TARGET, Facet.TARGET.level("category")))
                .hasValue(entry(Facet.TARGET.level("category"), "mass gatherings"));
        assertThat(R1.statementWithin(Facet.TARGET, Facet.TARGET.none())).isEmpty();
        assertThatThrownBy(() -> R1.statementWithin(Facet.PLACE, Facet.PLACE.top()))
                .hasMessage("place is not stated as text");
    }

    @Test
    void thePlaceIsSupportedAtItsMostSpecificNamedLevel() {
        ThreatReport countryOnly = withPlace(Places.place().country("RU").build());

        assertThat(countryOnly.supportedLevel(Facet.PLACE)).isEqualTo(Facet.PLACE.level("country"));
        assertThat(ThreatReport.placeLevel(Facet.PLACE.level("region"))).hasValue(PlaceLevel.REGION);
        assertThat(ThreatReport.placeLevel(Facet.PLACE.none())).isEmpty();
        assertThatThrownBy(() -> ThreatReport.placeLevel(Facet.TIME.level("day")))
                .hasMessage("time:day is not a place level");
    }

    @Test
    void aMissingTargetIsRefusedNamingTheFieldAndItsLevels() {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(R1.statements());
        statements.remove(Facet.TARGET);

        assertThatThrownBy(() -> withStatements(statements))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("target"))
                .hasMessage("target: needs at least one level (named, class, category)");
    }

    @Test
    void aMissingMethodIsRefusedNamingTheField() {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(R1.statements());
        statements.put(Facet.METHOD, Map.of());

        assertThatThrownBy(() -> withStatements(statements))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("method"))
                .hasMessage("method: needs at least one level (specific, generic)");
    }

    @Test
    void aMissingActorLevelIsRefusedNamingTheField() {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(R1.statements());
        statements.remove(Facet.ACTOR);

        assertThatThrownBy(() -> withStatements(statements))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("actor"))
                .hasMessage("actor: needs at least one level (named, type)");
    }

    @Test
    void aBlankStatementIsRefusedNamingFacetAndLevel() {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(R1.statements());
        statements.put(Facet.ACTOR, Map.of(Facet.ACTOR.level("named"), "Islamic State Khorasan Province",
                Facet.ACTOR.level("type"), "  "));

        assertThatThrownBy(() -> withStatements(statements))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("actor.type"))
                .hasMessage("actor.type: must not be blank");
    }

    @Test
    void aStatementAtLevelNoneIsRefused() {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(R1.statements());
        statements.put(Facet.METHOD, Map.of(Facet.METHOD.none(), "unknown"));

        assertThatThrownBy(() -> withStatements(statements))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("method.none"))
                .hasMessage("method.none: cannot carry a statement");
    }

    @Test
    void aStatementFiledUnderAnotherFacetIsRefused() {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(R1.statements());
        statements.put(Facet.ACTOR, Map.of(Facet.TARGET.level("named"), "Crocus City Hall"));

        assertThatThrownBy(() -> withStatements(statements))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("actor"))
                .hasMessageContaining("belongs to another facet");
    }

    @Test
    void placeAndTimeCannotBeStatedAsText() {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(R1.statements());
        statements.put(Facet.PLACE, Map.of(Facet.PLACE.level("locality"), "Moscow"));

        assertThatThrownBy(() -> withStatements(statements))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("place"))
                .hasMessage("place: is stated as a place or a time window, not as text");
    }

    @Test
    void anEmptyPlaceIsRefusedNamingTheField() {
        assertThatThrownBy(() -> withPlace(Place.of(Map.of())))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("place"))
                .hasMessage("place: needs at least one level (site, locality, region or country)");
        assertThatThrownBy(() -> withPlace(null))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("place"));
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        assertThatThrownBy(() -> new ThreatReport(" ", R1.receivedAt(), R1.harm(), R1.credibility(), R1.place(),
                R1.window(), R1.statements(), List.of(), null, true))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThatThrownBy(() -> new ThreatReport("R-1", null, R1.harm(), R1.credibility(), R1.place(),
                R1.window(), R1.statements(), List.of(), null, true))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("received-at"));
        assertThatThrownBy(() -> new ThreatReport("R-1", R1.receivedAt(), null, R1.credibility(), R1.place(),
                R1.window(), R1.statements(), List.of(), null, true))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("harm"));
        assertThatThrownBy(() -> new ThreatReport("R-1", R1.receivedAt(), R1.harm(), null, R1.place(),
                R1.window(), R1.statements(), List.of(), null, true))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("credibility"));
        assertThatThrownBy(() -> new ThreatReport("R-1", R1.receivedAt(), R1.harm(), R1.credibility(), R1.place(),
                null, R1.statements(), List.of(), null, true))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("time"))
                .hasMessage("time: needs a window with from and to");
    }

    @Test
    void aReportDoesNotShareTheCallersMutableStatements() {
        Map<Level, String> actor = new LinkedHashMap<>(R1.statements().get(Facet.ACTOR));
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(R1.statements());
        statements.put(Facet.ACTOR, actor);
        ThreatReport report = withStatements(statements);

        actor.remove(Facet.ACTOR.level("named"));

        assertThat(report.supportedLevel(Facet.ACTOR)).isEqualTo(Facet.ACTOR.level("named"));
        assertThatThrownBy(() -> report.statements().get(Facet.ACTOR).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static ThreatReport withStatements(Map<Facet, Map<Level, String>> statements) {
        return new ThreatReport(R1.id(), R1.receivedAt(), R1.harm(), R1.credibility(), R1.place(), R1.window(),
                statements, R1.portions(), R1.protectedMaterial(), R1.synthetic());
    }

    private static ThreatReport withPlace(Place place) {
        return new ThreatReport(R1.id(), R1.receivedAt(), R1.harm(), R1.credibility(), place, R1.window(),
                R1.statements(), R1.portions(), R1.protectedMaterial(), R1.synthetic());
    }
}
