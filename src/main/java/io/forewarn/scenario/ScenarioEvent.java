package io.forewarn.scenario;

import io.forewarn.obligation.WaiverTerms;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.incident.Incident;
import io.forewarn.sanitize.Justification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One timed event of a scenario file. */
public sealed interface ScenarioEvent {

    Instant at();

    /** A threat report reaches the agency (its {@code receivedAt} is {@link #at()}). */
    record ReportReceived(Instant at, ThreatReport report) implements ScenarioEvent {
    }

    /** Something done or said that is not a warning, e.g. an arrest announced by the authorities. */
    record Countermeasure(Instant at, String text) implements ScenarioEvent {
    }

    /**
     * A warning that was actually given, replayed in {@code as-recorded} mode.
     *
     * @param report         the report it answers; empty means the latest report received before it
     * @param window         the time window the warning stated; empty means its validity period
     * @param justifications per facet, the recorded justification for stating it below the ceiling
     */
    record RecordedWarning(Instant at, Optional<String> report, List<String> to, Duration validFor,
                           Map<Facet, Level> released, Optional<String> text, Optional<TimeWindow> window,
                           Map<Facet, Justification> justifications, boolean synthetic) implements ScenarioEvent {
        public RecordedWarning {
            to = List.copyOf(to);
            released = Map.copyOf(released);
            justifications = Map.copyOf(justifications);
        }
    }

    /** A recorded delivery of the warning the parties last got for a report, replayed in {@code as-recorded} mode. */
    record RecordedDelivery(Instant at, Optional<String> report, List<String> to, String channel, boolean synthetic)
            implements ScenarioEvent {
        public RecordedDelivery {
            to = List.copyOf(to);
        }
    }

    /** The parties' recorded acknowledgement of the warning delivered to them, replayed in {@code as-recorded} mode. */
    record RecordedAcknowledgement(Instant at, Optional<String> report, List<String> by, boolean synthetic)
            implements ScenarioEvent {
        public RecordedAcknowledgement {
            by = List.copyOf(by);
        }
    }

    /**
     * A recorded decision not to warn a party (approved by the role named in {@code approvedBy}) (or to warn it less specifically), replayed in
     * {@code as-recorded} mode.
     */
    record RecordedWaiver(Instant at, Optional<String> report, String party, WaiverTerms terms,
                          String requestedBy, String approvedBy, boolean synthetic) implements ScenarioEvent {
    }

    /** The incident the review is about. */
    record IncidentOccurred(Instant at, Incident incident) implements ScenarioEvent {
    }
}
