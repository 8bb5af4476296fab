package io.forewarn.store;

import io.forewarn.Crocus;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;
import io.forewarn.sanitize.Draft;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.LeakVerdict;
import io.forewarn.scenario.Mode;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayResult;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.forewarn.Crocus.SCENARIO;
import static io.forewarn.Crocus.POLICY;
import static io.forewarn.Crocus.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of value the casebook stores survives being written as JSON and read back, equal. */
class CasebookJsonTest {

    private final CasebookJson json = new CasebookJson();

    private <T> T roundTrip(Class<T> type, T value) {
        T back = json.read(type, json.write(type, value));
        assertThat(back).as(type.getSimpleName()).isEqualTo(value);
        return back;
    }

    @Test
    void rowsStoredBeforeLanguagesReadBackWithNone() {
        Party party = new Party.Public("p", Crocus.PUBLIC.audience(), Crocus.PUBLIC.relationship(), Crocus.PUBLIC.place(),
                false, List.of(io.forewarn.language.Language.of("ru")));
        String stored = json.write(Party.class, party);
        assertThat(stored).contains("\"languages\":[\"ru\"]");
        assertThat(json.read(Party.class, stored)).isEqualTo(party);
        String before = stored.replace(",\"languages\":[\"ru\"]", "");
        assertThat(json.read(Party.class, before).languages()).isEmpty();

        Warning warning = Fixtures.warning("W-1", "R-1", Crocus.RECEIVED, Crocus.CITIZENS);
        String warningBefore = json.write(Warning.class, warning).replace(",\"translations\":{}", "");
        assertThat(warningBefore).doesNotContain("translations");
        assertThat(json.read(Warning.class, warningBefore)).isEqualTo(warning);
    }

    @Test
    void aPartyKnownByNamesAndIdentifiersSurvivesAndRowsStoredBeforeReadBackKnownByNothing() {
        Party party = new Party.Registrants("mara", new io.forewarn.policy.Audience("individual"),
                io.forewarn.party.Relationship.NEUTRAL, Crocus.PUBLIC.place(), 1, false, List.of())
                .knownAs(new io.forewarn.party.KnownAs(List.of("Mara Kestenholz", "Мара Кестенхольц"),
                        List.of(new io.forewarn.party.Identifier("passport", "C01X00T47"))));
        String stored = json.write(Party.class, party);
        assertThat(stored).contains("\"knownAs\":{\"names\":[\"Mara Kestenholz\",\"Мара Кестенхольц\"],"
                + "\"identifiers\":[{\"scheme\":\"passport\",\"value\":\"C01X00T47\"}]}");
        assertThat(json.read(Party.class, stored)).isEqualTo(party);

        String before = stored.replaceAll(",\"knownAs\":\\{.*\\}\\]\\}", "");
        assertThat(before).doesNotContain("knownAs");
        assertThat(json.read(Party.class, before).knownAs()).isEqualTo(io.forewarn.party.KnownAs.NOTHING);
    }

    @Test
    void everythingACrocusReplayStoresSurvives() {
        List<ReplayResult> runs = new ArrayList<>();
        Replay replay = new Replay(SCENARIO, POLICY);
        runs.add(replay.run(Mode.AS_RECORDED));
        runs.add(replay.run(Mode.AS_POLICY));
        int values = 0;
        for (ReplayResult run : runs) {
            var casebook = run.casebook();
            for (Party party : casebook.parties()) {
                roundTrip(Party.class, party);
                values++;
            }
            for (ThreatReport report : casebook.reports()) {
                roundTrip(ThreatReport.class, report);
                values++;
            }
            for (Obligation obligation : casebook.obligations()) {
                roundTrip(Obligation.class, obligation);
                values++;
            }
            for (DraftRecord draft : casebook.drafts()) {
                roundTrip(DraftRecord.class, draft);
                values++;
            }
            for (Warning warning : casebook.warnings()) {
                roundTrip(Warning.class, warning);
                values++;
            }
            for (Waiver waiver : casebook.waivers()) {
                roundTrip(Waiver.class, waiver);
                values++;
            }
            for (Incident incident : casebook.incidents()) {
                roundTrip(Incident.class, incident);
                values++;
            }
            for (TimelineEntry event : casebook.events()) {
                roundTrip(TimelineEntry.class, event);
                values++;
            }
        }
        assertThat(values).isGreaterThan(100);
    }

