package io.forewarn.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FacetLadderTest {

    @Test
    void eachFacetHasTheLadderOfTheDesignMostSpecificFirst() {
        assertThat(names(Facet.PLACE)).containsExactly("site", "locality", "region", "country", "none");
        assertThat(names(Facet.TIME)).containsExactly("exact", "day", "week", "month", "none");
        assertThat(names(Facet.TARGET)).containsExactly("named", "class", "category", "none");
        assertThat(names(Facet.METHOD)).containsExactly("specific", "generic", "none");
        assertThat(names(Facet.ACTOR)).containsExactly("named", "type", "none");
    }

    @ParameterizedTest
    @EnumSource(Facet.class)
    void noneHasRankZeroTheTopHasRankSizeMinusOneAndEachStepUpAddsOne(Facet facet) {
        List<Level> ladder = facet.ladder();
        int size = ladder.size();

        assertThat(facet.none().name()).isEqualTo("none");
        assertThat(facet.none().rank()).isZero();
        assertThat(facet.none().isNone()).isTrue();
        assertThat(facet.top()).isEqualTo(ladder.get(0));
        assertThat(facet.top().rank()).isEqualTo(size - 1);
        assertThat(ladder).extracting(Level::rank)
                .containsExactlyElementsOf(IntStream.range(0, size).map(i -> size - 1 - i).boxed().toList());
        assertThat(ladder).allSatisfy(level -> assertThat(level.facet()).isEqualTo(facet));
        assertThat(ladder.subList(0, size - 1)).noneMatch(Level::isNone);
    }

    @Test
    void levelsCompareBySpecificityWithinAFacet() {
        Level site = Facet.PLACE.level("site");
        Level country = Facet.PLACE.level("country");

        assertThat(site.isMoreSpecificThan(country)).isTrue();
        assertThat(country.isLessSpecificThan(site)).isTrue();
        assertThat(site.isLessSpecificThan(site)).isFalse();
        assertThat(site.coarser(country)).isEqualTo(country);
        assertThat(country.coarser(site)).isEqualTo(country);
        assertThat(site).isGreaterThan(country);
        assertThat(Facet.PLACE.ladder().stream().sorted().map(Level::name).toList())
                .containsExactly("none", "country", "region", "locality", "site");
    }

    @Test
    void levelNamesAreReadIgnoringCaseAndSurroundingSpace() {
        assertThat(Facet.TIME.level(" Week ")).isEqualTo(Facet.TIME.ladder().get(2));
        assertThat(Facet.TIME.level("week")).hasToString("time:week");
    }

    @Test
    void anUnknownLevelIsRefusedWithTheValidLevelsListed() {
        assertThatThrownBy(() -> Facet.TIME.level("hour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown time level 'hour'; expected one of: exact, day, week, month, none");
        assertThatThrownBy(() -> Facet.PLACE.level("city"))
                .hasMessage("unknown place level 'city'; expected one of: site, locality, region, country, none");
        assertThatThrownBy(() -> Facet.METHOD.level(null))
                .hasMessage("unknown method level 'null'; expected one of: specific, generic, none");
    }

    @Test
    void aLevelOfAnotherFacetIsNotALevelOfThisOne() {
        // "named" exists on the target and actor ladders, but not on place's
        assertThatThrownBy(() -> Facet.PLACE.level("named"))
                .hasMessageContaining("unknown place level 'named'");
        assertThat(Facet.TARGET.level("named")).isNotEqualTo(Facet.ACTOR.level("named"));
    }

    @Test
    void levelsOfDifferentFacetsCannotBeCompared() {
        Level site = Facet.PLACE.level("site");
        Level exact = Facet.TIME.level("exact");
        Level targetNamed = Facet.TARGET.level("named");
        Level actorNamed = Facet.ACTOR.level("named");

        assertThatThrownBy(() -> site.compareTo(exact))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare place:site with time:exact");
        assertThatThrownBy(() -> site.isMoreSpecificThan(exact)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> site.isLessSpecificThan(exact)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> site.coarser(exact)).isInstanceOf(IllegalArgumentException.class);
        // even levels of the same name and rank on two ladders are not comparable
        assertThatThrownBy(() -> targetNamed.coarser(actorNamed))
                .hasMessage("cannot compare target:named with actor:named");
    }

    @Test
    void facetsAreFoundByTheirKeyAndAnUnknownKeyListsTheFacets() {
        assertThat(Facet.of("method")).isEqualTo(Facet.METHOD);
        assertThatThrownBy(() -> Facet.of("weapon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown facet 'weapon'; expected one of: place, time, target, method, actor");
    }

    private static List<String> names(Facet facet) {
        return facet.ladder().stream().map(Level::name).toList();
    }
}
