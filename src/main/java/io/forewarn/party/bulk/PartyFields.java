package io.forewarn.party.bulk;

import io.forewarn.language.Language;
import io.forewarn.language.Languages;
import io.forewarn.party.Identifier;
import io.forewarn.party.KnownAs;
import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.policy.Audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds one party from the flat fields of an import row, checking each field on its own so that a row
 * with several mistakes is told about all of them. The rules are those of a party sent as JSON
 * ({@link io.forewarn.party.PartyReader}); the messages name the field and the rule but never repeat
 * the value, since an import's report goes back whole to whoever sent it and into logs.
 */
final class PartyFields {

    /** The fields of a party row, in the order of a CSV header. */
    static final List<String> FIELDS = List.of("id", "kind", "audience", "relationship", "site", "locality", "region",
            "country", "lat", "lon", "radius-km", "count", "kinds", "channel", "languages", "names", "identifiers");
    static final List<String> KINDS = List.of("registrants", "public", "authority", "venue");
    /** Widths of the party table's columns (V1__casebook.sql). */
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_AUDIENCE_LENGTH = 100;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    /**
     * What a format read from one row.
     *
     * @param row      the row's number, for the problems
     * @param text     field name to text as written; a blank or missing value is a field not given
     * @param kinds    a venue's kinds where the format has lists (GeoJSON); null to split the text field
     *                 {@code kinds} at {@code ;} (CSV)
     * @param geometry a geometry the format gave apart from the fields (GeoJSON: a point as a circle of
     *                 radius 0, to which {@code radius-km} applies, or a polygon); empty for CSV, whose
     *                 {@code lat}, {@code lon} and {@code radius-km} are text fields
     * @param latLon   whether the format writes a point as the text fields {@code lat} and {@code lon} (CSV)
     * @param problems what the format already found wrong with the row
     */
    record Input(int row, Map<String, String> text, List<String> kinds, Optional<Area> geometry, boolean latLon,
                 List<RowProblem> problems) {
    }

    private final Input input;
    private final List<RowProblem> problems;

    private PartyFields(Input input) {
        this.input = input;
        this.problems = new ArrayList<>(input.problems());
    }

    static ImportRow build(Input input) {
        return new PartyFields(input).build();
    }

    private ImportRow build() {
        String id = id();
        String kind = text("kind").orElse(null);
        if (kind == null) {
            problem("kind", "required (" + String.join(", ", KINDS) + ")");
        } else if (!KINDS.contains(kind)) {
            problem("kind", "unknown kind (kinds: " + String.join(", ", KINDS) + ")");
            kind = null;
        }
        Audience audience = audience();
        Relationship relationship = relationship();
        Place place = place();
        Long count = applies("count", kind, "registrants") ? count() : null;
        List<String> kinds = applies("kinds", kind, "venue") ? kinds() : List.of();
        String channel = applies("channel", kind, "authority") ? text("channel").orElse("liaison") : null;
        List<Language> languages = languages();
        KnownAs knownAs = knownAs();
        if (!problems.isEmpty() || kind == null) {
            return new ImportRow.Rejected(input.row(), problems);
        }
        try {
            Party party = switch (kind) {
                case "registrants" -> new Party.Registrants(id, audience, relationship, place, count, false, languages);
                case "public" -> new Party.Public(id, audience, relationship, place, false, languages);
                case "authority" -> new Party.Authority(id, audience, relationship, place, channel, false, languages);
                default -> new Party.Venue(id, audience, relationship, place, kinds, false, languages);
            };
            return new ImportRow.Accepted(input.row(), party.knownAs(knownAs));
        } catch (IllegalArgumentException | NullPointerException e) {
            // every rule the constructors check is checked above; this is a safety net, without the message
            return new ImportRow.Rejected(input.row(), List.of(new RowProblem(input.row(), null, "not a valid party")));
        }
    }

    private String id() {
        Optional<String> id = text("id");
        if (id.isEmpty()) {
            problem("id", "required");
            return null;
        }
        if (id.get().length() > MAX_ID_LENGTH) {
            problem("id", "longer than " + MAX_ID_LENGTH + " characters");
        } else if (id.get().chars().anyMatch(Character::isISOControl)) {
            problem("id", "must not contain control characters");
        }
        return id.get();
    }

    private Audience audience() {
        Optional<String> name = text("audience");
        if (name.isEmpty()) {
            problem("audience", "required");
            return null;
        }
        if (name.get().length() > MAX_AUDIENCE_LENGTH) {
            problem("audience", "longer than " + MAX_AUDIENCE_LENGTH + " characters");
            return null;
        }
        try {
            return new Audience(name.get());
        } catch (IllegalArgumentException e) {
            problem("audience", "not an audience name (lower-case words joined by '-', e.g. own-citizens)");
            return null;
        }
    }

    private Relationship relationship() {
        Optional<String> code = text("relationship");
        if (code.isEmpty()) {
            return Relationship.NEUTRAL;
        }
        try {
            return Relationship.of(code.get());
        } catch (IllegalArgumentException e) {
            problem("relationship", "unknown relationship (ally, neutral, adversarial)");
            return null;
        }
    }

    /** The named levels, with the geometry on the most specific one, as a place map's lat/lon would be. */
    private Place place() {
        EnumMap<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        for (PlaceLevel level : PlaceLevel.values()) {
            text(level.key()).ifPresent(name -> levels.put(level, NamedPlace.named(name)));
        }
        Optional<Area> area = input.geometry().isPresent() ? givenGeometry() : geometryFromFields();
        if (levels.isEmpty()) {
            problem("place", "a party needs at least one of site, locality, region, country");
            return null;
        }
        if (area.isPresent()) {
            Map.Entry<PlaceLevel, NamedPlace> finest = levels.entrySet().iterator().next();
            levels.put(finest.getKey(), new NamedPlace(finest.getValue().name(), area));
        }
        return new Place(levels);
    }

