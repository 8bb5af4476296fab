package io.forewarn.party;

import io.forewarn.place.Names;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Kinds of venue as reports and registers write them: "concert halls" in a report is the kind
 * "concert hall" of a venue. Both sides are normalised ({@link Names}) and every word is put in the
 * singular by a few English rules, so "synagogues", "churches" and "embassies" become "synagogue",
 * "church" and "embassy", and "houses of worship" becomes "house of worship".
 *
 * <p>The rules are deliberately simple. Words of three letters or fewer, and words ending in -ss,
 * -us or -is ("mass", "campus", "analysis"), are left alone. Irregular plurals ("people") and
 * plurals in -ses or -zes other than -sses ("buses") are not recognised; such a pair compares
 * unequal and the venue's kinds should then be written as the reports write them.
 */
public final class KindNames {

    private KindNames() {
    }

    public static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    static String normalise(String kind) {
        return Arrays.stream(Names.normalise(kind).split(" "))
                .map(KindNames::singular)
                .collect(Collectors.joining(" "));
    }

    static String singular(String word) {
        if (word.length() <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
