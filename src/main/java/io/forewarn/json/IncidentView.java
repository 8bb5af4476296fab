package io.forewarn.json;

import io.forewarn.incident.Incident;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.OptionalInt;

/** An incident in the shape it is written in; a figure the record leaves out is null. */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record IncidentView(String id, String at, PlaceView place, String method, String target, Integer attackers,
                           Integer killed, Integer injured, Integer arrested, String claimedBy) {

    public static IncidentView of(Incident incident) {
        return new IncidentView(incident.id(), incident.at().toString(), PlaceView.of(incident.place()),
                incident.method(), incident.target().orElse(null), figure(incident.casualties().attackers()),
                figure(incident.casualties().killed()), figure(incident.casualties().injured()),
                figure(incident.casualties().arrested()), incident.claimedBy().orElse(null));
    }

    private static Integer figure(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
