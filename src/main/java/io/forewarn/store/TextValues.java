package io.forewarn.store;

import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.language.Language;
import io.forewarn.policy.Audience;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.util.function.Function;

/**
 * Small value types written as the text people read them in: a level as {@code target:class}, an
 * audience as {@code public}, a credibility as {@code B2}, a language as {@code ru}. Reading goes through the same factories the
 * files use, so a stored value is checked like a typed one: a level is looked up on its facet's ladder
 * (its rank is never taken from storage), a credibility is parsed as an Admiralty code.
 */
final class TextValues {

    private TextValues() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("forewarn-text-values");
        add(module, Level.class, Level::toString, TextValues::level);
        add(module, Audience.class, Audience::name, Audience::new);
        add(module, Credibility.class, Credibility::code, Credibility::of);
        add(module, Language.class, Language::tag, Language::of);
        // Levels and languages are also map keys (a report's statements per level, a warning's translations).
        addKey(module, Level.class, Level::toString, TextValues::level);
        addKey(module, Language.class, Language::tag, Language::of);
        return module;
    }

    /** A level from {@code facet:name}, e.g. {@code place:locality}. */
    static Level level(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a level (facet:name, e.g. place:locality)");
        }
        return Facet.of(text.substring(0, colon)).level(text.substring(colon + 1));
    }

    private static <T> void addKey(SimpleModule module, Class<T> type, Function<T, String> write, Function<String, T> read) {
        module.addKeySerializer(type, new ValueSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext context) {
                gen.writeName(write.apply(value));
            }
        });
        module.addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return read.apply(key);
            }
        });
    }

    private static <T> void add(SimpleModule module, Class<T> type, Function<T, String> write, Function<String, T> read) {
        module.addSerializer(type, new ValueSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext context) {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return context.reportInputMismatch(type, "expected a %s as a string", type.getSimpleName());
                }
                return read.apply(parser.getString());
            }
        });
    }
}
