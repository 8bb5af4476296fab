package io.forewarn.language;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;

/**
 * A language a warning is written in, named by its BCP 47 tag ({@code en}, {@code ru}, {@code fa},
 * {@code pt-BR}). The tag is kept in its canonical case, so {@code EN} and {@code en} are one language.
 */
public record Language(String tag) {

    public static final Language ENGLISH = new Language("en");

    public Language {
        Objects.requireNonNull(tag, "tag");
        tag = canonical(tag);
    }

    /**
     * The language of a tag as written in a file or a request.
     *
     * @throws IllegalArgumentException naming the tag when it is not a BCP 47 language tag
     */
    public static Language of(String tag) {
        return new Language(tag);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    @Override
    public String toString() {
        return tag;
    }

    private static String canonical(String text) {
        String stripped = text.strip();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(stripped).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language subtag");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("not a BCP 47 language tag (e.g. en, ru, fa, pt-BR)");
        }
    }
}
