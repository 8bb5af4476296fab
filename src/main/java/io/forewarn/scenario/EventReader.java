package io.forewarn.scenario;

import io.forewarn.party.Party;
import io.forewarn.policy.FacetLevelsReader;
import io.forewarn.policy.Role;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.WaiverTerms;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ReportReader;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeReader;
import io.forewarn.report.TimeWindow;
import io.forewarn.incident.Incident;
import io.forewarn.incident.IncidentReader;
import io.forewarn.sanitize.Justification;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code events} list. Each event has {@code at} and exactly one of report,
 * countermeasure, warning, delivery, acknowledgement, waiver, incident. Reports are read in a first pass so that a warning or
 * waiver may name any report, and is then checked to come no earlier than the report it answers.
 */
final class EventReader {

    static final List<String> KINDS =
            List.of("report", "countermeasure", "warning", "delivery", "acknowledgement", "waiver", "incident");

    private final TimeReader times;
    private final UniqueIds<Party> parties;
    private final UniqueIds<ThreatReport> reports = new UniqueIds<>("report", "reports");
    private final UniqueIds<Incident> incidents = new UniqueIds<>("incident", "incidents");

    EventReader(TimeReader times, UniqueIds<Party> parties) {
        this.times = times;
        this.parties = parties;
    }

