package io.forewarn.party.bulk;

import io.forewarn.place.Area;
import io.forewarn.yaml.FileProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parties from GeoJSON (RFC 7946): a {@code FeatureCollection} whose features are one party each.
 *
 * <pre>
 * {"type": "FeatureCollection", "features": [
 *   {"type": "Feature",
 *    "geometry": {"type": "Point", "coordinates": [37.389, 55.826]},
 *    "properties": {"id": "crocus-city-hall", "kind": "venue", "audience": "venue-operator",
 *                   "site": "Crocus City Hall", "locality": "Krasnogorsk", "country": "RU",
 *                   "radius-km": 0.4, "kinds": ["concert hall"]}}]}
 * </pre>
 *
 * <p>A feature's {@code properties} are the columns of {@link PartyCsv} except {@code lat} and
 * {@code lon}: {@code id}, {@code kind}, {@code audience}, {@code relationship}, {@code site},
 * {@code locality}, {@code region}, {@code country}, {@code count}, {@code kinds} (a list of strings,
 * or one string with kinds separated by {@code ;}), {@code channel}, {@code languages} (a list of language
 * tags, or one string of tags separated by {@code ;}), {@code names} and {@code identifiers} (lists of strings,
 * identifiers written {@code scheme:value}, or one string separated by {@code ;}), and {@code radius-km} for a Point.
 * Text properties are JSON strings; {@code count} and {@code radius-km} are numbers (a numeric string
 * is taken too); {@code null} is a property not given; any other property is refused. The geometry is
 * a {@code Point} (coordinates {@code [lon, lat]}, GeoJSON's order), a {@code Polygon} with one closed
 * ring (no holes), or {@code null}; JTS's GeoJSON reader reads it. It belongs to the most specific place
 * name given.
 *
 * <p>Rows are numbered by the feature's index in {@code features}, from 0. The document is read as a
 * stream, one feature at a time, nested at most {@value #MAX_DEPTH} deep, with duplicate keys refused;
 * a document that is not JSON, or not a FeatureCollection, is unreadable as a whole.
 */
public final class PartyGeoJson {

    static final int MAX_DEPTH = 32;
    static final List<String> PROPERTIES = List.of("id", "kind", "audience", "relationship", "site", "locality", "region",
            "country", "radius-km", "count", "kinds", "channel", "languages", "names", "identifiers");
    private static final List<String> NUMBERS = List.of("count", "radius-km");
    /** The properties that may be lists of strings (or one string separated by {@code ;}), with what each holds. */
    private static final Map<String, String> LISTS = Map.of("languages", "language tags", "names", "names",
            "identifiers", "identifiers written scheme:value");
    private static final List<String> FEATURE_MEMBERS = List.of("type", "id", "bbox", "geometry", "properties");
    /** Text in quotes of two characters or more, with the space before it: 'NIGHTJAR' or "NIGHTJAR". */
    private static final Pattern QUOTED = Pattern.compile("(\\s*)(?:'([^']{2,})'|\"([^\"]{2,})\")");
    /** What Jackson quotes from its own vocabulary rather than from the document. */
    private static final List<String> JSON_WORDS = List.of("null", "true", "false", "NaN");

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private PartyGeoJson() {
    }

    /**
     * Every feature of the collection, read on its own.
     *
     * @param source how a document-level problem names the text, e.g. "request body"
     * @throws FileProblem when the text is not JSON or not a FeatureCollection
     */
    public static List<ImportRow> read(String source, String text) {
        List<ImportRow> rows = new ArrayList<>();
        JsonParser parser = JSON.createParser(text);
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw problem(source, parser, "expected a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", "
                        + "\"features\": [...]}");
            }
            String type = null;
            boolean features = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if (member.equals("type")) {
                    type = value == JsonToken.VALUE_STRING ? parser.getString() : "";
                    parser.skipChildren();
                } else if (member.equals("features")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw problem(source, parser, "\"features\" must be a list of Feature objects");
                    }
                    for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                        JsonNode feature = parser.readValueAsTree();
                        rows.add(feature(index, feature));
                    }
                    features = true;
                } else {
                    parser.skipChildren(); // bbox and foreign members are not ours to judge
                }
            }
            if (parser.nextToken() != null) {
                throw problem(source, parser, "more text after the FeatureCollection");
            }
            if (!"FeatureCollection".equals(type)) {
                throw FileProblem.ofWholeFile(source, "\"type\" must be \"FeatureCollection\"", null);
            }
            if (!features) {
                throw FileProblem.ofWholeFile(source, "a FeatureCollection needs \"features\"", null);
            }
            return rows;
        } catch (StreamConstraintsException e) {
            throw located(source, e, parser, e.getOriginalMessage() != null && e.getOriginalMessage().contains("nesting depth")
                    ? "nested more than " + MAX_DEPTH + " levels deep" : "the document exceeds a reading limit");
        } catch (JacksonException e) {
            throw located(source, e, parser, "not valid JSON: " + withoutTokens(e.getOriginalMessage()));
        } finally {
            parser.close();
        }
    }

    private static ImportRow feature(int row, JsonNode feature) {
        List<RowProblem> problems = new ArrayList<>();
        if (!feature.isObject()) {
            return new ImportRow.Rejected(row, List.of(new RowProblem(row, null, "expected a GeoJSON Feature object")));
        }
        for (String member : feature.propertyNames()) {
            if (!FEATURE_MEMBERS.contains(member)) {
                problems.add(new RowProblem(row, shortName(member), "not a member of a Feature (members: "
                        + String.join(", ", FEATURE_MEMBERS) + ")"));
            }
        }
        JsonNode type = feature.path("type");
        if (!type.isString() || !type.stringValue().equals("Feature")) {
            problems.add(new RowProblem(row, "type", "must be \"Feature\""));
        }
        Optional<Area> geometry = geometry(row, feature.path("geometry"), problems);
        Map<String, String> text = new LinkedHashMap<>();
        List<String> kinds = List.of();
        JsonNode properties = feature.path("properties");
        if (properties.isObject()) {
            for (String name : properties.propertyNames()) {
                JsonNode value = properties.get(name);
                if (!PROPERTIES.contains(name)) {
                    problems.add(new RowProblem(row, shortName(name), "not a property of a party (properties: "
                            + String.join(", ", PROPERTIES) + ")"));
                } else if (value.isNull()) {
                    continue;
                } else if (name.equals("kinds")) {
                    kinds = kinds(row, value, problems);
                } else if (LISTS.containsKey(name) && value.isArray()) {
                    List<String> entries = new ArrayList<>();
                    for (JsonNode entry : value) {
                        entries.add(entry.isString() ? entry.stringValue() : "");
                    }
                    if (entries.contains("")) {
                        problems.add(new RowProblem(row, name, "expected a list of " + LISTS.get(name)));
                    } else {
                        text.put(name, String.join(";", entries));
                    }
                } else if (value.isString()) {
                    text.put(name, value.stringValue());
                } else if (NUMBERS.contains(name) && value.isNumber()) {
                    text.put(name, value.asString());
                } else {
                    problems.add(new RowProblem(row, name, NUMBERS.contains(name) ? "expected a number" : "expected a string"));
                }
            }
        } else if (!properties.isMissingNode() && !properties.isNull()) {
            problems.add(new RowProblem(row, "properties", "must be an object"));
        }
        return PartyFields.build(new PartyFields.Input(row, text, kinds, geometry, false, problems));
    }

    private static List<String> kinds(int row, JsonNode value, List<RowProblem> problems) {
        if (value.isString()) {
            return List.of(value.stringValue().split(";"));
        }
        List<String> kinds = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode kind : value) {
                if (!kind.isString()) {
                    problems.add(new RowProblem(row, "kinds", "expected a list of strings"));
                    return List.of();
                }
                kinds.add(kind.stringValue());
            }
            return kinds;
        }
        problems.add(new RowProblem(row, "kinds", "expected a list of strings"));
        return List.of();
    }

    private static Optional<Area> geometry(int row, JsonNode geometry, List<RowProblem> problems) {
        List<String> wrong = new ArrayList<>();
        Optional<Area> area = FeatureGeometry.read(geometry, wrong);
        wrong.forEach(problem -> problems.add(new RowProblem(row, "geometry", problem)));
        return area;
    }

    private static FileProblem problem(String source, JsonParser parser, String problem) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return new FileProblem(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), problem);
    }

    /** A problem where Jackson says it is, or (limits have no location of their own) where the parser had got to. */
    private static FileProblem located(String source, JacksonException e, JsonParser parser, String problem) {
        TokenStreamLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            at = parser.currentLocation();
        }
        if (at == null || at.getLineNr() < 1) {
            return FileProblem.ofWholeFile(source, problem, e);
        }
        return new FileProblem(source, at.getLineNr(), Math.max(1, at.getColumnNr()), problem, e);
    }

    /**
     * Jackson's message without the text it quotes from the document (a token, a property name):
     * "Unrecognized token 'NIGHTJAR': was expecting ..." becomes "Unrecognized token: was expecting ...".
     * Single characters (an unexpected '}') are kept; they say what went wrong and cannot carry a term.
     */
    static String withoutTokens(String message) {
        if (message == null || message.isBlank()) {
            return "invalid JSON";
        }
        String firstLine = message.lines().findFirst().orElse("invalid JSON");
        String cleaned = QUOTED.matcher(firstLine).replaceAll(quoted -> {
            String inside = quoted.group(2) != null ? quoted.group(2) : quoted.group(3);
            return JSON_WORDS.contains(inside) ? Matcher.quoteReplacement(quoted.group()) : "";
        }).strip();
        return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
    }

    private static String shortName(String name) {
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }
}
