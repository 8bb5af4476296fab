package io.forewarn.web;

import io.forewarn.policy.PolicyFile;

import java.util.List;

/** Request bodies the web tests send: the Crocus report as JSON, and policy versions. */
public final class Reports {

    /** Everything in {@link #crocus(String)} that only analysts, approvers and directors may see. */
    static final List<String> PROTECTED = List.of("NIGHTJAR", "TELEMARK-7",
            "a recruited courier inside the cell's logistics network",
            "interception of the cell's encrypted messenger traffic",
            "safe houses near the ring road awaiting weapons");

    /** The parties of the Crocus scenario, as the API takes them. */
    public static final List<String> CROCUS_PARTIES = List.of(
            """
            {"id": "us-citizens-ru", "kind": "registrants", "audience": "own-citizens", "relationship": "ally",
             "area": {"country": "RU"}, "count": 5000}""",
            """
            {"id": "public-moscow", "kind": "public", "audience": "public",
             "area": {"locality": "Moscow", "region": "Moscow Oblast", "country": "RU"}}""",
            """
            {"id": "ru-authorities", "kind": "authority", "audience": "foreign-government", "relationship": "adversarial",
             "jurisdiction": {"country": "RU"}, "channel": "liaison"}""",
            venue("crocus-city-hall"));

    private Reports() {
    }

    static String venue(String id) {
        return """
                {"id": "%s", "kind": "venue", "audience": "venue-operator", "kinds": ["concert hall"],
                 "place": {"site": "Crocus City Hall", "locality": "Krasnogorsk", "region": "Moscow Oblast",
                           "country": "RU", "lat": 55.826, "lon": 37.389, "radius-m": 400}}""".formatted(id);
    }

    public static String crocus(String id) {
        return """
                {"id": "%s", "credibility": "B2", "harm": "killing",
                 "actor": {"named": "Islamic State Khorasan Province", "type": "terrorist group"},
                 "target": {"class": "concert halls", "category": "mass gatherings"},
                 "place": {"locality": {"name": "Moscow", "lat": 55.756, "lon": 37.617, "radius-km": 40},
                           "region": "Moscow Oblast", "country": "RU"},
                 "time": {"from": "2024-03-07T00:00+03:00", "to": "2099-03-31T00:00+03:00"},
                 "method": {"specific": "armed assault on an audience", "generic": "attack"},
                 "portions": [
                   {"marking": "public", "text": "Extremists intend to strike a crowded venue in the Moscow area."},
                   {"marking": "protected", "text": "NIGHTJAR reporting places the cell in safe houses near the ring road awaiting weapons."}],
                 "protected": {"terms": ["NIGHTJAR", "TELEMARK-7"],
                               "sources": ["a recruited courier inside the cell's logistics network"],
                               "methods": ["interception of the cell's encrypted messenger traffic"]}}
                """.formatted(id);
    }

    /** The Crocus attack as an incident, at {@code at} (an ISO-8601 time with an offset). */
    static String incident(String id, String at) {
        return """
                {"id": "%s", "at": "%s",
                 "place": {"site": "Crocus City Hall", "locality": "Krasnogorsk", "region": "Moscow Oblast",
                           "country": "RU", "lat": 55.826, "lon": 37.389},
                 "target": "concert hall", "method": "firearms and arson", "attackers": 4, "killed": 137,
                 "injured": 182, "arrested": 11, "claimed-by": "Islamic State"}""".formatted(id, at);
    }

    /** The default policy renumbered. */
    public static String policyVersion(int version) {
        return PolicyFile.defaultSource().replaceFirst("(?m)^version: \\d+", "version: " + version);
    }
}