    List<ScenarioEvent> readAll(YamlValue value) {
        List<YamlValue> items = value.asList();
        if (items.isEmpty()) {
            throw value.problem("a scenario needs at least one event");
        }
        Map<Integer, ThreatReport> reportAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMap event = eventMap(items.get(i));
            if ("report".equals(kind(event).name())) {
                YamlValue report = event.get("report");
                ThreatReport read = ReportReader.read(report, times.instant(event.get("at")), times);
                reports.add(read.id(), report.asMap().get("id"), read);
                reportAt.put(i, read);
            }
        }
        List<ScenarioEvent> events = new ArrayList<>();
        int incidentNumber = 0;
        for (int i = 0; i < items.size(); i++) {
            YamlMap event = eventMap(items.get(i));
            Instant at = times.instant(event.get("at"));
            YamlMap.Entry kind = kind(event);
            YamlValue body = kind.value();
            events.add(switch (kind.name()) {
                case "report" -> new ScenarioEvent.ReportReceived(at, reportAt.get(i));
                case "countermeasure" -> countermeasure(at, body);
                case "warning" -> warning(at, body);
                case "delivery" -> delivery(at, body);
                case "acknowledgement" -> acknowledgement(at, body);
                case "waiver" -> waiver(at, body);
                default -> new ScenarioEvent.IncidentOccurred(at, incident(at, body, ++incidentNumber));
            });
        }
        return events;
    }

    private static YamlMap eventMap(YamlValue value) {
        List<String> allowed = new ArrayList<>(KINDS);
        allowed.add(0, "at");
        YamlMap event = value.asMap().allowOnly(allowed);
        event.get("at"); // required: refuse an event without a time before reading anything else of it
        return event;
    }

    /** The one kind key of an event; none, or more than one, is refused. */
    private static YamlMap.Entry kind(YamlMap event) {
        List<YamlMap.Entry> kinds = event.present(KINDS.toArray(String[]::new));
        if (kinds.isEmpty()) {
            throw event.problem("an event needs one of " + String.join(", ", KINDS));
        }
        if (kinds.size() > 1) {
            throw kinds.get(1).key().problem("an event has exactly one of " + String.join(", ", KINDS)
                    + "; this one already has '" + kinds.get(0).name() + "'");
        }
        return kinds.get(0);
    }

    private ScenarioEvent warning(Instant at, YamlValue value) {
        YamlMap map = value.asMap().allowOnly("to", "report", "valid-for", "released", "text", "window",
                "justifications", "synthetic");
        List<String> to = partyList(map.get("to"), "a warning goes to at least one party");
        Optional<String> report = reportReference(map, at);
        ThreatReport answered = report.flatMap(reports::find).or(() -> latestReportBy(at)).orElseThrow(() ->
                map.problem("no report has been received by this time; name the report it answers with report:"));
        Duration validFor = map.find("valid-for").map(YamlValue::asPositiveDuration)
                .orElseGet(() -> restOfThreatWindow(answered, at, map));
        Map<Facet, Level> released = FacetLevelsReader.read(map.get("released"));
        Optional<TimeWindow> window = map.find("window").map(times::window);
        Map<Facet, Justification> justifications = new EnumMap<>(Facet.class);
        map.optionalMap("justifications").ifPresent(codes -> {
            for (YamlMap.Entry entry : codes.entries()) {
                Facet facet = entry.key().as(Facet::of);
                if (justifications.containsKey(facet)) {
                    throw entry.key().problem("facet '" + facet.key() + "' is listed twice");
                }
                justifications.put(facet, entry.value().as(Justification::of));
            }
        });
        return new ScenarioEvent.RecordedWarning(at, report, to, validFor, released, map.optionalString("text"),
                window, justifications, map.bool("synthetic", false));
    }

    private ScenarioEvent delivery(Instant at, YamlValue value) {
        YamlMap map = value.asMap().allowOnly("to", "report", "channel", "synthetic");
        List<String> to = partyList(map.get("to"), "a delivery goes to at least one party");
        Optional<String> report = reportReference(map, at);
        ThreatReport answered = report.flatMap(reports::find).or(() -> latestReportBy(at)).orElseThrow(() ->
                map.problem("no report has been received by this time; name the report it answers with report:"));
        YamlValue channel = map.get("channel");
        // the channel is written on the timeline and in the ledger, which everyone reads
        if (LeakCheck.forReport(answered).check(channel.asText()).isBlocked()) {
            throw channel.problem("the channel reveals protected material of report " + answered.id()
                    + "; say it without it");
        }
        return new ScenarioEvent.RecordedDelivery(at, report, to, channel.asText(), map.bool("synthetic", false));
    }

    private ScenarioEvent acknowledgement(Instant at, YamlValue value) {
        YamlMap map = value.asMap().allowOnly("by", "report", "synthetic");
        List<String> by = partyList(map.get("by"), "an acknowledgement is made by at least one party");
        return new ScenarioEvent.RecordedAcknowledgement(at, reportReference(map, at), by, map.bool("synthetic", false));
    }

    /** A list of known parties, none twice and at least one. */
    private List<String> partyList(YamlValue value, String noneProblem) {
        List<String> ids = new ArrayList<>();
        for (YamlValue item : value.asList()) {
            String party = parties.require(item.asText(), item).id();
            if (ids.contains(party)) {
                throw item.problem("party '" + party + "' is listed twice");
            }
            ids.add(party);
        }
        if (ids.isEmpty()) {
            throw value.problem(noneProblem);
        }
        return ids;
    }

    /** A countermeasure is a note on the timeline, which everyone reads: it must reveal nothing protected of any report. */
    private ScenarioEvent countermeasure(Instant at, YamlValue value) {
        String text = value.asText();
        for (ThreatReport report : reports.values()) {
            if (LeakCheck.forReport(report).check(text).isBlocked()) {
                throw value.problem("the countermeasure reveals protected material of report " + report.id()
                        + "; say it without it");
            }
        }
        return new ScenarioEvent.Countermeasure(at, text);
    }

    private ScenarioEvent waiver(Instant at, YamlValue value) {
        List<String> keys = new ArrayList<>(List.of("party", "report", "requested-by", "approved-by", "synthetic"));
        keys.addAll(WaiverTerms.KEYS);
        YamlMap map = value.asMap().allowOnly(keys);
        YamlValue partyValue = map.get("party");
        String party = parties.require(partyValue.asText(), partyValue).id();
        Optional<String> report = reportReference(map, at);
        WaiverTerms terms = WaiverTerms.read(map, Waiver.Scope.NOT_WARNED);
        // the alternative is written on the timeline, in the ledger and in the account, which everyone reads
        Optional<ThreatReport> answered = report.flatMap(reports::find).or(() -> latestReportBy(at));
        if (terms.alternative().isPresent() && answered.isPresent()
                && LeakCheck.forReport(answered.get()).check(terms.alternative().get()).isBlocked()) {
            throw map.get("alternative").problem("the alternative reveals protected material of report "
                    + answered.get().id() + "; say it without it");
        }
        return new ScenarioEvent.RecordedWaiver(at, report, party, terms, map.string("requested-by"),
                map.get("approved-by").as(Role::of).code(), map.bool("synthetic", false));
    }

    /** The report a warning that names none answers: the latest received by then (the last written, on a tie). */
    private Optional<ThreatReport> latestReportBy(Instant at) {
        return reports.values().stream()
                .filter(report -> !report.receivedAt().isAfter(at))
                .reduce((latest, next) -> next.receivedAt().isBefore(latest.receivedAt()) ? latest : next);
    }

    /**
     * The validity of a recorded warning that states none (as for one passed through liaison, whose
     * terms were never published): the rest of the threat window of the report it answers, since a
     * warning stands for the threat it warns of and is never valid beyond its window (DESIGN.md).
     */
    private static Duration restOfThreatWindow(ThreatReport report, Instant at, YamlMap warning) {
        Duration rest = Duration.between(at, report.window().to());
        if (rest.isNegative() || rest.isZero()) {
            throw warning.problem("the threat window of report '" + report.id() + "' ended (" + report.window().to()
                    + ") before this warning; state valid-for");
        }
        return rest;
    }

    /** The report a warning or waiver names, which must exist and be received no later than the event. */
    private Optional<String> reportReference(YamlMap map, Instant at) {
        Optional<YamlValue> reference = map.find("report");
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        ThreatReport report = reports.require(reference.get().asText(), reference.get());
        if (report.receivedAt().isAfter(at)) {
            throw reference.get().problem("report '" + report.id() + "' is received after this event ("
                    + report.receivedAt() + ")");
        }
        return Optional.of(report.id());
    }

    private Incident incident(Instant at, YamlValue value, int number) {
        List<String> keys = new ArrayList<>(IncidentReader.FIELDS);
        keys.add("id");
        YamlMap map = value.asMap().allowOnly(keys);
        String id = map.optionalString("id").orElse("incident-" + number);
        Incident incident = IncidentReader.read(map, id, at);
        incidents.add(id, map.find("id").orElse(value), incident);
        return incident;
    }
}
