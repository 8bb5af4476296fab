package io.forewarn.obligation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link DutyEvents} of a casebook: each event is appended to the casebook's timeline, then every
 * listener hears it, in the order they were added. The timeline is read by every role and copied into the
 * ledger, so an event's summary is appended only if it passes the leak check of the report the event is about
 * ({@link NeedToKnow}); one that does not is written from ids alone ({@link #released}).
 */
public final class Timeline implements DutyEvents {

    private final Casebook casebook;
    private final List<DutyListener> listeners;
    private final NeedToKnow needToKnow;

    public Timeline(Casebook casebook) {
        this(casebook, List.of());
    }

    public Timeline(Casebook casebook, List<? extends DutyListener> listeners) {
        this.casebook = Objects.requireNonNull(casebook, "casebook");
        this.listeners = new CopyOnWriteArrayList<>(listeners);
        this.needToKnow = new NeedToKnow(casebook::report);
    }

    /** Adds a listener; it hears the events published from now on (a replay's people, who need the workflow first). */
    public void listen(DutyListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Appends the events in one go ({@link Casebook#appendAll}), then tells the listeners of each in order. */
    @Override
    public void publishAll(List<? extends DutyEvent> events) {
        List<Long> seqs = casebook.appendAll(events.stream().map(this::released).toList());
        for (int i = 0; i < events.size(); i++) {
            for (DutyListener listener : listeners) {
                listener.heard(seqs.get(i), events.get(i));
            }
        }
    }

    @Override
    public void publish(DutyEvent event) {
        long seq = casebook.append(released(event));
        for (DutyListener listener : listeners) {
            listener.heard(seq, event);
        }
    }

    /** The event's entry, its summary written from ids alone if it would reveal protected material of its report. */
    TimelineEntry released(DutyEvent event) {
        if (event instanceof DutyEvent.ReportReceived received) {
            needToKnow.know(received.report());
        }
        TimelineEntry entry = event.entry();
        return reportOf(event)
                .filter(reportId -> needToKnow.reveals(reportId, entry.summary()))
                .map(reportId -> entry.withSummary(entry.type() + " " + entry.subject() + " (report " + reportId
                        + "): the summary is withheld, as it would reveal protected material of the report"))
                .orElse(entry);
    }

    /** The report an event is about, if it is about one. */
    private Optional<String> reportOf(DutyEvent event) {
        if (event instanceof DutyEvent.ReportReceived e) {
            return Optional.of(e.report().id());
        } else if (event instanceof DutyEvent.ReportTriaged e) {
            return Optional.of(e.report().id());
        } else if (event instanceof DutyEvent.ReportOutOfScope e) {
            return Optional.of(e.report().id());
        } else if (event instanceof DutyEvent.NoPartyAffected e) {
            return Optional.of(e.report().id());
        } else if (event instanceof DutyEvent.ObligationOpened e) {
            return Optional.of(e.obligation().reportId());
        } else if (event instanceof DutyEvent.ObligationOverdue e) {
            return Optional.of(e.obligation().reportId());
        } else if (event instanceof DutyEvent.ObligationEscalated e) {
            return Optional.of(e.obligation().reportId());
        } else if (event instanceof DutyEvent.ObligationClosed e) {
            return Optional.of(e.obligation().reportId());
        } else if (event instanceof DutyEvent.DeadlineBroughtForward e) {
            return Optional.of(e.obligation().reportId());
        } else if (event instanceof DutyEvent.WarningDelivered e) {
            return Optional.of(e.obligation().reportId());
        } else if (event instanceof DutyEvent.WarningAcknowledged e) {
            return Optional.of(e.obligation().reportId());
        } else if (event instanceof DutyEvent.WarningExpired e) {
            return Optional.of(e.obligation().reportId());
        } else if (event instanceof DutyEvent.WarningDrafted e) {
            return Optional.of(e.draft().draft().reportId());
        } else if (event instanceof DutyEvent.RenewalDrafted e) {
            return Optional.of(e.draft().draft().reportId());
        } else if (event instanceof DutyEvent.ApprovalRefused e) {
            return Optional.of(e.draft().draft().reportId());
        } else if (event instanceof DutyEvent.DraftApproved e) {
            return Optional.of(e.draft().draft().reportId());
        } else if (event instanceof DutyEvent.DraftCancelled e) {
            return Optional.of(e.draft().draft().reportId());
        } else if (event instanceof DutyEvent.WarningIssued e) {
            return Optional.of(e.warning().reportId());
        } else if (event instanceof DutyEvent.WarningRenewed e) {
            return Optional.of(e.warning().reportId());
        } else if (event instanceof DutyEvent.RenewalDue e) {
            return Optional.of(e.warning().reportId());
        } else if (event instanceof DutyEvent.WarningToUnaffectedParty e) {
            return casebook.warning(e.warningId()).map(Warning::reportId);
        } else if (event instanceof DutyEvent.WaiverRequested e) {
            return casebook.obligation(e.waiver().obligationId()).map(Obligation::reportId);
        } else if (event instanceof DutyEvent.WaiverApproved e) {
            return casebook.obligation(e.waiver().obligationId()).map(Obligation::reportId);
        } else if (event instanceof DutyEvent.WaiverRejected e) {
            return casebook.obligation(e.waiver().obligationId()).map(Obligation::reportId);
        } else if (event instanceof DutyEvent.NearMatchOffered e) {
            return Optional.of(e.match().reportId());
        } else if (event instanceof DutyEvent.NearMatchConfirmed e) {
            return Optional.of(e.match().reportId());
        } else if (event instanceof DutyEvent.NearMatchRejected e) {
            return Optional.of(e.match().reportId());
        }
        // An incident, a note, a recorded warning's withheld text: about no one report.
        return Optional.empty();
    }
}
