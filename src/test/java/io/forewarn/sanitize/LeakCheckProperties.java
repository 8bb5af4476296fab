package io.forewarn.sanitize;

import com.ibm.icu.text.Transliterator;
import io.forewarn.policy.Role;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.sanitize.LeakMatch.Kind;
import io.forewarn.sanitize.TextFolding.Reading;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class LeakCheckProperties {

    /**
     * Ordinary warning words, chosen so that the clean property is sound rather than lucky. Its
     * protected terms all contain an f and no p. No word here has an f, and none ends in p; none of
     * the disguises below can make an f out of other letters (neither the UTS #39 skeleton nor the
     * sound fold writes one, except "ph" → f, and a p only ever meets an h inside a word with "ph"
     * or across the join of a word ending in p). So no run of these words, however disguised,
     * folds to a term. {@link #markerLetterCannotComeFromVocabularyOrDisguises} checks the premises.
     */
    private static final List<String> VOCABULARY = List.of(
            "avoid", "large", "gatherings", "including", "concerts", "in", "the", "city", "over", "next",
            "hours", "monitor", "local", "media", "and", "heed", "instructions", "by", "authorities",
            "security", "alert", "public", "events", "stay", "aware", "your", "surroundings", "during", "days",
            "venues", "shopping", "centres", "transport", "hubs", "report", "suspicious", "activity", "police",
            "may", "be", "targeted", "attack", "terrorist", "groups", "near", "crowded", "places", "remain",
            "emergency", "contacts", "updated", "this", "warning", "is", "valid", "until", "next", "notice",
            "embassy", "nationals", "should", "review", "their", "personal", "plans", "a", "at", "on", "to");

    private static final Transliterator LATIN_TO_CYRILLIC = Transliterator.getInstance("Latin-Cyrillic");

    /** Cyrillic and Greek letters (and UTS #39 lookalike digits) that pass for Latin ones. */
    private static final Map<Character, String> HOMOGLYPHS = Map.ofEntries(
            entry('a', "\u0430\u03B1"), entry('c', "\u0441\u03F2"), entry('d', "\u0501"), entry('e', "\u0435"),
            entry('h', "\u04BB"), entry('i', "\u0456\u03B9"), entry('j', "\u0458\u03F3"), entry('k', "\u043A\u03BA"),
            entry('l', "\u04CF1"), entry('n', "\u03B7"), entry('o', "\u043E\u03BF0"), entry('p', "\u0440\u03C1"),
            entry('q', "\u051B"), entry('r', "\u0433"), entry('s', "\u0455"), entry('t', "\u03C4"),
            entry('u', "\u03C5"), entry('v', "\u03BD\u0475"), entry('w', "\u051D"), entry('x', "\u0445"),
            entry('y', "\u0443\u03B3"),
            entry('A', "\u0410\u0391"), entry('B', "\u0412\u0392"), entry('C', "\u0421\u03F9"), entry('E', "\u0415\u0395"),
            entry('H', "\u041D\u0397"), entry('I', "\u0406\u03991"), entry('J', "\u0408"), entry('K', "\u041A\u039A"),
            entry('M', "\u041C\u039C"), entry('N', "\u039D"), entry('O', "\u041E\u039F0"), entry('P', "\u0420\u03A1"),
            entry('S', "\u0405"), entry('T', "\u0422\u03A4"), entry('X', "\u0425\u03A7"), entry('Y', "\u04AE\u03A5"),
            entry('Z', "\u0396"));

    private static final String COMBINING_MARKS =
            "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030A\u030B\u030C\u0327\u0328";
    private static final List<String> INVISIBLES =
            List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u034F");
    private static final List<String> SEPARATORS =
            List.of(" ", "-", ".", "_", " / ", "\u00A0", "\u3000", "\u00B7", "--");

    enum CaseChange { AS_IS, UPPER, CAPITALIZED, RANDOM }

    enum Script { LATIN, HOMOGLYPHS, CYRILLIC_TRANSLITERATION }

    enum Separation { NONE, SPACES, HYPHENS, MIXED }

    /**
     * A composed disguise of a Latin term. Homoglyphs and transliteration exclude each other:
     * a word of which some letters stand for what they look like and others for what they sound
     * like has no reading at all. Steps that depend on the letter (case, script) come before
     * those that do not, so that, say, a Greek ν chosen for v is never upper-cased into Ν, an N.
     */
    record Disguise(CaseChange caseChange, Script script, boolean diacritics, boolean fullwidth,
                    boolean invisibles, Separation separation, long seed) {

        String apply(String term) {
            Random random = new Random(seed);
            String cased = switch (caseChange) {
                case AS_IS -> term;
                case UPPER -> term.toUpperCase(Locale.ROOT);
                case CAPITALIZED -> Character.toUpperCase(term.charAt(0)) + term.substring(1);
                case RANDOM -> {
                    StringBuilder mixed = new StringBuilder();
                    for (char c : term.toCharArray()) {
                        mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                    }
                    yield mixed.toString();
                }
            };
            List<StringBuilder> units = new ArrayList<>();
            String scripted = script == Script.CYRILLIC_TRANSLITERATION ? LATIN_TO_CYRILLIC.transliterate(cased) : cased;
            scripted.codePoints().forEach(cp -> {
                String unit = new String(Character.toChars(cp));
                String lookalikes = cp < 0x10000 ? HOMOGLYPHS.get((char) cp) : null;
                if (script == Script.HOMOGLYPHS && lookalikes != null && random.nextInt(10) < 6) {
                    unit = String.valueOf(lookalikes.charAt(random.nextInt(lookalikes.length())));
                }
                units.add(new StringBuilder(unit));
            });
            for (StringBuilder unit : units) {
                char c = unit.charAt(0);
                if (fullwidth && c < 0x80 && Character.isLetter(c) && random.nextBoolean()) {
                    unit.setCharAt(0, (char) (c - 'A' + '\uFF21'));
                }
                if (diacritics && Character.isLetter(c) && random.nextInt(10) < 4) {
                    unit.append(COMBINING_MARKS.charAt(random.nextInt(COMBINING_MARKS.length())));
                }
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < units.size(); i++) {
                if (i > 0) {
                    if (invisibles && random.nextInt(10) < 3) {
                        out.append(INVISIBLES.get(random.nextInt(INVISIBLES.size())));
                    }
                    if (separation != Separation.NONE && random.nextInt(10) < 3) {
                        out.append(switch (separation) {
                            case SPACES -> " ";
                            case HYPHENS -> "-";
                            default -> SEPARATORS.get(random.nextInt(SEPARATORS.size()));
                        });
                    }
                }
                out.append(units.get(i));
            }
            return out.toString();
        }

        Disguise reseeded(long offset) {
            return new Disguise(caseChange, script, diacritics, fullwidth, invisibles, separation, seed + offset);
        }

        /** Without script changes and separators: every letter stays the letter it was. */
        Disguise keepingLetters() {
            return new Disguise(caseChange, Script.LATIN, diacritics, fullwidth, invisibles, Separation.NONE, seed);
        }
    }

    @Property(tries = 400)
    void disguisedProtectedTermIsBlocked(
            @ForAll("terms") String term,
            @ForAll("asWritten") CaseChange asWritten,
            @ForAll("decoys") List<String> decoys,
            @ForAll("disguises") Disguise disguise,
            @ForAll("warningWords") List<String> before,
            @ForAll("warningWords") List<String> after,
            @ForAll("wrappers") String wrapper) {
        String protectedTerm = new Disguise(asWritten, Script.LATIN, false, false, false, Separation.NONE, 0).apply(term);
        List<String> terms = new ArrayList<>(decoys);
        terms.add(protectedTerm);
        LeakCheck check = new LeakCheck(new ProtectedMaterial(List.of(), List.of(), terms), List.of());

        String draft = String.join(" ", before) + " " + wrapper.formatted(disguise.apply(term)) + " "
                + String.join(" ", after) + ".";
        LeakVerdict verdict = check.check(draft);

        assertThat(verdict).as("verdict for %s", draft).isInstanceOf(LeakVerdict.Blocked.class);
        assertThat(((LeakVerdict.Blocked) verdict).matches())
                .contains(new LeakMatch(Kind.TERM, decoys.size(), protectedTerm));
    }

    @Property(tries = 300)
    void textOfOrdinaryWordsAndNearMissesIsClean(
            @ForAll("termsWithF") List<String> terms,
            @ForAll("warningWords") List<String> words,
            @ForAll("disguises") Disguise disguise,
            @ForAll long shuffleSeed) {
        LeakCheck check = new LeakCheck(new ProtectedMaterial(List.of(), List.of(), terms), List.of());
        List<String> draft = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            draft.add(disguise.reseeded(i).apply(words.get(i)));
        }
        for (String term : terms) {
            // Every f changed: shares all other letters with the term, yet cannot fold to it.
            draft.add(disguise.apply(term.replace('f', 'd')));
            // The term inside a longer word. Only disguises that keep the letters what they are:
            // folded, the word is then provably longer than the term (see the class comment).
            draft.add(disguise.keepingLetters().apply("re" + term.replace(" ", "") + "ness"));
        }
        Collections.shuffle(draft, new Random(shuffleSeed));
        String text = String.join(" ", draft);

        assertThat(check.check(text)).as("verdict for %s", text).isEqualTo(new LeakVerdict.Clean());
    }

    @Property(tries = 200)
    void onlyRolesWithNeedToKnowSeeTheItem(
            @ForAll("termsWithF") List<String> items, @ForAll Kind kind, @ForAll Role role) {
        // Items with an f can never be part of the redacted wording ("protected term #3").
        String item = items.get(0);
        LeakMatch match = new LeakMatch(kind, items.size(), item);

        assertThat(match.toString()).doesNotContain(item);
        assertThat(String.valueOf(new LeakVerdict.Blocked(List.of(match)))).doesNotContain(item);
        if (role.mayReadProtectedMaterial()) {
            assertThat(match.describe(role)).contains(item);
        } else {
            assertThat(match.describe(role)).doesNotContain(item).isEqualTo(match.toString());
        }
    }

    @Example
    void markerLetterCannotComeFromVocabularyOrDisguises() {
        for (String word : VOCABULARY) {
            assertThat(word).doesNotContain("f").doesNotEndWith("p");
        }
        for (Kind kind : Kind.values()) {
            assertThat(kind.label()).doesNotContain("f");
        }
        List<String> disguised = new ArrayList<>(VOCABULARY);
        HOMOGLYPHS.values().forEach(lookalikes -> lookalikes.chars().forEach(c -> disguised.add(String.valueOf((char) c))));
        VOCABULARY.forEach(word -> disguised.add(LATIN_TO_CYRILLIC.transliterate(word)));
        for (Reading reading : Reading.values()) {
            for (String text : disguised) {
                assertThat(TextFolding.fold(text, reading)).as("%s in %s", text, reading).doesNotContain("f");
            }
            assertThat(TextFolding.fold("f", reading)).isEqualTo("f");
        }
    }

    @Provide
    Arbitrary<String> terms() {
        return termWord().list().ofMinSize(1).ofMaxSize(2).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<List<String>> decoys() {
        return terms().list().ofMaxSize(2);
    }

    /** Terms with an f and without a p, the premise of the clean property. */
    @Provide
    Arbitrary<List<String>> termsWithF() {
        Arbitrary<String> wordWithoutP = Arbitraries.strings().withChars("abcdeghijklmnoqrstuvwxyz").ofMinLength(4).ofMaxLength(11);
        Arbitrary<String> term = Combinators.combine(wordWithoutP, Arbitraries.integers().between(0, 11), wordWithoutP.optional())
                .as((word, at, second) -> {
                    int cut = Math.min(at, word.length());
                    String first = word.substring(0, cut) + "f" + word.substring(cut);
                    return second.map(other -> first + " " + other).orElse(first);
                });
        return term.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<CaseChange> asWritten() {
        return Arbitraries.of(CaseChange.AS_IS, CaseChange.UPPER, CaseChange.CAPITALIZED);
    }

    @Provide
    Arbitrary<Disguise> disguises() {
        return Combinators.combine(
                Arbitraries.of(CaseChange.class),
                Arbitraries.of(Script.class),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(Separation.class),
                Arbitraries.longs()).as(Disguise::new);
    }

    @Provide
    Arbitrary<List<String>> warningWords() {
        return Arbitraries.of(VOCABULARY).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> wrappers() {
        return Arbitraries.of("%s", "(%s)", "\"%s\"", "%s,", "«%s»", "%s:");
    }

    private static Arbitrary<String> termWord() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(5).ofMaxLength(12);
    }
}
