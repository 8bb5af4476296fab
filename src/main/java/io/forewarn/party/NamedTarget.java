package io.forewarn.party;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.text.TextFolding;
import io.forewarn.text.TextFolding.Reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a report's named target ({@code target: {named: …}}) is a party by who it is: one of the names, aliases
 * or identifiers it is {@link KnownAs known as}, wherever the party is registered.
 *
 * <p><b>The same name.</b> Names are folded as the leak check folds text ({@link TextFolding}, in its visual and
 * its phonetic reading: case, spacing, punctuation, diacritics, look-alike letters, Cyrillic and Greek spelled by
 * ear), and a party's name is the target's when it equals a run of whole words of the target in either reading:
 * "Mara Kestenholz", "MARA KESTENHOLZ", "Мара Кестенхолз" and "Mara Kestenholz, journalist" all name the party
 * known as Mara Kestenholz. An identifier is the target's when its letters and digits (visual reading, without
 * separators) are those of a run of the target's words: "passport X 123-4567" names {@code passport:X1234567}.
 * Such a match obligates.
 *
 * <p><b>A near name</b> is never taken for the same: it is offered to an analyst, who confirms or rejects it. In the
 * phonetic reading, a name is near a run of the target's words when it has the same words in another order
 * ("Kestenholz Mara"), or, for names of at least {@value #NEAR_MIN_LENGTH} characters, when one letter inserted,
 * removed, replaced or two neighbours swapped makes them the same (Damerau–Levenshtein distance 1: "Mara
 * Kestenholtz", and a transliteration variant such as "Kestenholc" for the Cyrillic spelling's ц). Shorter names
 * are too close to one another for one letter to mean anything. Identifiers are matched exactly or not at all.
 *
 * <p><b>The index.</b> {@link #keys} are the keys a party's names are filed under, {@link #lookups} those a target
 * looks up: equal keys give a superset of the matches (a deletion neighbourhood finds every pair one edit
 * apart), which {@link #match} then decides, so a casebook finds the candidates without reading every party.
 */
public final class NamedTarget {

    /** Names shorter than this (folded, in characters) are never near another one by one letter. */
    public static final int NEAR_MIN_LENGTH = 6;

    /** Runs of at most this many words of a target are compared with a party's names. */
    static final int MAX_RUN = 6;

    /** Only so many words of a target are read: a named target is a name, not a narrative. */
    static final int MAX_WORDS = 24;

    private static final Level NAMED = Facet.TARGET.level("named");

    /** How close a party's name is to the target. */
    public enum Closeness {
        /** The same name, identifier or spelling: it obligates. */
        SAME,
        /** A near name: offered to an analyst, never taken as the same. */
        NEAR
    }

    /**
     * A party's name or identifier the target matched, and how.
     *
     * @param known the party's name, or its identifier as {@code scheme:value}
     * @param how   "the same name", "the same identifier", "the same words in another order", "one letter apart"
     */
    public record Match(Closeness closeness, String target, String known, String how) {

        /** For an obligation's reasons: "target: named Mara Kestenholz is the party's name Mara Kestenholz". */
        public String reason() {
            return closeness == Closeness.SAME
                    ? "target: named " + target + " is the party's " + (how.contains("identifier") ? "identifier " : "name ")
                    + known
                    : "target: named " + target + " is near the party's name " + known + " (" + how + ")";
        }
    }

    private NamedTarget() {
    }

    /** The report's named target, if it names one. */
    public static Optional<String> of(ThreatReport report) {
        return Optional.ofNullable(report.statements().getOrDefault(Facet.TARGET, java.util.Map.of()).get(NAMED))
                .filter(named -> !named.isBlank());
    }

    /** How the target names the party, the same before near, or empty when it does not. */
    public static Optional<Match> match(String target, KnownAs knownAs) {
        List<List<String>> phonetic = runs(TextFolding.words(target, Reading.PHONETIC));
        List<List<String>> visual = runs(TextFolding.words(target, Reading.VISUAL));
        for (String name : knownAs.names()) {
            String p = TextFolding.fold(name, Reading.PHONETIC);
            String v = TextFolding.fold(name, Reading.VISUAL);
            if (!p.isEmpty() && phonetic.stream().anyMatch(run -> String.join(" ", run).equals(p))
                    || !v.isEmpty() && visual.stream().anyMatch(run -> String.join(" ", run).equals(v))) {
                return Optional.of(new Match(Closeness.SAME, target, name, "the same name"));
            }
        }
        for (Identifier identifier : knownAs.identifiers()) {
            String value = identifierKey(identifier.value());
            if (!value.isEmpty() && visual.stream().anyMatch(run -> String.join("", run).equals(value))) {
                return Optional.of(new Match(Closeness.SAME, target, identifier.toString(), "the same identifier"));
            }
        }
        for (String name : knownAs.names()) {
            List<String> words = TextFolding.words(name, Reading.PHONETIC);
            String p = String.join(" ", words);
            for (List<String> run : phonetic) {
                if (words.size() > 1 && sorted(run).equals(sorted(words))) {
                    return Optional.of(new Match(Closeness.NEAR, target, name, "the same words in another order"));
                }
                String joined = String.join(" ", run);
                if (p.length() >= NEAR_MIN_LENGTH && joined.length() >= NEAR_MIN_LENGTH && oneEditApart(joined, p)) {
                    return Optional.of(new Match(Closeness.NEAR, target, name, "one letter apart"));
                }
            }
        }
        return Optional.empty();
    }

    /** The keys a party's names and identifiers are filed under in an index of names. */
    public static Set<String> keys(KnownAs knownAs) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : knownAs.names()) {
            List<String> words = TextFolding.words(name, Reading.PHONETIC);
            addNameKeys(keys, words);
            String visual = TextFolding.fold(name, Reading.VISUAL);
            if (!visual.isEmpty()) {
                keys.add("n:" + visual);
            }
        }
        for (Identifier identifier : knownAs.identifiers()) {
            String value = identifierKey(identifier.value());
            if (!value.isEmpty()) {
                keys.add("i:" + value);
            }
        }
        return keys;
    }

    /** The keys a target looks up in an index of names: those of every run of its words. */
    public static Set<String> lookups(String target) {
        Set<String> keys = new LinkedHashSet<>();
        for (List<String> run : runs(TextFolding.words(target, Reading.PHONETIC))) {
            addNameKeys(keys, run);
        }
        for (List<String> run : runs(TextFolding.words(target, Reading.VISUAL))) {
            keys.add("n:" + String.join(" ", run));
            keys.add("i:" + String.join("", run));
        }
        return keys;
    }

    /** The same name ("n:"), the same words sorted ("o:"), and the deletion neighbourhood of the phonetic fold ("d:"). */
    private static void addNameKeys(Set<String> keys, List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        String folded = String.join(" ", words);
        keys.add("n:" + folded);
        if (words.size() > 1) {
            keys.add("o:" + sorted(words));
        }
        if (folded.length() >= NEAR_MIN_LENGTH) {
            keys.add("d:" + folded);
            for (int i = 0; i < folded.length(); i++) {
                keys.add("d:" + folded.substring(0, i) + folded.substring(i + 1));
            }
        }
    }

    private static String identifierKey(String value) {
        return String.join("", TextFolding.words(value, Reading.VISUAL));
    }

    private static String sorted(List<String> words) {
        return String.join(" ", words.stream().sorted().toList());
    }

    /** Every run of at most {@link #MAX_RUN} consecutive words among the first {@link #MAX_WORDS}. */
    private static List<List<String>> runs(List<String> words) {
        List<String> read = words.subList(0, Math.min(words.size(), MAX_WORDS));
        List<List<String>> runs = new ArrayList<>();
        for (int from = 0; from < read.size(); from++) {
            for (int to = from + 1; to <= Math.min(read.size(), from + MAX_RUN); to++) {
                runs.add(read.subList(from, to));
            }
        }
        return runs;
    }

    /** Damerau–Levenshtein distance exactly 1 (optimal string alignment). */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()] == 1;
    }
}
