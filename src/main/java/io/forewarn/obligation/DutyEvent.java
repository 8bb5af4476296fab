package io.forewarn.obligation;

import io.forewarn.incident.Incident;
import io.forewarn.party.Party;
import io.forewarn.policy.Role;
import io.forewarn.policy.Triage;
import io.forewarn.report.ThreatReport;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happened in the handling of reports: every arrow of the flow is one of these. Each
 * carries the domain objects it is about (the issued {@link Warning}, not its id), so a listener needs
 * no second look in the casebook; its {@link #type() code} and {@link #entry() timeline entry} are the
 * stable, flat form that is stored, listed and hashed into the ledger. Every event is published through
 * {@link DutyEvents}, inside the change that records it.
 *
 * <p>The summary is written for every reader, so it never carries protected material.
 */
public sealed interface DutyEvent {

    Instant at();

    /** The login (or {@link DutyToWarn#SCHEDULER}) whose step this was. */
    String actor();

    String summary();

    /** What kind of event it is; its code is the stable name on the wire and in the ledger. */
    EventType type();

    /** The id of what it is about: a report, obligation, draft, warning, waiver or incident. */
    String subject();

    default TimelineEntry entry() {
        return new TimelineEntry(at(), type().code(), subject(), actor(), summary());
    }

    // --- reports

    record ReportReceived(Instant at, ThreatReport report, Triage triage, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.REPORT_RECEIVED; }
        public String subject() { return report.id(); }
    }

    /** The policy could not decide alone whether the report obliges a warning: a person must triage it. */
    record ReportTriaged(Instant at, ThreatReport report, Triage triage, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.REPORT_TRIAGED; }
        public String subject() { return report.id(); }
    }

    record ReportOutOfScope(Instant at, ThreatReport report, Triage triage, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.REPORT_OUT_OF_SCOPE; }
        public String subject() { return report.id(); }
    }

    record NoPartyAffected(Instant at, ThreatReport report, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.NO_PARTY_AFFECTED; }
        public String subject() { return report.id(); }
    }

    /** A report's place or threat window was revised; {@code before} is the report as it stood. */
    record ReportRevised(Instant at, ThreatReport report, ThreatReport before, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.REPORT_REVISED; }
        public String subject() { return report.id(); }
    }

    // --- parties (a party's details and place are need-to-know: summaries name its id only)

    /** A party was put on file, through the API one by one or by an import, one event per party. */
    record PartyRegistered(Instant at, Party party, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.PARTY_REGISTERED; }
        public String subject() { return party.id(); }
    }

    /** A party on file was replaced; {@code before} is the party as it stood. */
    record PartyUpdated(Instant at, Party party, Party before, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.PARTY_UPDATED; }
        public String subject() { return party.id(); }
    }

    /** A party was taken off file: no report reaches it any more, and its id is not given out again. */
    record PartyRemoved(Instant at, Party party, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.PARTY_REMOVED; }
        public String subject() { return party.id(); }
    }

    // --- obligations

    /** @param cause the event of the change that opened it: the report received or revised, the party registered or changed */
    record ObligationOpened(Instant at, Obligation obligation, Cause cause, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.OBLIGATION_OPENED; }
        public String subject() { return obligation.id(); }
    }

    record ObligationOverdue(Instant at, Obligation obligation, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.OBLIGATION_OVERDUE; }
        public String subject() { return obligation.id(); }
    }

    record ObligationEscalated(Instant at, Obligation obligation, Role to, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.OBLIGATION_ESCALATED; }
        public String subject() { return obligation.id(); }
    }

    /** The obligation was closed without a warning or a waiver, for {@code reason}. */
    record ObligationClosed(Instant at, Obligation obligation, ClosingReason reason, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.OBLIGATION_CLOSED; }
        public String subject() { return obligation.id(); }
    }

    /**
     * A report's revision brought its threat nearer, and with it the deadline of an obligation still awaiting its
     * warning: a deadline always lies inside the threat window as the agency knows it now.
     *
     * @param before the deadline it had
     */
    record DeadlineBroughtForward(Instant at, Obligation obligation, Instant before, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.DEADLINE_BROUGHT_FORWARD; }
        public String subject() { return obligation.id(); }
    }

    // --- drafts

    record WarningDrafted(Instant at, DraftRecord draft, List<Obligation> obligations, String actor, String summary)
            implements DutyEvent {
        public WarningDrafted {
            obligations = List.copyOf(obligations);
        }
        public EventType type() { return EventType.WARNING_DRAFTED; }
        public String subject() { return draft.id(); }
    }

    record RenewalDrafted(Instant at, DraftRecord draft, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.RENEWAL_DRAFTED; }
        public String subject() { return draft.id(); }
    }

    /** A draft was refused approval. The refusal outlives the refused change (see the server's case desk). */
    record ApprovalRefused(Instant at, DraftRecord draft, List<String> obstacles, String actor, String summary)
            implements DutyEvent {
        public ApprovalRefused {
            obstacles = List.copyOf(obstacles);
        }
        public EventType type() { return EventType.APPROVAL_REFUSED; }
        public String subject() { return draft.id(); }
    }

    record DraftApproved(Instant at, DraftRecord draft, List<Obligation> obligations, String actor, String summary)
            implements DutyEvent {
        public DraftApproved {
            obligations = List.copyOf(obligations);
        }
        public EventType type() { return EventType.DRAFT_APPROVED; }
        public String subject() { return draft.id(); }
    }

    record DraftCancelled(Instant at, DraftRecord draft, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.DRAFT_CANCELLED; }
        public String subject() { return draft.id(); }
    }

    /** A person changed the wording of a draft before approval; its levels were scored again. */
    record DraftEdited(Instant at, DraftRecord draft, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.DRAFT_EDITED; }
        public String subject() { return draft.id(); }
    }

    // --- warnings

    /**
     * A warning went out (or, replayed, went out as recorded).
     *
     * @param obligations the obligations it moved to issued, in their new versions
     */
    record WarningIssued(Instant at, Warning warning, List<Obligation> obligations, String actor, String summary)
            implements DutyEvent {
        public WarningIssued {
            obligations = List.copyOf(obligations);
        }
        public EventType type() { return EventType.WARNING_ISSUED; }
        public String subject() { return warning.id(); }
    }

    /** A renewal went out: the warning renews an earlier one while the threat lasts. */
    record WarningRenewed(Instant at, Warning warning, List<Obligation> obligations, String actor, String summary)
            implements DutyEvent {
        public WarningRenewed {
            obligations = List.copyOf(obligations);
        }
        public EventType type() { return EventType.WARNING_RENEWED; }
        public String subject() { return warning.id(); }
    }

    /**
     * An issued warning was withdrawn before its validity ended: no longer in force, it covers no one.
     *
     * @param warning     the warning with its {@link Warning#cancellation() cancellation}
     * @param obligations the obligations it held, moved to expired, in their new versions
     */
    record WarningCancelled(Instant at, Warning warning, List<Obligation> obligations, String actor, String summary)
            implements DutyEvent {
        public WarningCancelled {
            obligations = List.copyOf(obligations);
        }
        public EventType type() { return EventType.WARNING_CANCELLED; }
        public String subject() { return warning.id(); }
    }

    /** The recorded text of a replayed warning revealed protected material and is withheld. */
    record RecordedWarningLeaked(Instant at, String warningId, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.RECORDED_WARNING_LEAKED; }
        public String subject() { return warningId; }
    }

    /** A replayed warning reached a party the report created no obligation to warn. */
    record WarningToUnaffectedParty(Instant at, String warningId, String partyId, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.WARNING_TO_UNAFFECTED_PARTY; }
        public String subject() { return warningId; }
    }

    record WarningDelivered(Instant at, Obligation obligation, String channel, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.WARNING_DELIVERED; }
        public String subject() { return obligation.id(); }
    }

    /**
     * The outbox gave up on one delivery of a warning: its channel failed permanently, or every attempt the policy
     * allows failed. Its summary names the channel kind and the party, never the contact details.
     *
     * @param deliveryId the delivery's stable id (the one its receiver was sent)
     * @param channel    the contact point's kind
     */
    record DeliveryDeadLettered(Instant at, Obligation obligation, String deliveryId, String channel, int attempts,
                                String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.DELIVERY_DEAD_LETTERED; }
        public String subject() { return deliveryId; }
    }

    /** The other side of a contact point asked never to be sent to again (a webhook's 410); it is disabled. */
    record ContactPointDisabled(Instant at, String partyId, String channel, String deliveryId, String actor,
                                String summary) implements DutyEvent {
        public EventType type() { return EventType.CONTACT_POINT_DISABLED; }
        public String subject() { return partyId; }
    }

    record WarningAcknowledged(Instant at, Obligation obligation, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.WARNING_ACKNOWLEDGED; }
        public String subject() { return obligation.id(); }
    }

    /**
     * A person told the party of an obligation that a warning it had been given is withdrawn (liaison carries this
     * by hand, as it carried the warning). The obligation does not move: the cancellation moved it already.
     *
     * @param warning the cancelled warning whose withdrawal was carried
     */
    record WithdrawalDelivered(Instant at, Obligation obligation, Warning warning, String channel, String actor,
                               String summary) implements DutyEvent {
        public EventType type() { return EventType.WITHDRAWAL_DELIVERED; }
        public String subject() { return obligation.id(); }
    }

    /** A warning will expire while the threat lasts: its renewal is due. */
    record RenewalDue(Instant at, Warning warning, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.RENEWAL_DUE; }
        public String subject() { return warning.id(); }
    }

    record WarningExpired(Instant at, Obligation obligation, Warning warning, String actor, String summary)
            implements DutyEvent {
        public EventType type() { return EventType.WARNING_EXPIRED; }
        public String subject() { return obligation.id(); }
    }

    // --- waivers

    record WaiverRequested(Instant at, Waiver waiver, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.WAIVER_REQUESTED; }
        public String subject() { return waiver.id(); }
    }

    record WaiverApproved(Instant at, Waiver waiver, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.WAIVER_APPROVED; }
        public String subject() { return waiver.id(); }
    }

    record WaiverRejected(Instant at, Waiver waiver, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.WAIVER_REJECTED; }
        public String subject() { return waiver.id(); }
    }

    // --- near matches of a report's named target

    /** A party's name is near a report's named target: offered to an analyst, never taken as the target. */
    record NearMatchOffered(Instant at, NearMatch match, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.NEAR_MATCH_OFFERED; }
        public String subject() { return match.id(); }
    }

    record NearMatchConfirmed(Instant at, NearMatch match, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.NEAR_MATCH_CONFIRMED; }
        public String subject() { return match.id(); }
    }

    record NearMatchRejected(Instant at, NearMatch match, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.NEAR_MATCH_REJECTED; }
        public String subject() { return match.id(); }
    }

    // --- the rest

    record IncidentRecorded(Instant at, Incident incident, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.INCIDENT_RECORDED; }
        public String subject() { return incident.id(); }
    }

    /** A policy version was put in force; the decisions after it record its number. */
    record PolicyAdopted(Instant at, io.forewarn.policy.Policy policy, String actor, String summary) implements DutyEvent {
        public EventType type() { return EventType.POLICY_ADOPTED; }
        public String subject() { return "policy-v" + policy.version(); }
    }

    /** Something said or done that is not a warning: a countermeasure, a public statement, a refused step. */
    record Note(Instant at, String actor, String summary) implements DutyEvent {
        public Note {
            Objects.requireNonNull(summary, "summary");
        }
        public EventType type() { return EventType.NOTE; }
        public String subject() { return "-"; }
    }
}
