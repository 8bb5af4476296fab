package io.forewarn.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.forewarn.party.Party;
import io.forewarn.place.Area;
import io.forewarn.sanitize.LeakVerdict;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of the values the casebook stores, one mapper configured here so the domain records
 * carry no annotations.
 *
 * <ul>
 *   <li>Only record components are written: getter and is-getter detection is off, so derived
 *       methods such as {@code Place.isEmpty()} or {@code Party.kind()} never become properties.</li>
 *   <li>Reading goes through each record's canonical constructor, so a stored value is validated
 *       exactly like a new one.</li>
 *   <li>Sealed types carry a type name ({@link TypeNames}); levels, audiences and credibility are
 *       text ({@link TextValues}); instants are ISO-8601 strings with full precision; an empty
 *       {@code Optional} or {@code OptionalInt} is {@code null}.</li>
 *   <li>Unknown properties are an error: a row this code cannot fully read is not silently shortened.</li>
 * </ul>
 *
 * <p>The stored JSON carries protected material (a report's protected terms, a blocked draft's
 * matches), like the rows it lives in; it is never logged.
 */
public final class CasebookJson {

    private final JsonMapper mapper;

    public CasebookJson() {
        mapper = JsonMapper.builder()
                .changeDefaultVisibility(visibility -> visibility
                        .withFieldVisibility(Visibility.ANY)
                        .withGetterVisibility(Visibility.NONE)
                        .withIsGetterVisibility(Visibility.NONE))
                .addMixIn(Area.class, TypeNames.AreaNames.class)
                .addMixIn(Party.class, TypeNames.PartyNames.class)
                .addMixIn(LeakVerdict.class, TypeNames.LeakVerdictNames.class)
                .addModule(TextValues.module())
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * The JSON text of a value written as {@code type}. The type matters for sealed types: written as
     * {@code Party}, a venue carries its kind, which reading it back as a {@code Party} needs.
     */
    public <T> String write(Class<T> type, T value) {
        return mapper.writerFor(type).writeValueAsString(value);
    }

    /** A value read back as {@code type}; throws a Jackson exception when the text is not a valid one. */
    public <T> T read(Class<T> type, String json) {
        return mapper.readValue(json, type);
    }
}