    @Test
    void theCrocusReportKeepsItsPortionsAndProtectedMaterial() {
        assertThat(R1.portions()).hasSize(3);
        assertThat(R1.protectedMaterial().terms()).contains("NIGHTJAR");

        ThreatReport back = roundTrip(ThreatReport.class, R1);

        assertThat(back.protectedMaterial()).isEqualTo(R1.protectedMaterial());
        assertThat(back.protectedPortions()).isEqualTo(R1.protectedPortions());
        assertThat(back.statements()).isEqualTo(R1.statements());
        // statements stay ordered most specific first, as the report's methods rely on
        assertThat(back.supportedLevel(io.forewarn.report.Facet.ACTOR).name()).isEqualTo("named");
    }

    @Test
    void aDraftBlockedByTheLeakCheckKeepsItsMatches() {
        DraftRecord record = Fixtures.draft("D-7", Crocus.CITIZENS);
        LeakVerdict blocked = LeakCheck.forReport(R1)
                .check("NIGHTJAR reporting places the cell in safe houses near the ring road awaiting weapons");
        assertThat(blocked).isInstanceOf(LeakVerdict.Blocked.class);
        Draft leaky = new Draft(record.draft().reportId(), record.draft().audience(), record.draft().effectiveCeiling(),
                record.draft().released(), record.draft().releasedPlace(), record.draft().statedWindow(),
                "NIGHTJAR reporting places the cell in safe houses", Map.of(io.forewarn.language.Language.of("ru"), "NIGHTJAR в конспиративных квартирах"),
                record.draft().justifications(), blocked);
        DraftRecord blockedRecord = new DraftRecord("D-7", leaky, "analyst", record.draftedAt(), record.obligationIds(),
                java.util.Optional.of("W-1"), DraftRecord.Status.DRAFTED, java.util.Optional.empty());

        DraftRecord back = roundTrip(DraftRecord.class, blockedRecord);

        assertThat(back.draft().leak().isBlocked()).isTrue();
        assertThat(((LeakVerdict.Blocked) back.draft().leak()).matches())
                .isEqualTo(((LeakVerdict.Blocked) blocked).matches());
        assertThat(json.write(DraftRecord.class, blockedRecord)).contains("\"verdict\":\"blocked\"");
        assertThat(json.write(DraftRecord.class, record)).contains("\"leak\":{\"verdict\":\"clean\"}");
    }

    @Test
    void partiesOfEveryKindAndBothShapesOfAreaSurvive() {
        for (Party party : List.of(Crocus.CITIZENS, Crocus.PUBLIC, Crocus.AUTHORITIES, Crocus.VENUE, Fixtures.PLAZA)) {
            roundTrip(Party.class, party);
        }
        assertThat(json.write(Party.class, Fixtures.PLAZA))
                .startsWith("{\"kind\":\"venue\"")
                .contains("\"shape\":\"polygon\"");
        assertThat(json.write(Party.class, Crocus.VENUE)).contains("\"shape\":\"circle\"");
        assertThat(json.write(Party.class, Crocus.AUTHORITIES)).contains("\"kind\":\"authority\"");
    }

    @Test
    void anIncidentKnownInPartSurvives() {
        Incident partly = roundTrip(Incident.class, Fixtures.partlyKnown("fire"));
        assertThat(partly.casualties().killed()).isEmpty();
        assertThat(partly.casualties().injured()).hasValue(0);
        roundTrip(Incident.class, Fixtures.attack());
        roundTrip(Incident.class, new Incident("quiet", Crocus.RECEIVED, Crocus.VENUE.place(), "unknown",
                java.util.Optional.empty(), Incident.Casualties.UNKNOWN, java.util.Optional.empty()));
    }

