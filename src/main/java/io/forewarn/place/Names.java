package io.forewarn.place;

import com.ibm.icu.text.Normalizer2;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How Forewarn compares names written by different people: "Moscow", " moscow " and "ＭＯＳＣＯＷ"
 * are one place, "RU" and "ru" one country.
 *
 * <p>Names are normalised with Unicode NFKC_Casefold (ICU), the form Unicode recommends for
 * caseless matching of identifiers: it unifies compatibility forms (full-width letters, ligatures)
 * and folds case properly where lower-casing does not (German "STRASSE" and "Straße" compare
 * equal). Leading and trailing white space is dropped and inner runs of white space count as one
 * space. Nothing else is done: "St Petersburg" and "Saint Petersburg" remain different names.
 */
public final class Names {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Names() {
    }

    /** The form in which two names are compared. */
    public static String normalise(String name) {
        Objects.requireNonNull(name, "name");
        // Folding can produce white space (e.g. from U+3000), so collapse after normalising.
        return WHITE_SPACE.matcher(NFKC_CASEFOLD.normalize(name)).replaceAll(" ").strip();
    }

    /** Whether two names denote the same thing once normalised. */
    public static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }
}
