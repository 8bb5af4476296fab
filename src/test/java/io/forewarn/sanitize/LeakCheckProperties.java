package io.forewarn.sanitize;

import io.forewarn.policy.Role;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.sanitize.Disguise.CaseChange;
import io.forewarn.sanitize.Disguise.Script;
import io.forewarn.sanitize.Disguise.Separation;
import io.forewarn.sanitize.LeakMatch.Kind;
import io.forewarn.text.TextFolding;
import io.forewarn.text.TextFolding.Reading;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

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

    /** Where and how a draft mentions the term: inside a wrapper, disguised, amid warning words. */
    record Mention(List<String> before, String wrapper, Disguise disguise, List<String> after) {

        String draft(String term) {
            return String.join(" ", before) + " " + wrapper.formatted(disguise.apply(term)) + " "
                    + String.join(" ", after) + ".";
        }
    }

    @Test
    void disguisedProtectedTermIsBlocked() {
        qt().withExamples(400).forAll(terms(), asWritten(), decoys(), mentions())
                .checkAssert((term, asWritten, decoys, mention) -> {
                    String protectedTerm = new Disguise(asWritten, Script.LATIN, false, false, false, Separation.NONE, 0).apply(term);
                    List<String> terms = new ArrayList<>(decoys);
                    terms.add(protectedTerm);
                    LeakCheck check = new LeakCheck(new ProtectedMaterial(List.of(), List.of(), terms), List.of());

                    String draft = mention.draft(term);
                    LeakVerdict verdict = check.check(draft);

                    assertThat(verdict).as("verdict for %s", draft).isInstanceOf(LeakVerdict.Blocked.class);
                    assertThat(((LeakVerdict.Blocked) verdict).matches())
                            .contains(new LeakMatch(Kind.TERM, decoys.size(), protectedTerm));
                });
    }

    @Test
    void textOfOrdinaryWordsAndNearMissesIsClean() {
        qt().withExamples(300).forAll(termsWithF(), warningWords(), disguises(), longs().all())
                .checkAssert((terms, words, disguise, shuffleSeed) -> {
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
                });
    }

    @Test
    void onlyRolesWithNeedToKnowSeeTheItem() {
        qt().withExamples(200).forAll(termsWithF(), arbitrary().enumValues(Kind.class), arbitrary().enumValues(Role.class))
                .checkAssert((items, kind, role) -> {
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
                });
    }

    @Test
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

    private static Gen<String> terms() {
        return lists().of(termWord()).ofSizeBetween(1, 2).map(words -> String.join(" ", words));
    }

    private static Gen<List<String>> decoys() {
        return lists().of(terms()).ofSizeBetween(0, 2);
    }

    /** Terms with an f and without a p, the premise of the clean property. */
    private static Gen<List<String>> termsWithF() {
        Gen<String> wordWithoutP = wordOf("abcdeghijklmnoqrstuvwxyz", 4, 11);
        // one word or two, equally often
        Gen<String> term = wordWithoutP.zip(integers().between(0, 11), wordWithoutP.toOptionals(50), (word, at, second) -> {
            int cut = Math.min(at, word.length());
            String first = word.substring(0, cut) + "f" + word.substring(cut);
            return second.map(other -> first + " " + other).orElse(first);
        });
        return lists().of(term).ofSizeBetween(1, 3);
    }

    private static Gen<CaseChange> asWritten() {
        return arbitrary().pick(CaseChange.AS_IS, CaseChange.UPPER, CaseChange.CAPITALIZED);
    }

    private static Gen<Disguise> disguises() {
        return Disguise.any();
    }

    private static Gen<List<String>> warningWords() {
        return lists().of(arbitrary().pick(VOCABULARY)).ofSizeBetween(0, 8);
    }

    private static Gen<String> wrappers() {
        return arbitrary().pick("%s", "(%s)", "\"%s\"", "%s,", "«%s»", "%s:");
    }

    private static Gen<Mention> mentions() {
        return warningWords().zip(wrappers(), disguises(), warningWords(), Mention::new);
    }

    private static Gen<String> termWord() {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(5, 12);
    }

    /** Words of the given letters only: QuickTheories' strings take a range of code points, not a set. */
    private static Gen<String> wordOf(String letters, int minLength, int maxLength) {
        Gen<String> letter = arbitrary().pick(letters.chars().mapToObj(Character::toString).toList());
        return lists().of(letter).ofSizeBetween(minLength, maxLength).map(chosen -> chosen.stream().collect(joining()));
    }
}
