package io.forewarn.language;

import com.ibm.icu.text.MessageFormat;
import io.forewarn.yaml.SafeYaml;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of a warning in one language: ICU MessageFormat messages read from
 * {@code warnings/<tag>.yaml} on the classpath (one file per language, so adding a language is adding
 * a file), with the patterns its dates are written in and the direction of its script.
 *
 * <p>A file is read once and checked whole: every message must be present and parse, the dates must be
 * valid patterns, and its {@code language} must be the tag of its name. A shipped file that fails is a
 * build error, caught by the tests of every shipped language. Immutable and thread-safe.
 */
public final class Phrasebook {

    /** The messages every phrasebook has; each gets the arguments its file's comments describe. */
    public static final List<String> MESSAGES = List.of("headline", "method", "actor", "target", "place", "time",
            "advice",
            // the email a warning is sent in, and the page of its acknowledgement link
            "mail-subject", "mail-intro", "mail-validity", "mail-acknowledge", "mail-acknowledge-link", "mail-reference",
            "ack-question", "ack-button", "ack-recorded", "ack-used", "ack-expired", "ack-already", "ack-withdrawn");

    private static final String FOLDER = "/warnings/";
    private static final char FIRST_STRONG_ISOLATE = '\u2068';
    private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';
    private static final Map<Language, Optional<Phrasebook>> READ = new ConcurrentHashMap<>();

    /** How a script runs; a right-to-left text isolates the left-to-right words put into it (Unicode bidi). */
    public enum Direction { LTR, RTL }

    private final Language language;
    private final String name;
    private final Direction direction;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final Map<String, MessageFormat> messages;

    private Phrasebook(Language language, String name, Direction direction, DateTimeFormatter date,
                       DateTimeFormatter dateTime, Map<String, MessageFormat> messages) {
        this.language = language;
        this.name = name;
        this.direction = direction;
        this.date = date;
        this.dateTime = dateTime;
        this.messages = Collections.unmodifiableMap(messages);
    }

    /** The phrasebook of a language, if one is shipped. */
    public static Optional<Phrasebook> find(Language language) {
        Objects.requireNonNull(language, "language");
        return READ.computeIfAbsent(language, Phrasebook::read);
    }

    /**
     * The phrasebook of a language.
     *
     * @throws IllegalArgumentException naming the file to add when the language has none
     */
    public static Phrasebook of(Language language) {
        return find(language).orElseThrow(() -> new IllegalArgumentException("no warning phrasebook for language "
                + language + " (add src/main/resources" + FOLDER + language + ".yaml)"));
    }

    public Language language() {
        return language;
    }

    /** The language's name in itself, e.g. Русский. */
    public String name() {
        return name;
    }

    public Direction direction() {
        return direction;
    }

    /** The pattern of a day, in this language, e.g. {@code 22 March 2024}. */
    public DateTimeFormatter date() {
        return date;
    }

    /** The pattern of a day and a time, in this language, without the zone, e.g. {@code 22 March 2024, 19:00}. */
    public DateTimeFormatter dateTime() {
        return dateTime;
    }

    /**
     * Words put into a sentence of this language as they are (a name, a date): in a right-to-left language
     * between Unicode isolates (FSI … PDI), so a left-to-right name does not reorder the sentence around it.
     */
    public String isolate(String words) {
        return direction == Direction.RTL ? FIRST_STRONG_ISOLATE + words + POP_DIRECTIONAL_ISOLATE : words;
    }

    /** One message with its named arguments. */
    public String say(String message, Map<String, Object> arguments) {
        MessageFormat format = messages.get(message);
        if (format == null) {
            throw new IllegalArgumentException("no message " + message + " (messages: " + String.join(", ", MESSAGES) + ")");
        }
        return format.format(arguments);
    }

    private static Optional<Phrasebook> read(Language language) {
        String resource = FOLDER + language.tag() + ".yaml";
        try (InputStream in = Phrasebook.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse("classpath:" + resource, language,
                    SafeYaml.parse("classpath:" + resource, new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Phrasebook parse(String source, Language language, YamlValue root) {
        YamlMap file = root.asMap().allowOnly("language", "name", "direction", "date", "date-time", "messages");
        YamlValue tag = file.get("language");
        if (!Language.of(tag.asText()).equals(language)) {
            throw tag.problem("the file of language " + language + " says it is " + tag.asText());
        }
        Direction direction = switch (file.get("direction").asText()) {
            case "ltr" -> Direction.LTR;
            case "rtl" -> Direction.RTL;
            default -> throw file.get("direction").problem("direction must be ltr or rtl");
        };
        YamlMap texts = file.map("messages").allowOnly(MESSAGES);
        Map<String, MessageFormat> messages = new LinkedHashMap<>();
        for (String key : MESSAGES) {
            YamlValue text = texts.get(key);
            try {
                messages.put(key, new MessageFormat(text.asText(), language.locale()));
            } catch (IllegalArgumentException e) {
                throw text.problem("not an ICU message: " + e.getMessage());
            }
        }
        return new Phrasebook(language, file.get("name").asText(), direction,
                pattern(file.get("date"), language), pattern(file.get("date-time"), language), messages);
    }

    private static DateTimeFormatter pattern(YamlValue value, Language language) {
        try {
            return DateTimeFormatter.ofPattern(value.asText(), language.locale());
        } catch (IllegalArgumentException e) {
            throw value.problem("not a date pattern: " + e.getMessage());
        }
    }
}
