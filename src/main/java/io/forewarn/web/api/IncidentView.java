package io.forewarn.web.api;

import io.forewarn.incident.Incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** An incident as the API shows it, in the shape it is written in. */
final class IncidentView {

    private IncidentView() {
    }

    static Map<String, Object> of(Incident incident) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", incident.id());
        view.put("at", incident.at().toString());
        view.put("place", ReportView.place(incident.place()));
        view.put("method", incident.method());
        view.put("target", incident.target().orElse(null));
        view.put("attackers", figure(incident.casualties().attackers()));
        view.put("killed", figure(incident.casualties().killed()));
        view.put("injured", figure(incident.casualties().injured()));
        view.put("arrested", figure(incident.casualties().arrested()));
        view.put("claimed-by", incident.claimedBy().orElse(null));
        return view;
    }

    private static Integer figure(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