    private Optional<Area> givenGeometry() {
        Area area = input.geometry().orElseThrow();
        if (area instanceof Area.Circle point) {
            Optional<Double> radius = radius();
            return Optional.of(radius.isPresent() ? new Area.Circle(point.centre(), radius.get()) : area);
        }
        if (text("radius-km").isPresent()) {
            problem("radius-km", "applies only to a Point geometry");
        }
        return Optional.of(area);
    }

    private Optional<Area> geometryFromFields() {
        Optional<String> lat = text("lat");
        Optional<String> lon = text("lon");
        if (lat.isEmpty() && lon.isEmpty()) {
            if (text("radius-km").isPresent()) {
                problem("radius-km", input.latLon() ? "a radius needs lat and lon" : "a radius needs a Point geometry");
            }
            return Optional.empty();
        }
        if (lat.isEmpty() || lon.isEmpty()) {
            problem(lat.isEmpty() ? "lat" : "lon", "lat and lon go together; give both");
            return Optional.empty();
        }
        Optional<Double> latitude = decimal("lat").filter(value -> value >= -90 && value <= 90);
        if (latitude.isEmpty()) {
            problem("lat", "must be a number between -90 and 90");
        }
        Optional<Double> longitude = decimal("lon").filter(value -> value >= -180 && value <= 180);
        if (longitude.isEmpty()) {
            problem("lon", "must be a number between -180 and 180");
        }
        Optional<Double> radius = radius();
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Area.Circle(new LatLon(latitude.get(), longitude.get()), radius.orElse(0.0)));
    }

    private Optional<Double> radius() {
        if (text("radius-km").isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> radius = decimal("radius-km").filter(km -> km >= 0);
        if (radius.isEmpty()) {
            problem("radius-km", "must be a number of kilometres, 0 or more");
        }
        return radius;
    }

    /** Whether a kind-specific field is read: yes for its kind; given for another kind, it is a problem. */
    private boolean applies(String field, String kind, String itsKind) {
        if (itsKind.equals(kind)) {
            return true;
        }
        boolean given = field.equals("kinds") && input.kinds() != null ? !input.kinds().isEmpty() : text(field).isPresent();
        if (given && kind != null) {
            problem(field, "applies only to " + (itsKind.equals("registrants") ? "registrants"
                    : itsKind.equals("venue") ? "venues" : "authorities"));
        }
        return false;
    }

    private Long count() {
        Optional<String> text = text("count");
        if (text.isEmpty()) {
            problem("count", "required for registrants");
            return null;
        }
        if (!WHOLE_NUMBER.matcher(text.get()).matches()) {
            problem("count", "expected a whole number");
            return null;
        }
        try {
            long count = Long.parseLong(text.get());
            if (count < 0) {
                problem("count", "must not be negative");
                return null;
            }
            return count;
        } catch (NumberFormatException e) {
            problem("count", "out of range");
            return null;
        }
    }

    /** The languages the party reads, separated by {@code ;}; each a tag with a shipped phrasebook. */
    private List<Language> languages() {
        List<Language> languages = new ArrayList<>();
        for (String tag : text("languages").map(text -> text.split(";")).orElse(new String[0])) {
            if (tag.isBlank()) {
                continue;
            }
            try {
                languages.add(Languages.shipped(tag));
            } catch (IllegalArgumentException e) {
                problem("languages", "each must be a language tag with a warning phrasebook (src/main/resources/warnings/)");
                return List.of();
            }
        }
        return languages;
    }

    /**
     * Who the party is: {@code names} (names and aliases) and {@code identifiers} ({@code scheme:value}), each
     * separated by {@code ;}.
     */
    private KnownAs knownAs() {
        List<String> names = separated("names");
        List<Identifier> identifiers = new ArrayList<>();
        for (String written : separated("identifiers")) {
            try {
                identifiers.add(Identifier.parse(written));
            } catch (IllegalArgumentException e) {
                problem("identifiers", "each must be written scheme:value (e.g. passport:X1234567)");
                return KnownAs.NOTHING;
            }
        }
        return new KnownAs(names, identifiers);
    }

    private List<String> separated(String field) {
        return text(field).map(text -> Arrays.stream(text.split(";")).map(String::strip).filter(e -> !e.isEmpty())
                .toList()).orElse(List.of());
    }

    private List<String> kinds() {
        List<String> kinds = input.kinds() != null ? input.kinds()
                : text("kinds").map(text -> Arrays.asList(text.split(";"))).orElse(List.of());
        List<String> stripped = kinds.stream().map(String::strip).filter(kind -> !kind.isEmpty()).toList();
        if (stripped.size() != kinds.size() && input.kinds() != null) {
            problem("kinds", "a kind must not be blank");
        }
        return stripped;
    }

    private Optional<Double> decimal(String field) {
        Optional<String> text = text(field);
        if (text.isEmpty() || !DECIMAL.matcher(text.get()).matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(text.get());
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }

    private Optional<String> text(String field) {
        return Optional.ofNullable(input.text().get(field)).map(String::strip).filter(text -> !text.isEmpty());
    }

    /** Records a problem, unless the format already found one with the same field (a wrong type is not also "required"). */
    private void problem(String field, String problem) {
        boolean known = field != null && input.problems().stream().anyMatch(earlier -> field.equals(earlier.field()));
        if (!known) {
            problems.add(new RowProblem(input.row(), field, problem));
        }
    }
}
