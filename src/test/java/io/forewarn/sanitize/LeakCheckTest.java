package io.forewarn.sanitize;

import com.ibm.icu.text.Transliterator;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.policy.Role;
import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Marking;
import io.forewarn.report.Portion;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.sanitize.LeakMatch.Kind;
import io.forewarn.text.TextFolding;
import io.forewarn.text.TextFolding.Reading;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeakCheckTest {

    private static final String SOURCE = "the night porter at the Hotel Baltschug";
    private static final String METHOD = "intercepted satellite phone traffic";
    private static final List<String> TERMS = List.of("NIGHTJAR", "Crocus", "ion", "alpha", "source codename", "sphinx");
    private static final int NIGHTJAR = 0;
    private static final int CROCUS = 1;
    private static final int ION = 2;
    private static final int ALPHA = 3;
    private static final int CODENAME = 4;
    private static final int SPHINX = 5;

    private static final String PUBLIC_PORTION = "Large gatherings in Moscow may be targeted in the coming weeks.";
    private static final String PROTECTED_PORTION = "Two men of Central Asian origin were recorded discussing"
            + " a concert venue north-west of the ring road.";
    private static final String SHORT_PROTECTED_PORTION = "Meet at gate four.";
    private static final List<Portion> PORTIONS = List.of(
            new Portion(Marking.PUBLIC, PUBLIC_PORTION),
            new Portion(Marking.PROTECTED, PROTECTED_PORTION),
            new Portion(Marking.PARTNER, "A partner service shares this assessment."),
            new Portion(Marking.PROTECTED, SHORT_PROTECTED_PORTION));

    private static final LeakCheck CHECK = new LeakCheck(
            new ProtectedMaterial(List.of(SOURCE), List.of(METHOD), TERMS), PORTIONS);

    private static final String CLEAN_DRAFT = "Avoid large gatherings, including concerts, in Moscow over the next"
            + " 48 hours. Monitor local media and follow the instructions of the authorities in the region.";

    private static String draftNaming(String disguised) {
        return "Security alert: avoid the area named " + disguised + " until further notice.";
    }

    private static void assertBlockedBy(String draft, LeakMatch... expected) {
        LeakVerdict verdict = CHECK.check(draft);
        assertThat(verdict.isBlocked()).as("blocked: %s", draft).isTrue();
        assertThat(((LeakVerdict.Blocked) verdict).matches()).as("matches for %s", draft).containsExactly(expected);
    }

    private static void assertClean(String draft) {
        assertThat(CHECK.check(draft)).as("verdict for %s", draft).isEqualTo(new LeakVerdict.Clean());
    }

    private static LeakMatch term(int index) {
        return new LeakMatch(Kind.TERM, index, TERMS.get(index));
    }

    @Nested
    class Terms {

        @Test
        void exactTermBlocks() {
            assertBlockedBy(draftNaming("NIGHTJAR"), term(NIGHTJAR));
        }

        @ParameterizedTest
        @ValueSource(strings = {"nightjar", "Nightjar", "NightJar", "nIgHtJaR"})
        void caseVariantsBlock(String variant) {
            assertBlockedBy(draftNaming(variant), term(NIGHTJAR));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Nîghtjär", "Ñìghtjãr", "ŃĪĜĤŢĴÅŘ", "n\u0308ightjar\u0301"})
        void diacriticsBlock(String variant) {
            assertBlockedBy(draftNaming(variant), term(NIGHTJAR));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ＮＩＧＨＴＪＡＲ", "ｎｉｇｈｔｊａｒ", "Nｉghtjａr"})
        void fullwidthLettersBlock(String variant) {
            assertBlockedBy(draftNaming(variant), term(NIGHTJAR));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "NIG\u041D\u0422J\u0410R",      // Cyrillic Н, Т, А
                "n\u0456ghtj\u0430r",           // Cyrillic і, а
                "NIGHT\u0408AR"})               // Cyrillic Ј
        void cyrillicHomoglyphsBlock(String variant) {
            assertBlockedBy(draftNaming(variant), term(NIGHTJAR));
        }

        @Test
        void homoglyphSpellingOfAnOrdinaryWordIsClean() {
            assertClean(draftNaming("\u041D\u041E\u0422\u0415L"));                              // Cyrillic НОТЕ + L
        }

        @Test
        void cyrillicHomoglyphOfAnotherTerm() {
            assertBlockedBy(draftNaming("\u0405PHINX"), term(SPHINX));                        // Cyrillic Ѕ
            assertBlockedBy(draftNaming("\u0421R\u039F\u0421U\u0405"), term(CROCUS));          // Cyrillic С, Ѕ, Greek Ο
        }

        @Test
        void greekHomoglyphsBlock() {
            assertBlockedBy(draftNaming("\u039D\u0399G\u0397\u03A4J\u0391R"), term(NIGHTJAR)); // Greek Ν, Ι, Η, Τ, Α
            assertBlockedBy(draftNaming("cr\u03BFc\u03C5s"), term(CROCUS));                      // Greek ο, υ
            assertBlockedBy(draftNaming("\u03B1lph\u03B1"), term(ALPHA));                         // Greek α
        }

        @Test
        void latinLookalikeDigitsBlock() {
            assertBlockedBy(draftNaming("CR0CUS"), term(CROCUS));
            assertBlockedBy(draftNaming("n1ghtjar"), term(NIGHTJAR));
        }

        @Test
        void icuCyrillicTransliterationBlocks() {
            Transliterator toCyrillic = Transliterator.getInstance("Latin-Cyrillic");
            String nightjar = toCyrillic.transliterate("NIGHTJAR");
            String sphinx = toCyrillic.transliterate("sphinx");
            assertThat(nightjar).doesNotContainPattern("[A-Za-z]");

            assertBlockedBy(draftNaming(nightjar), term(NIGHTJAR));
            assertBlockedBy(draftNaming(sphinx), term(SPHINX));
            // Split inside what the sound fold reads as one letter (п|х → ph → f).
            int ph = sphinx.indexOf('\u0445');
            assertBlockedBy(draftNaming(sphinx.substring(0, ph) + " " + sphinx.substring(ph)), term(SPHINX));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Крокус", "КРОКУС", "крокус"})
        void handWrittenCyrillicSpellingBlocks(String variant) {
            assertBlockedBy("Avoid the " + variant + " City Hall on Friday.", term(CROCUS));
        }

        @ParameterizedTest
        @ValueSource(strings = {"night\u200Bjar", "nigh\u200Dtjar", "\uFEFFnight\u2060jar", "night\u00ADjar",
                "n\u200Ci\u034Fghtjar", "NIGHT\u202EJAR"})
        void invisibleCharactersDoNotBreakAMatch(String variant) {
            assertBlockedBy(draftNaming(variant), term(NIGHTJAR));
        }

        @ParameterizedTest
        @ValueSource(strings = {"N I G H T J A R", "night-jar", "night jar", "n.i.g.h.t.j.a.r", "NIGHT_JAR",
                "nigh tjar", "N-I-G-H-T-J-A-R", "night\u00A0jar"})
        void spacedAndHyphenatedSpellingsBlock(String variant) {
            assertBlockedBy(draftNaming(variant), term(NIGHTJAR));
        }

        @Test
        void multiWordTermBlocksInAnySpacing() {
            assertBlockedBy("Per the source codename, avoid the area.", term(CODENAME));
            assertBlockedBy("Per the SOURCE-CODENAME, avoid the area.", term(CODENAME));
            assertBlockedBy("Per the sourcecodename, avoid the area.", term(CODENAME));
        }

        @Test
        void shortTermMatchesWholeWordsOnly() {
            assertClean("Avoid gatherings in the region, and keep the nation's embassies informed.");
            assertBlockedBy("The ion cannon is a hoax.", term(ION));
            assertBlockedBy("The ION cannon is a hoax.", term(ION));
            // Below the spaced-spelling threshold: "i on" is two ordinary words, not a spelling of "ion".
            assertClean("Keep an eye on the news; i on my part will call.");
        }

        @Test
        void spacedRuleRespectsWordBoundaries() {
            assertClean("Learn the alphabet of the local signage.");
            assertClean("Wait a fortnight jarring as it may be.");
            assertClean("A fortnight jar of honey.");
            assertClean("Never stay at the Nightjarring Inn.");
            // The same words joined on boundaries are the term, spaced out.
            assertBlockedBy("Grade: al pha.", term(ALPHA));
        }

        @Test
        void eachItemIsReportedOnceInReportOrder() {
            String draft = "NIGHTJAR and N I G H T J A R and Крокус and the source codename: " + METHOD
                    + ". Told by " + SOURCE.toUpperCase() + ".";
            assertBlockedBy(draft,
                    new LeakMatch(Kind.SOURCE, 0, SOURCE),
                    new LeakMatch(Kind.METHOD, 0, METHOD),
                    term(NIGHTJAR), term(CROCUS), term(CODENAME));
        }
    }

    @Nested
    class SourcesAndMethods {

        @Test
        void protectedSourceDescriptionBlocks() {
            assertBlockedBy("We learned from the night porter at the Hotel Baltschug that an attack is planned.",
                    new LeakMatch(Kind.SOURCE, 0, SOURCE));
            assertBlockedBy("We learned from THE NIGHT PORTER at the hotel BALTSCHUG that an attack is planned.",
                    new LeakMatch(Kind.SOURCE, 0, SOURCE));
        }

        @Test
        void protectedMethodDescriptionBlocks() {
            assertBlockedBy("Intercepted satellite-phone traffic indicates a plot.",
                    new LeakMatch(Kind.METHOD, 0, METHOD));
        }

        @Test
        void partOfADescriptionDoesNotBlock() {
            assertClean("Satellite phone networks may be disrupted; the night porter should lock the doors.");
        }
    }

    @Nested
    class Portions {

        @Test
        void fiveWordOverlapWithAProtectedPortionBlocks() {
            assertBlockedBy("Police say men were recorded discussing a concert venue last week.",
                    new LeakMatch(Kind.PORTION, 1, PROTECTED_PORTION));
        }

        @Test
        void fourWordOverlapDoesNotBlock() {
            assertThat(LeakCheck.PORTION_NGRAM).isEqualTo(5);
            assertClean("They were recorded discussing a plan, police say.");
        }

        @Test
        void overlapSurvivesCaseAndPunctuationChanges() {
            assertBlockedBy("ORIGIN WERE RECORDED — DISCUSSING A.",
                    new LeakMatch(Kind.PORTION, 1, PROTECTED_PORTION));
        }

        @Test
        void shortProtectedPortionBlocksOnlyWhenContainedWhole() {
            assertBlockedBy("Guests should meet at gate four after the show.",
                    new LeakMatch(Kind.PORTION, 3, SHORT_PROTECTED_PORTION));
            assertClean("Guests should meet at gate five after the show.");
        }

        @Test
        void unprotectedPortionsMayBeQuoted() {
            assertClean(PUBLIC_PORTION + " A partner service shares this assessment.");
        }
    }

    @Test
    void ordinaryWarningIsClean() {
        assertThat(CHECK.check(CLEAN_DRAFT).isBlocked()).isFalse();
        assertClean(CLEAN_DRAFT);
        assertClean("");
    }

    @Test
    void forReportChecksTheReportsMaterialAndProtectedPortions() {
        ThreatReport report = new ThreatReport(
                "R-1",
                Instant.parse("2024-03-07T05:00:00Z"),
                Harm.KILLING,
                Credibility.of("B2"),
                Place.of(Map.of(PlaceLevel.LOCALITY, NamedPlace.named("Moscow"))),
                new TimeWindow(Instant.parse("2024-03-07T00:00:00Z"), Instant.parse("2024-03-31T00:00:00Z")),
                Map.of(Facet.TARGET, Map.of(Facet.TARGET.level("class"), "concert halls"),
                        Facet.METHOD, Map.of(Facet.METHOD.level("generic"), "attack"),
                        Facet.ACTOR, Map.of(Facet.ACTOR.level("type"), "terrorist group")),
                PORTIONS,
                new ProtectedMaterial(List.of(), List.of("signals collection"), List.of("intercept selector")),
                true);
        LeakCheck check = LeakCheck.forReport(report);

        assertThat(check.check("Avoid concert halls in Moscow.")).isEqualTo(new LeakVerdict.Clean());
        assertThat(check.check("Signals-collection shows a plot; meet at gate four."))
                .isEqualTo(new LeakVerdict.Blocked(List.of(
                        new LeakMatch(Kind.METHOD, 0, "signals collection"),
                        new LeakMatch(Kind.PORTION, 3, SHORT_PROTECTED_PORTION))));
    }

    @Nested
    class Construction {

        @Test
        void itemEmptyAfterFoldingIsRejectedByIndexNotText() {
            String dashes = "\u2014\u00B7\u2014";
            ProtectedMaterial material = new ProtectedMaterial(List.of(), List.of(), List.of("nightjar", dashes));
            assertThatThrownBy(() -> new LeakCheck(material, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("protected term #1")
                    .hasMessageNotContaining(dashes);
        }

        @Test
        void emojiOnlySourceIsRejected() {
            ProtectedMaterial material = new ProtectedMaterial(List.of("\uD83D\uDD25\uD83D\uDD25"), List.of(), List.of());
            assertThatThrownBy(() -> new LeakCheck(material, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("protected source #0");
        }

        @Test
        void blankProtectedPortionIsRejectedButBlankPublicPortionIsNot() {
            List<Portion> portions = List.of(new Portion(Marking.PUBLIC, "..."), new Portion(Marking.PROTECTED, " ... "));
            assertThatThrownBy(() -> new LeakCheck(ProtectedMaterial.NONE, portions))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("protected portion #1");
            assertThat(new LeakCheck(ProtectedMaterial.NONE, portions.subList(0, 1)).check("...").isBlocked()).isFalse();
        }

        @Test
        void singleLetterTermIsKeptAndMatchedAsAWord() {
            LeakCheck check = new LeakCheck(new ProtectedMaterial(List.of(), List.of(), List.of("Q")), List.of());
            assertThat(check.check("Agent Q is coming.").isBlocked()).isTrue();
            assertThat(check.check("A quiet evening.").isBlocked()).isFalse();
        }
    }

    @Nested
    class Disclosure {

        private final LeakMatch match = new LeakMatch(Kind.TERM, 2, "NIGHTJAR");

        @ParameterizedTest
        @EnumSource(Role.class)
        void describeNamesTheItemOnlyToRolesThatMayReadIt(Role role) {
            String description = match.describe(role);
            if (role.mayReadProtectedMaterial()) {
                assertThat(description).isEqualTo("protected term #2 \"NIGHTJAR\"");
            } else {
                assertThat(description).isEqualTo("protected term #2");
                assertThat(description.toLowerCase()).doesNotContain("nightjar");
            }
        }

        @Test
        void rolesWithNeedToKnowAreAnalystApproverAndDirector() {
            assertThat(List.of(Role.values()).stream().filter(Role::mayReadProtectedMaterial))
                    .containsExactlyInAnyOrder(Role.ANALYST, Role.APPROVER, Role.DIRECTOR);
        }

        @Test
        void toStringNeverRevealsTheItem() {
            assertThat(match.toString()).isEqualTo("protected term #2");
            LeakVerdict verdict = CHECK.check(draftNaming("nightjar") + " " + METHOD + " " + SOURCE);
            String logged = String.valueOf(verdict);
            assertThat(logged).contains("protected term #0", "protected method #0", "protected source #0");
            assertThat(logged.toLowerCase()).doesNotContain("nightjar", "satellite", "porter", "baltschug");
        }

        @Test
        void portionMatchDescribesOnlyItsIndexToOthers() {
            LeakMatch portion = new LeakMatch(Kind.PORTION, 1, PROTECTED_PORTION);
            assertThat(portion.describe(Role.OVERSIGHT)).isEqualTo("protected portion #1");
            assertThat(portion.describe(Role.DIRECTOR)).isEqualTo("protected portion #1 \"" + PROTECTED_PORTION + "\"");
        }

        @Test
        void blockedVerdictNeedsAMatch() {
            assertThatThrownBy(() -> new LeakVerdict.Blocked(List.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Folding {

        @Test
        void visualReadingFoldsHomoglyphsCaseAndLookalikeDigits() {
            String plain = TextFolding.fold("nightjar", Reading.VISUAL);
            assertThat(TextFolding.fold("NIG\u041D\u0422J\u0410R", Reading.VISUAL)).isEqualTo(plain);
            assertThat(TextFolding.fold("\u039D\u0399G\u0397\u03A4J\u0391R", Reading.VISUAL)).isEqualTo(plain);
            assertThat(TextFolding.fold("N1GHTJAR", Reading.VISUAL)).isEqualTo(plain);
            // The skeleton maps m to rn; case must not decide whether that happens.
            assertThat(TextFolding.fold("MAMMOTH", Reading.VISUAL)).isEqualTo(TextFolding.fold("mammoth", Reading.VISUAL));
        }

        @Test
        void phoneticReadingFoldsCyrillicSpellings() {
            assertThat(TextFolding.fold("Крокус", Reading.PHONETIC)).isEqualTo(TextFolding.fold("crocus", Reading.PHONETIC));
            assertThat(TextFolding.fold("Кобальт", Reading.PHONETIC)).isEqualTo(TextFolding.fold("kobalt", Reading.PHONETIC));
            assertThat(TextFolding.soundFold("phoenix")).isEqualTo("foeniks");
            assertThat(TextFolding.soundFold("quickly")).isEqualTo("kvikli");
            assertThat(TextFolding.soundFold("wave")).isEqualTo("vave");
            assertThat(TextFolding.soundFold("room 100")).isEqualTo("rom 100");
        }

        @Test
        void symbolsThatTheSkeletonMapsToLettersStillSeparateWords() {
            // The skeleton alone maps an em dash to katakana ー and % to º/₀, both letters.
            assertThat(TextFolding.words("north—west 50%", Reading.VISUAL)).containsExactly("north", "west", "5o");
            // A symbol that passes for a Latin letter is read as that letter.
            assertThat(TextFolding.fold("N|GHTJAR", Reading.VISUAL)).isEqualTo("nightjar");
        }

        @Test
        void wordsAreRunsOfLettersAndDigits() {
            for (Reading reading : Reading.values()) {
                assertThat(TextFolding.words("  Night--JAR, 48h!\u200B ", reading)).hasSize(3);
                assertThat(TextFolding.fold("...", reading)).isEmpty();
                assertThat(TextFolding.fold("night\u200Bjar", reading)).isEqualTo(TextFolding.fold("nightjar", reading));
            }
        }
    }

    @Test
    void concurrentChecksAgreeWithSequentialOnes() throws Exception {
        List<String> drafts = List.of(CLEAN_DRAFT, draftNaming("NIG\u041D\u0422J\u0410R"), "Крокус", draftNaming("ＮＩＧＨＴＪＡＲ"),
                "Police say men were recorded discussing a concert venue.", "Learn the alphabet.");
        List<LeakVerdict> expected = drafts.stream().map(CHECK::check).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 300; round++) {
                int i = round % drafts.size();
                results.add(pool.submit(() -> CHECK.check(drafts.get(i)).equals(expected.get(i))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