    @Test
    void anObligationKeepsItsHistoryAndResumeState() {
        Obligation escalated = roundTrip(Obligation.class, Fixtures.escalated(Crocus.PUBLIC));
        assertThat(escalated.history()).hasSize(4);
        assertThat(escalated.history().get(0).from()).isNull();
        assertThat(escalated.resumeState()).contains(ObligationState.DRAFTED);
        assertThat(escalated.escalations()).isEqualTo(1);
    }

    @Test
    void aClosedObligationKeepsItsReasonAndOneStoredBeforeClosingExistedStillReads() {
        Obligation open = Fixtures.obligation("R-1", Crocus.PUBLIC);
        Obligation closed = roundTrip(Obligation.class, open.close(io.forewarn.obligation.ClosingReason.EXPIRED_UNWARNED,
                Crocus.RECEIVED.plus(java.time.Duration.ofDays(24)), "scheduler", 3, "the threat window ended"));
        String storedBefore = json.write(Obligation.class, open).replace(",\"closedAs\":null", "");

        assertThat(closed.closedAs()).contains(io.forewarn.obligation.ClosingReason.EXPIRED_UNWARNED);
        assertThat(storedBefore).doesNotContain("closedAs");
        assertThat(json.read(Obligation.class, storedBefore)).isEqualTo(open);
    }

    @Test
    void warningsAndWaiversWithAndWithoutTheirOptionalPartsSurvive() {
        roundTrip(Warning.class, Fixtures.warning("W-1", "R-1", Crocus.RECEIVED, Crocus.CITIZENS, Crocus.PUBLIC));
        Waiver asked = roundTrip(Waiver.class, Fixtures.waiver("X-1", "R-1/crocus-city-hall"));
        roundTrip(Waiver.class, Fixtures.approved(asked));
        roundTrip(Waiver.class, new Waiver("X-2", "R-1/ru-authorities", asked.reason(), Waiver.Scope.LESS_SPECIFIC,
                "liaison", io.forewarn.policy.Role.LIAISON, asked.requestedAt(), java.util.Optional.empty(),
                java.util.Optional.empty()));
    }

    @Test
    void valuesAreWrittenAsPeopleReadThem() {
        String report = json.write(ThreatReport.class, R1);
        assertThat(report)
                .contains("\"receivedAt\":\"2024-03-07T05:00:00Z\"")
                .contains("\"credibility\":\"B2\"")
                .contains("\"actor:named\":\"Islamic State Khorasan Province\"")
                .doesNotContain("\"empty\"")        // Place.isEmpty(), ProtectedMaterial.isEmpty() are not properties
                .doesNotContain("\"rank\"");         // a level is its name; the rank comes from the ladder
        String warning = json.write(Warning.class,
                Fixtures.warning("W-1", "R-1", Crocus.RECEIVED, Crocus.CITIZENS));
        assertThat(warning).contains("\"PLACE\":\"place:locality\"").contains("\"audience\":\"own-citizens\"");
        assertThat(json.write(Party.class, Crocus.VENUE)).doesNotContain("\"synthetic\":null");
    }

    @Test
    void instantsKeepEveryNanosecond() {
        TimelineEntry precise = new TimelineEntry(Instant.parse("2024-03-07T05:00:00.123456789Z"), "note", "-", "analyst", "x");
        roundTrip(TimelineEntry.class, precise);
    }

    @Test
    void whatIsNotAValidValueIsRefusedNotGuessed() {
        String warning = json.write(Warning.class, Fixtures.warning("W-1", "R-1", Crocus.RECEIVED, Crocus.CITIZENS));

        assertThatThrownBy(() -> json.read(Warning.class, warning.replace("place:locality", "place:street")))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.read(Warning.class, warning.replace("{\"id\":", "{\"colour\":\"red\",\"id\":")))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.read(Party.class, json.write(Party.class, Crocus.VENUE).replace("\"venue\"", "\"ship\"")))
                .isInstanceOf(JacksonException.class);
    }
}
