package io.forewarn.sanitize;

import com.ibm.icu.text.Transliterator;
import io.forewarn.policy.Role;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.sanitize.Disguise.CaseChange;
import io.forewarn.sanitize.Disguise.Script;
import io.forewarn.sanitize.Disguise.Separation;
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
        Disguise.HOMOGLYPHS.values().forEach(lookalikes -> lookalikes.chars().forEach(c -> disguised.add(String.valueOf((char) c))));
        VOCABULARY.forEach(word -> disguised.add(Disguise.LATIN_TO_CYRILLIC.transliterate(word)));
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
        return Disguise.any();
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
