package io.forewarn.review;

import io.forewarn.Crocus;
import io.forewarn.gazetteer.GazetteerExtract;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.InMemoryCasebook;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Obligations;
import io.forewarn.obligation.Timeline;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Identifier;
import io.forewarn.party.KnownAs;
import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Role;
import io.forewarn.report.ThreatReport;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.scenario.ReplayClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.forewarn.Crocus.MOSCOW;
import static io.forewarn.Crocus.R1_UNMARKED;
import static io.forewarn.party.Reports.report;
import static io.forewarn.place.Places.place;
import static io.forewarn.review.Casework.codes;
import static io.forewarn.review.Casework.incident;
import static io.forewarn.review.FindingCode.AFFECTED_PARTY_NEVER_WARNED;
import static io.forewarn.review.FindingCode.INCIDENT_COVERED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intended victim is a party by who it is: a report that names a person registered in another country (Berlin)
 * as its target, at a place in Moscow, obligates that person, and the after-action review of an incident in Moscow
 * holds the duty against her, through the real workflow under the default policy.
 */
class IntendedVictimTest {

    static final Audience INDIVIDUAL = new Audience("individual");

    /** A journalist registered where she lives, in Berlin, known by her name in two scripts and her passport. */
    static final Party MARA = new Party.Registrants("mara-kestenholz", INDIVIDUAL, Relationship.NEUTRAL,
            place().locality("Berlin").country("DE").build(), 1, true, List.of())
            .knownAs(new KnownAs(List.of("Mara Kestenholz", "Мара Кестенхольц"),
                    List.of(new Identifier("passport", "C01X00T47"))));

    /** Another person registered in Berlin, known by another name: neither the place nor the name reaches her. */
    static final Party ANNA = new Party.Registrants("anna-weber", INDIVIDUAL, Relationship.NEUTRAL,
            place().locality("Berlin").country("DE").build(), 1, true, List.of())
            .knownAs(new KnownAs(List.of("Anna Weber"), List.of()));

    /** R-1's facts, its target the journalist Mara Kestenholz among concert-goers, in Moscow. */
    static final ThreatReport NAMING_MARA = report(place().locality("Moscow").region("Moscow Oblast").country("RU").build(),
            "named", "the journalist Mara Kestenholz", "class", "concert halls");

    final ReplayClock clock = new ReplayClock(R1_UNMARKED.receivedAt(), MOSCOW);
    final Casebook casebook = new InMemoryCasebook(GazetteerExtract.gazetteer());
    final DutyToWarn duty = new DutyToWarn(casebook, new Timeline(casebook), Crocus.POLICY, new Sanitizer(MOSCOW), clock,
            GazetteerExtract.gazetteer());

