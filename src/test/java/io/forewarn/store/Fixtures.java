package io.forewarn.store;

import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.place.Place;
import io.forewarn.place.Places;
import io.forewarn.policy.Role;
import io.forewarn.policy.Triage;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.incident.Incident;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Justification;
import io.forewarn.sanitize.Sanitizer;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.Crocus.R1;
import static io.forewarn.Crocus.POLICY;
import static io.forewarn.Crocus.MOSCOW;

/**
 * Test fixture: values of every kind the casebook stores, taken from the Crocus City Hall case
 * ({@link Crocus}) where it has them (its report R-1 carries portions and protected material) and
 * made up in its image where it does not.
 */
public final class Fixtures {

    /** A venue whose site is a polygon rather than a circle. */
    public static final Party PLAZA = new Party.Venue("plaza", new Audience("venue-operator"), Relationship.ALLY,
            Places.place().site("Plaza", Places.polygon(55.70, 37.50, 55.71, 37.52, 55.69, 37.53)).locality("Moscow")
                    .country("RU").build(),
            List.of("square", "market"), true);

    private Fixtures() {
    }

    public static Triage triage(ThreatReport report) {
        return Triage.of(report, POLICY);
    }

    /** R-1 under another id, received later. */
    public static ThreatReport report(String id) {
        return new ThreatReport(id, R1.receivedAt().plus(Duration.ofHours(1)), R1.harm(), R1.credibility(), R1.place(),
                R1.window(), R1.statements(), R1.portions(), R1.protectedMaterial(), R1.synthetic());
    }

    public static Obligation obligation(String reportId, Party party) {
        return Obligation.open(reportId + "/" + party.id(), reportId, party.id(), party.audience(), RECEIVED,
                RECEIVED.plus(Duration.ofHours(4)), "scheduler", POLICY.version(), "place: names: same country RU");
    }

    /** Opened at another instant than {@link #obligation}, with its deadline 4 hours after. */
    public static Obligation openedAt(String reportId, Party party, Instant opened) {
        return Obligation.open(reportId + "/" + party.id(), reportId, party.id(), party.audience(), opened,
                opened.plus(Duration.ofHours(4)), "scheduler", POLICY.version(), "place: names: same country RU");
    }

    public static Obligation moved(Obligation obligation, ObligationState to, Duration later) {
        return obligation.moveTo(to, obligation.history().get(obligation.history().size() - 1).at().plus(later),
                "analyst", POLICY.version(), "to " + to.code());
    }

    /** Past its deadline and escalated: its resume state says where work stood. */
    public static Obligation escalated(Party party) {
        Obligation drafted = moved(obligation("R-1", party), ObligationState.DRAFTED, Duration.ofMinutes(30));
        Obligation overdue = moved(drafted, ObligationState.OVERDUE, Duration.ofHours(4));
        return moved(overdue, ObligationState.ESCALATED, Duration.ZERO);
    }

    /** The draft the sanitizer makes of R-1 for a party's audience under the default policy. */
    public static DraftRecord draft(String id, Party party) {
        var draft = new Sanitizer(MOSCOW).draft(R1, party.audience(), POLICY.ceiling(party.audience()).orElseThrow());
        return new DraftRecord(id, draft, "analyst", RECEIVED.plus(Duration.ofMinutes(30)), List.of("R-1/" + party.id()),
                Optional.empty(), DraftRecord.Status.DRAFTED, Optional.empty());
    }

    public static DraftRecord withStatus(DraftRecord record, DraftRecord.Status status, String decidedBy) {
        return new DraftRecord(record.id(), record.draft(), record.draftedBy(), record.draftedAt(), record.obligationIds(),
                record.renews(), status, Optional.of(decidedBy));
    }

    public static Warning warning(String id, String reportId, Instant issuedAt, Party... parties) {
        Map<Facet, Level> released = new EnumMap<>(Facet.class);
        released.put(Facet.PLACE, Facet.PLACE.level("locality"));
        released.put(Facet.TIME, Facet.TIME.level("week"));
        released.put(Facet.TARGET, Facet.TARGET.level("class"));
        released.put(Facet.METHOD, Facet.METHOD.none());
        released.put(Facet.ACTOR, Facet.ACTOR.none());
        return new Warning(id, reportId, parties[0].audience(), List.of(parties).stream().map(Party::id).toList(), issuedAt,
                new TimeWindow(issuedAt, issuedAt.plus(Duration.ofHours(48))), released,
                R1.place().coarsenedTo(io.forewarn.place.PlaceLevel.LOCALITY), Optional.empty(),
                "avoid large gatherings, including concerts, in Moscow over the next 48 hours", Map.of(), 0.4,
                Map.of(Facet.METHOD, Justification.SOURCES_AND_METHODS), Optional.empty(), true);
    }

    /** {@code warning} as the renewal of the warning {@code renewed}. */
    public static Warning renewing(String renewed, Warning warning) {
        return new Warning(warning.id(), warning.reportId(), warning.audience(), warning.partyIds(), warning.issuedAt(),
                warning.validity(), warning.released(), warning.releasedPlace(), warning.statedWindow(), warning.text(),
                warning.translations(), warning.specificity(), warning.justifications(), Optional.of(renewed), warning.recorded());
    }

    public static Waiver waiver(String id, String obligationId) {
        return new Waiver(id, obligationId, WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL, Waiver.Scope.NOT_WARNED,
                "analyst", Role.ANALYST, RECEIVED.plus(Duration.ofHours(1)), Optional.of("sanitized warning through liaison"),
                Optional.empty());
    }

    public static Waiver approved(Waiver waiver) {
        return waiver.decided(new Waiver.Decision(true, "director", Role.DIRECTOR, waiver.requestedAt().plus(Duration.ofHours(1)),
                "liaison channel used instead"));
    }

    /** The attack as the scenario records it. */
    public static Incident attack() {
        return new Incident("crocus-city-hall-attack", Instant.parse("2024-03-22T16:58:00Z"), Places.CROCUS_CITY_HALL,
                "firearms and arson", Optional.of("concert hall"),
                new Incident.Casualties(OptionalInt.of(4), OptionalInt.of(137), OptionalInt.of(182), OptionalInt.of(11)),
                Optional.of("Islamic State"));
    }

    /** An incident known only in part: some figures not yet known, no target, no claim. */
    public static Incident partlyKnown(String id) {
        Place place = Places.place().locality("Krasnogorsk").region("Moscow Oblast").build();
        return new Incident(id, Instant.parse("2024-03-22T17:30:00Z"), place, "arson", Optional.empty(),
                new Incident.Casualties(OptionalInt.of(4), OptionalInt.empty(), OptionalInt.of(0), OptionalInt.empty()),
                Optional.empty());
    }

    public static TimelineEntry event(Instant at, String type, String subject) {
        return new TimelineEntry(at, type, subject, "scheduler", type + " of " + subject);
    }
}
