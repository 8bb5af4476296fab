package io.forewarn.obligation;

import io.forewarn.policy.Role;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Facet;
import io.forewarn.report.Marking;
import io.forewarn.report.Portion;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Justification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.forewarn.Crocus.R1_UNMARKED;
import static io.forewarn.Crocus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Protected material (sources, methods, terms and protected portions) never shows in what the
 * workflow writes for every reader: event summaries, transition notes and the messages of refusals.
 * The report below puts protected words into the statements a warning is made of, so the flows
 * have something to leak.
 */
class ProtectedMaterialStaysOutTest {

    static final ProtectedMaterial MATERIAL = new ProtectedMaterial(
            List.of("walk-in volunteer at the Dushanbe embassy"),
            List.of("signals collection", "intercepted messenger chats"),
            List.of("NIGHTJAR", "selector 7731-KX"));

    static final String PROTECTED_PORTION = "On 4 March the walk-in described an armed assault on an audience at a "
            + "concert hall, planned by four men who met in Dushanbe.";

    static final List<Portion> PORTIONS = List.of(
            new Portion(Marking.PUBLIC, "Islamic State Khorasan Province has threatened mass gatherings in Russia."),
            new Portion(Marking.PROTECTED, PROTECTED_PORTION));

    /** R-1 whose specific method is quoted in the protected portion and whose named actor carries a code word. */
    static ThreatReport report(String id) {
        ThreatReport r = Desk.withStatement(R1_UNMARKED, Facet.ACTOR, "named", "Islamic State Khorasan Province (NIGHTJAR cell)");
        return Desk.withId(Desk.withProtected(r, MATERIAL, PORTIONS), id);
    }

    final Desk desk = Desk.crocus();
    final List<String> refusals = new ArrayList<>();

    void refused(Executable step) {
        refusals.add(assertThrows(RuntimeException.class, step).getMessage());
    }

    @Test
    void noSummaryNoteOrRefusalCarriesProtectedMaterial() {
        Audience foreign = new Audience("foreign-government");
        Audience citizens = new Audience("own-citizens");
        desk.duty.receive(report("R-1"), "analyst-1");
        desk.duty.receive(report("R-2"), "analyst-1");
        desk.duty.receive(Desk.withCredibility(report("R-3"), "E5"), "analyst-1");

        // drafted, refused three ways, approved, issued, delivered, acknowledged, renewed, expired
        DraftRecord foreignDraft = desk.duty.draft("R-1", foreign, "analyst-1");
        refused(() -> desk.duty.approve(foreignDraft.id(), "analyst-1", Role.APPROVER));
        refused(() -> desk.duty.approve(foreignDraft.id(), "liaison-1", Role.LIAISON));
        refused(() -> desk.duty.deliver("R-1/ru-authorities", "liaison-1", "liaison"));
        DraftRecord lowered = desk.duty.draft("R-1", foreign, Map.of(Facet.PLACE, Facet.PLACE.level("country")),
                Map.of(), "analyst-1");
        refused(() -> desk.duty.approve(lowered.id(), "approver-1", Role.APPROVER));
        DraftRecord justified = desk.duty.draft("R-1", foreign, Map.of(Facet.PLACE, Facet.PLACE.level("country")),
                Map.of(Facet.PLACE, Justification.SOURCES_AND_METHODS), "analyst-1");
        desk.duty.approve(justified.id(), "approver-1", Role.APPROVER);
        Warning toForeign = desk.later(Duration.ofHours(1)).duty.issue(justified.id(), "approver-1");
        desk.duty.deliver("R-1/ru-authorities", "liaison-1", "liaison");
        desk.duty.acknowledge("R-1/ru-authorities", "liaison-1");
        for (String audience : List.of("own-citizens", "public", "venue-operator")) {
            DraftRecord draft = desk.duty.draft("R-1", new Audience(audience), "analyst-1");
            desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
            desk.duty.issue(draft.id(), "approver-1");
        }

        // waivers approved, refused and rejected; the rest goes overdue and escalates
        Waiver sources = desk.duty.requestWaiver("R-2/ru-authorities", WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL,
                Waiver.Scope.NOT_WARNED, "analyst-1", Role.ANALYST, Optional.of("sanitized warning through liaison"));
        refused(() -> desk.duty.decideWaiver(sources.id(), true, "approver-1", Role.APPROVER, "no"));
        desk.duty.decideWaiver(sources.id(), true, "director-1", Role.DIRECTOR, "alternative recorded");
        Waiver bare = desk.duty.requestWaiver("R-2/crocus-city-hall", WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL,
                Waiver.Scope.NOT_WARNED, "analyst-1", Role.ANALYST, Optional.empty());
        refused(() -> desk.duty.decideWaiver(bare.id(), true, "director-1", Role.DIRECTOR, ""));
        desk.duty.decideWaiver(bare.id(), false, "director-1", Role.DIRECTOR, "warn the venue");
        refused(() -> desk.duty.draft("R-2", new Audience("partner-government"), "analyst-1"));
        desk.sweepAt(RECEIVED.plus(Duration.ofHours(4)));
        desk.sweepAt(RECEIVED.plus(Duration.ofHours(8)));

        // renewal and expiry of R-1's warnings, and an issue after the threat window
        Instant renewalDue = toForeign.validity().to().minus(Duration.ofHours(6));
        desk.sweepAt(renewalDue);
        DraftRecord renewal = desk.duty.draftRenewal(toForeign.id(), "analyst-2");
        desk.duty.approve(renewal.id(), "approver-1", Role.APPROVER);
        desk.duty.issue(renewal.id(), "approver-1");
        desk.sweepAt(toForeign.validity().to());
        DraftRecord late = desk.duty.draft("R-2", citizens, "analyst-1");
        desk.duty.approve(late.id(), "approver-1", Role.APPROVER);
        desk.sweepAt(R1_UNMARKED.window().to());
        refused(() -> desk.duty.issue(late.id(), "approver-1"));

        // the flows had protected material to leak, and the leak check had to step in
        assertThat(foreignDraft.draft().justifications()).containsEntry(Facet.METHOD, Justification.LEAK_CHECK)
                .containsEntry(Facet.ACTOR, Justification.LEAK_CHECK);
        assertThat(desk.eventTypes()).contains("warning-issued", "warning-renewed", "renewal-due", "warning-expired",
                "obligation-overdue", "obligation-escalated", "waiver-approved", "waiver-rejected",
                "approval-refused", "report-triaged");
        assertThat(refusals).hasSize(8);

        List<String> written = Stream.of(
                        desk.casebook.events().stream().map(TimelineEntry::summary),
                        desk.casebook.obligations().stream().flatMap(o -> o.history().stream()).map(Transition::note),
                        refusals.stream(),
                        desk.casebook.warnings().stream().map(Warning::text))
                .flatMap(s -> s)
                .toList();
        assertThat(written).allSatisfy(ProtectedMaterialStaysOutTest::showsNothingProtected);
    }

