package io.forewarn.cli;

import io.forewarn.code.Coded;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Waiver;
import io.forewarn.party.Relationship;
import io.forewarn.place.PlaceLevel;
import io.forewarn.policy.Role;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Marking;
import io.forewarn.review.FindingCode;
import io.forewarn.sanitize.Justification;
import io.forewarn.scenario.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every coded value of Forewarn through its own reader: each code reads back as its value, stripped of
 * white space and in any case, and an unknown one is refused in the one shape. It lives in {@code cli},
 * the package that sees all the others (and the CLI's own {@code --mode} values).
 */
class CodedEnumsTest {

    record Codes(String what, List<? extends Coded> values, Function<String, ? extends Coded> reader) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Codes> everyCodedValue() {
        List<Codes> all = new ArrayList<>(List.of(
                new Codes("harm", List.of(Harm.values()), Harm::of),
                new Codes("marking", List.of(Marking.values()), Marking::of),
                new Codes("facet", List.of(Facet.values()), Facet::of),
                new Codes("place level", List.of(PlaceLevel.values()), PlaceLevel::of),
                new Codes("relationship", List.of(Relationship.values()), Relationship::of),
                new Codes("role", List.of(Role.values()), Role::of),
                new Codes("waiver reason", List.of(WaiverReason.values()), WaiverReason::of),
                new Codes("justification", List.of(Justification.values()), Justification::of),
                new Codes("state", List.of(ObligationState.values()), ObligationState::of),
                new Codes("scope", List.of(Waiver.Scope.values()), Waiver.Scope::of),
                new Codes("draft status", List.of(DraftRecord.Status.values()), DraftRecord.Status::of),
                new Codes("finding", List.of(FindingCode.values()), FindingCode::of),
                new Codes("mode", List.of(Mode.values()), Mode::of),
                new Codes("mode", List.of(ScenarioCommand.Modes.values()), ScenarioCommand.Modes::of)));
        for (Facet facet : Facet.values()) {
            all.add(new Codes(facet.key() + " level", facet.ladder(), facet::level));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCodedValue")
    void everyCodeReadsBackAsItsValueStrippedAndInAnyCase(Codes codes) {
        for (Coded value : codes.values()) {
            assertThat(value.code()).as("a code is lower-case").isEqualTo(value.code().toLowerCase(Locale.ROOT));
            assertThat(codes.reader().apply(value.code())).isEqualTo(value);
            assertThat(codes.reader().apply("  " + value.code().toUpperCase(Locale.ROOT) + "\t")).isEqualTo(value);
        }
        assertThat(codes.values().stream().map(Coded::code)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCodedValue")
    void anUnknownCodeIsRefusedNamingWhatItIsAndListingTheCodesInOrder(Codes codes) {
        String listed = codes.values().stream().map(Coded::code).collect(Collectors.joining(", "));

        assertThatThrownBy(() -> codes.reader().apply("no-such-code"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown " + codes.what() + " 'no-such-code'; expected one of: " + listed);
    }
}
