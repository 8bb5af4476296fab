package io.forewarn.web;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The timeline as oversight reads it ({@code GET /api/v1/events}), for tests whose server holds a few hundred events. */
final class Events {

    private Events() {
    }

    /** Every event on the timeline, oldest first (the first page of 500, which a test's server never fills). */
    static List<JsonNode> all(int port) {
        List<JsonNode> all = new ArrayList<>();
        Http.expect(200, Http.get(port, "oversight", "/api/v1/events?size=500")).json().path("items").forEach(all::add);
        return all;
    }

    /** The events of one type, oldest first. */
    static List<JsonNode> ofType(int port, String type) {
        return all(port).stream().filter(e -> e.path("type").asString().equals(type)).toList();
    }
}