    /** R-1 whose own place names a protected term: "Moscow Oblast" is the region it states. */
    static ThreatReport placeNamingItsProtectedTerm() {
        return Desk.withProtected(R1_UNMARKED, new ProtectedMaterial(List.of(), List.of(), List.of("MOSCOW-OBLAST")),
                List.of());
    }

    @Test
    void theReasonsAPartyIsAffectedQuoteNoProtectedTermOfItsReport() {
        desk.duty.receive(placeNamingItsProtectedTerm(), "analyst-1");

        TimelineEntry authorities = desk.casebook.events().stream()
                .filter(e -> e.subject().equals("R-1/ru-authorities")).findFirst().orElseThrow();
        assertThat(authorities.summary()).endsWith("; jurisdiction: wording withheld, it would reveal protected material"
                + " of the report").doesNotContainIgnoringCase("moscow oblast");
        assertThat(desk.obligation("R-1/ru-authorities").history().get(0).note())
                .isEqualTo("jurisdiction: wording withheld, it would reveal protected material of the report");
        // a reason that quotes nothing protected stays as it was
        assertThat(desk.obligation("R-1/us-citizens-ru").history().get(0).note()).isEqualTo("place: names: same country RU");
    }

    @Test
    void aSummaryThatWouldRevealItsReportIsWrittenFromIdsAlone() {
        desk.duty.receive(placeNamingItsProtectedTerm(), "analyst-1");
        Obligation citizens = desk.obligation("R-1/us-citizens-ru");

        desk.duty.publish(new DutyEvent.ObligationOverdue(RECEIVED, citizens, DutyToWarn.SCHEDULER,
                "overdue; the threat is to the Moscow  oblast"));
        desk.duty.publish(new DutyEvent.ObligationOverdue(RECEIVED, citizens, DutyToWarn.SCHEDULER, "overdue in Moscow"));

        List<TimelineEntry> events = desk.casebook.events();
        assertThat(events.get(events.size() - 2).summary()).isEqualTo("obligation-overdue R-1/us-citizens-ru (report R-1):"
                + " the summary is withheld, as it would reveal protected material of the report");
        assertThat(events.get(events.size() - 1).summary()).isEqualTo("overdue in Moscow");
    }

    @Test
    void theCheckSeesAnItemInAnyCaseAndFiveWordsLiftedFromTheProtectedPortion() {
        assertThat(List.of("warning W-1 per Nightjar", "Planned by four men who met somewhere",
                "the source: Walk-In Volunteer at the Dushanbe Embassy"))
                .allSatisfy(text -> assertThatThrownBy(() -> showsNothingProtected(text))
                        .isInstanceOf(AssertionError.class));
        showsNothingProtected("four men met in a concert hall");
    }

    static void showsNothingProtected(String text) {
        Stream.of(MATERIAL.sources(), MATERIAL.methods(), MATERIAL.terms()).flatMap(List::stream).forEach(item ->
                assertThat(text).as("protected item in: %s", text).doesNotContainIgnoringCase(item));
        assertThat(words(text)).as("protected portion in: %s", text)
                .doesNotContain(fiveWordRuns(PROTECTED_PORTION).toArray(String[]::new));
    }

    /** The text's words, lower case, between single spaces (so a phrase matches whole words only). */
    static String words(String text) {
        return " " + String.join(" ", wordList(text)) + " ";
    }

    static List<String> fiveWordRuns(String text) {
        List<String> words = wordList(text);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i + 5 <= words.size(); i++) {
            runs.add(" " + String.join(" ", words.subList(i, i + 5)) + " ");
        }
        return runs;
    }

    static List<String> wordList(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toList());
    }
}
