package io.forewarn.obligation;

import io.forewarn.policy.Role;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Facet;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Justification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.forewarn.Crocus.R1_UNMARKED;
import static io.forewarn.Crocus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules that keep people from quietly doing less than the duty asks. */
class GuardrailsTest {

    private static final Audience FOREIGN_GOVERNMENT = new Audience("foreign-government");
    private static final String AUTHORITIES = "R-1/ru-authorities";

    private static Desk received() {
        Desk desk = Desk.crocus();
        desk.duty.receive(R1_UNMARKED, "analyst-1");
        return desk;
    }

    @Test
    void aFacetLoweredOnTheGroundOfAWaiverNeedsAnApprovedWaiverToWarnLessSpecifically() {
        Desk desk = received();
        Map<Facet, io.forewarn.report.Level> lowered = Map.of(Facet.ACTOR, Facet.ACTOR.level("type"));
        Map<Facet, Justification> why = Map.of(Facet.ACTOR, Justification.WAIVER);

        assertThatThrownBy(() -> desk.duty.draft("R-1", FOREIGN_GOVERNMENT, lowered, why, "analyst-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an approved waiver to warn less specifically; none covers " + AUTHORITIES);
        assertThat(desk.casebook.drafts()).isEmpty();

        Waiver waiver = desk.duty.requestWaiver(AUTHORITIES, WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL,
                Waiver.Scope.LESS_SPECIFIC, "analyst-1", Role.ANALYST, Optional.of("sanitized warning through liaison"));
        desk.duty.decideWaiver(waiver.id(), true, "director-1", Role.DIRECTOR, "named actor would expose the source");
        DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, lowered, why, "analyst-1");

        assertThat(draft.draft().released().get(Facet.ACTOR).name()).isEqualTo("type");
        assertThat(draft.draft().isApprovable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "PARTNER"})
    void oversightAndPartnersCannotAskForAWaiver(Role role) {
        Desk desk = received();

        assertThatThrownBy(() -> desk.duty.requestWaiver(AUTHORITIES, WaiverReason.VICTIM_ALREADY_AWARE,
                Waiver.Scope.NOT_WARNED, "someone", role, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the role " + role.code() + " cannot request waivers");
        assertThat(desk.state(AUTHORITIES)).isEqualTo(ObligationState.OPEN);
        assertThat(desk.casebook.waivers()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ANALYST", "LIAISON", "OVERSIGHT", "PARTNER"})
    void onlyApproversAndDirectorsDecideWaiversEvenToRejectThem(Role role) {
        Desk desk = received();
        Waiver waiver = desk.duty.requestWaiver(AUTHORITIES, WaiverReason.VICTIM_ALREADY_AWARE,
                Waiver.Scope.NOT_WARNED, "analyst-1", Role.ANALYST, Optional.empty());

        assertThatThrownBy(() -> desk.duty.decideWaiver(waiver.id(), false, "someone-else", role, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the role " + role.code() + " cannot decide waivers");
        assertThat(desk.state(AUTHORITIES)).isEqualTo(ObligationState.WAIVER_REQUESTED);
    }

    @Test
    void everyRefusedApprovalIsOnTheTimeline() {
        Desk desk = received();
        DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

        assertThatThrownBy(() -> desk.duty.approve(draft.id(), "analyst-1", Role.ANALYST))
                .isInstanceOf(IllegalStateException.class);

        assertThat(desk.events("approval-refused")).singleElement().satisfies(event -> assertThat(event.summary())
                .isEqualTo("the role analyst cannot approve warnings; analyst-1 drafted it and cannot also approve it"));
    }

    @Test
    void aRecordedWarningWhoseTextLeaksIsKeptOutOfTheRecord() {
        ThreatReport secret = new ThreatReport(R1_UNMARKED.id(), R1_UNMARKED.receivedAt(), R1_UNMARKED.harm(), R1_UNMARKED.credibility(), R1_UNMARKED.place(),
                R1_UNMARKED.window(), R1_UNMARKED.statements(), R1_UNMARKED.portions(),
                new ProtectedMaterial(List.of(), List.of(), List.of("NIGHTJAR")), true);
        Desk desk = Desk.crocus();
        desk.duty.receive(secret, "analyst-1");
        Desk later = desk.later(Duration.ofHours(1));

        Warning warning = later.duty.issueRecorded("R-1", List.of("ru-authorities"),
                new TimeWindow(later.clock.instant(), later.clock.instant().plus(Duration.ofDays(2))),
                Map.of(Facet.PLACE, Facet.PLACE.level("locality"), Facet.TIME, Facet.TIME.level("week"),
                        Facet.TARGET, Facet.TARGET.level("class"), Facet.METHOD, Facet.METHOD.level("generic"),
                        Facet.ACTOR, Facet.ACTOR.level("type")),
                Optional.of("Nightjar says: avoid concert halls in Moscow"), Optional.empty(), Map.of(), "recorded");

        assertThat(warning.text()).isEqualTo("(text withheld: it reveals protected material)");
        assertThat(later.casebook.events()).extracting(TimelineEntry::summary)
                .noneSatisfy(summary -> assertThat(summary.toLowerCase()).contains("nightjar"))
                .anySatisfy(summary -> assertThat(summary).contains("reveals protected term #0"));
        assertThat(RECEIVED).isBefore(warning.issuedAt());
    }
}