    @Test
    void aReportNamingAPersonRegisteredInAnotherCountryObligatesThatPersonWithTheNameThatMatched() {
        casebook.putParty(MARA);
        casebook.putParty(ANNA);

        List<Obligation> opened = duty.receive(NAMING_MARA, "analyst-a");

        assertThat(opened).extracting(Obligation::partyId, o -> o.audience().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mara-kestenholz", "individual"));
        assertThat(opened.get(0).history().get(0).note())
                .isEqualTo("target: named the journalist Mara Kestenholz is the party's name Mara Kestenholz");
    }

    @Test
    void aPersonNamedByAReportAfterItWasReceivedIsObligatedWhenRegistered() {
        casebook.putParty(ANNA);
        duty.receive(NAMING_MARA, "analyst-a");

        duty.parties().register(MARA, "liaison-l");

        assertThat(casebook.obligation(Obligations.idFor("R-1", "mara-kestenholz"))).get()
                .satisfies(o -> assertThat(o.history().get(0).note())
                        .startsWith("target: named the journalist Mara Kestenholz is the party's name Mara Kestenholz; upon party-registered mara-kestenholz"));
    }

    @Test
    void theReviewHoldsTheDutyAgainstTheNamedPersonWhoWasNeverWarned() {
        casebook.putParty(MARA);
        duty.receive(NAMING_MARA, "analyst-a");
        clock.advanceTo(Crocus.moscow("2024-03-22T20:00"));

        Review review = review();

        assertThat(review.cases()).extracting(c -> c.party().id()).containsExactly("mara-kestenholz");
        assertThat(codes(review, "mara-kestenholz")).containsExactly(AFFECTED_PARTY_NEVER_WARNED);
        assertThat(review.findingsFor("R-1", "mara-kestenholz").get(0).detail())
                .contains("target: named the journalist Mara Kestenholz is the party's name Mara Kestenholz");
    }

    @Test
    void warnedAtTheIndividualCeilingTheNamedPersonIsToldWhereWhenAndHowAndIsCovered() {
        casebook.putParty(MARA);
        duty.receive(NAMING_MARA, "analyst-a");
        DraftRecord draft = duty.draft("R-1", INDIVIDUAL, "analyst-a");
        duty.approve(draft.id(), "approver-b", Role.APPROVER);
        Warning warning = duty.issue(draft.id(), "approver-b");
        duty.deliver(Obligations.idFor("R-1", "mara-kestenholz"), "liaison-l", "registrant alert");
        clock.advanceTo(Crocus.moscow("2024-03-08T20:00"));

        assertThat(warning.text()).isEqualTo("Security alert: credible threat to life. Method: armed assault on an audience. "
                + "Suspected perpetrators: terrorist group. Target: the journalist Mara Kestenholz. "
                + "Area: Moscow, Moscow Oblast, Russia. Dates: from 1 March 2024 to 31 March 2024. What to do: avoid large "
                + "gatherings, concerts and shopping centres; know the exits of any place you enter, and leave at once if "
                + "something seems wrong.");
        assertThat(codes(review(), "mara-kestenholz")).containsExactly(INCIDENT_COVERED);
    }

    @Test
    void aNearNameIsOfferedToAnAnalystNeverGuessedAndConfirmingItOpensTheObligationWithTheAnalystsLogin() {
        Party misspelt = MARA.knownAs(new KnownAs(List.of("Mara Kestenholtz"), List.of()));
        casebook.putParty(misspelt);

        assertThat(duty.receive(NAMING_MARA, "analyst-a")).isEmpty();
        assertThat(casebook.nearMatchesOf("R-1")).singleElement().satisfies(offer -> {
            assertThat(offer.partyId()).isEqualTo("mara-kestenholz");
            assertThat(offer.partyName()).isEqualTo("Mara Kestenholtz");
            assertThat(offer.how()).isEqualTo("one letter apart");
            assertThat(offer.status()).isEqualTo(io.forewarn.obligation.NearMatch.Status.OFFERED);
        });
        assertThat(casebook.events()).extracting(e -> e.type() + " " + e.actor() + ": " + e.summary()).contains(
                "near-match-offered analyst-a: near match M-1 offered: a name of mara-kestenholz is near the named target "
                        + "of report R-1 (one letter apart); an analyst confirms or rejects it");

        duty.confirmNearMatch("M-1", "analyst-c", "her passport is in the register");

        Obligation opened = casebook.obligation("R-1", "mara-kestenholz").orElseThrow();
        assertThat(opened.history().get(0).actor()).isEqualTo("analyst-c");
        assertThat(opened.history().get(0).note()).isEqualTo("target: named, near the party's name Mara Kestenholtz (one "
                + "letter apart), confirmed by analyst-c as near match M-1; upon near-match-confirmed M-1");
        // a later change of the party does not close what the analyst confirmed
        duty.parties().replace(misspelt.knownAs(new KnownAs(List.of("Mara Kestenholtz", "M. Kestenholtz"), List.of())),
                "liaison-l");
        assertThat(casebook.obligation("R-1", "mara-kestenholz").orElseThrow().closedAs()).isEmpty();
        assertThat(casebook.nearMatchesOf("R-1")).hasSize(1);
    }

    @Test
    void aRejectedNearNameIsRecordedWithItsAnalystAndNotOfferedAgain() {
        Party reordered = MARA.knownAs(new KnownAs(List.of("Kestenholz Mara"), List.of()));
        casebook.putParty(reordered);
        duty.receive(NAMING_MARA, "analyst-a");

        duty.rejectNearMatch("M-1", "analyst-c", "another person");
        duty.parties().replace(reordered, "liaison-l");

        assertThat(casebook.nearMatchesOf("R-1")).singleElement().satisfies(offer -> {
            assertThat(offer.how()).isEqualTo("the same words in another order");
            assertThat(offer.status()).isEqualTo(io.forewarn.obligation.NearMatch.Status.REJECTED);
            assertThat(offer.decision()).get().extracting(d -> d.by(), d -> d.note())
                    .containsExactly("analyst-c", "another person");
        });
        assertThat(casebook.obligation("R-1", "mara-kestenholz")).isEmpty();
        assertThat(casebook.events()).extracting(e -> e.type() + " " + e.actor()).contains("near-match-rejected analyst-c");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> duty.confirmNearMatch("M-1", "analyst-a", ""))
                .isInstanceOf(IllegalStateException.class).hasMessage("near match M-1 is already rejected by analyst-c; "
                        + "it is decided once");
    }

    @Test
    void aNameThatIsTheReportsProtectedTermIsMatchedButNeverWrittenWhereEveryRoleReadsIt() {
        ThreatReport protectedName = new ThreatReport(NAMING_MARA.id(), NAMING_MARA.receivedAt(), NAMING_MARA.harm(),
                NAMING_MARA.credibility(), NAMING_MARA.place(), NAMING_MARA.window(), NAMING_MARA.statements(),
                NAMING_MARA.portions(), new io.forewarn.report.ProtectedMaterial(List.of(), List.of(),
                List.of("Mara Kestenholz")), NAMING_MARA.synthetic());
        casebook.putParty(MARA);
        casebook.putParty(new Party.Registrants("near-mara", INDIVIDUAL, Relationship.NEUTRAL,
                place().locality("Vienna").country("AT").build(), 1, true, List.of())
                .knownAs(new KnownAs(List.of("Kestenholz Mara"), List.of())));

        List<Obligation> opened = duty.receive(protectedName, "analyst-a");

        assertThat(opened).extracting(Obligation::partyId).containsExactly("mara-kestenholz");
        assertThat(opened.get(0).history().get(0).note())
                .isEqualTo("target: wording withheld, it would reveal protected material of the report");
        assertThat(casebook.nearMatchesOf("R-1")).extracting(m -> m.partyId()).containsExactly("near-mara");
        assertThat(casebook.events()).extracting(e -> e.summary())
                .noneMatch(summary -> summary.toLowerCase(java.util.Locale.ROOT).contains("mara kestenholz"))
                .noneMatch(summary -> summary.toLowerCase(java.util.Locale.ROOT).contains("kestenholz mara"));
    }

    private Review review() {
        return new AfterActionReview(casebook, Crocus.POLICY, MOSCOW, GazetteerExtract.gazetteer())
                .review(incident("2024-03-08T19:58", place().locality("Moscow").build(), "concert hall"));
    }
}
