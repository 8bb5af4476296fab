package io.forewarn.sanitize;

import io.forewarn.report.Portion;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.sanitize.LeakMatch.Kind;
import io.forewarn.text.TextFolding;
import io.forewarn.text.TextFolding.Reading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Blocks a draft warning through which a protected item of a report shows: a source description,
 * a collection method, a protected term, or a portion marked protected.
 *
 * <p>Draft and items are compared after {@link TextFolding}, in each of its readings (the consonantal
 * one only for a draft holding Arabic script, whose short vowels are not written); a match in any
 * reading blocks. An item (source, method or term) shows through when
 * <ol>
 *   <li>its folded words occur in the draft's folded words as a whole-word sequence (so a
 *       protected "ion" does not block "region"); or</li>
 *   <li>it has at least {@value #MIN_SPACED_LETTERS} letters and digits, and some run of
 *       consecutive whole words of the draft, joined without spaces, folds to the item joined
 *       without spaces. This catches "N I G H T J A R", "night-jar" and "nightjar" for a term
 *       "night jar". Requiring the run to start and end on word boundaries keeps rule 1's
 *       promise: "alpha" does not block "alphabet", nor "nightjar" "fortnight jar". What it
 *       still blocks is words that happen to join up to an item ("at one" for "atone"); that
 *       errs on the side of the source, and a person can rephrase.</li>
 * </ol>
 * A protected portion shows through when the draft shares a word {@value #PORTION_NGRAM}-gram
 * with it, or, for a portion shorter than that, contains all of its words in sequence.
 *
 * <p>Folded forms and n-gram sets are computed once, in the constructor. Immutable and thread-safe.
 */
public final class LeakCheck {

    /**
     * Word n-gram size for protected portions. Three or four words in a row are mostly stock
     * phrases that any warning shares with any report ("in the city of", "over the next days");
     * five words in the same order are seldom shared by accident, yet still few enough that one
     * clause lifted from a protected paragraph is caught when the words around it are rewritten.
     * What remains: a five-word formula inside a protected portion ("over the next few days")
     * blocks every draft that uses it.
     */
    public static final int PORTION_NGRAM = 5;

    /**
     * Below this many letters and digits an item is matched as whole words only: short items
     * pieced together from separate words ("at" + "om" for "atom") would turn up all the time.
     */
    public static final int MIN_SPACED_LETTERS = 5;

    /** How much longer than the longest target a run of joined words may be, both before the last step. */
    private static final int RAW_RUN_FACTOR = 3;

    private static final LeakVerdict CLEAN = new LeakVerdict.Clean();

    /** The readings every text is checked in; the consonantal one only a text in Arabic script. */
    private static final List<Reading> EVERY_TEXT = List.of(Reading.VISUAL, Reading.PHONETIC);

    /** A source, method or term, folded in every reading. */
    private record Item(LeakMatch match, Map<Reading, String> paddedWords, boolean spacedMatch) {
    }

    /** A protected portion; {@code paddedWords} is used only below {@link #PORTION_NGRAM} words. */
    private record ProtectedPortion(LeakMatch match, Map<Reading, String> paddedWords, boolean belowNgram) {
    }

    private final List<Item> items;
    private final List<ProtectedPortion> portions;
    /** Per reading: item joined without spaces → positions in {@link #items}. */
    private final Map<Reading, Map<String, List<Integer>>> spacedTargets;
    /** Per reading: the length of the longest target. */
    private final Map<Reading, Integer> longestSpacedTarget;
    /** Per reading: the length of the longest target before the reading's per-word last step. */
    private final Map<Reading, Integer> longestSpacedTargetUnfinished;
    /** Per reading: n-gram of a long portion → positions in {@link #portions}. */
    private final Map<Reading, Map<String, List<Integer>>> portionGrams;

    public static LeakCheck forReport(ThreatReport report) {
        return new LeakCheck(report.protectedMaterial(), report.portions());
    }

    /**
     * @param material the report's protected sources, methods and terms
     * @param portions all of the report's portions; only those marked protected are checked, and
     *                 a match reports the position in this list
     * @throws IllegalArgumentException if an item or protected portion has no letters or digits
     *                                  after folding; the message names its kind and index, never its text
     */
    public LeakCheck(ProtectedMaterial material, List<Portion> portions) {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(portions, "portions");

        List<Item> items = new ArrayList<>();
        addItems(items, Kind.SOURCE, material.sources());
        addItems(items, Kind.METHOD, material.methods());
        addItems(items, Kind.TERM, material.terms());
        this.items = List.copyOf(items);

        List<ProtectedPortion> protectedPortions = new ArrayList<>();
        for (int index = 0; index < portions.size(); index++) {
            Portion portion = Objects.requireNonNull(portions.get(index), "portion #" + index);
            if (portion.isProtected()) {
                protectedPortions.add(protectedPortion(index, portion.text()));
            }
        }
        this.portions = List.copyOf(protectedPortions);

        Map<Reading, Map<String, List<Integer>>> spaced = new EnumMap<>(Reading.class);
        Map<Reading, Integer> longest = new EnumMap<>(Reading.class);
        Map<Reading, Integer> longestUnfinished = new EnumMap<>(Reading.class);
        Map<Reading, Map<String, List<Integer>>> grams = new EnumMap<>(Reading.class);
        for (Reading reading : Reading.values()) {
            Map<String, List<Integer>> targets = new HashMap<>();
            int max = 0;
            int maxUnfinished = 0;
            for (int i = 0; i < this.items.size(); i++) {
                Item item = this.items.get(i);
                if (item.spacedMatch() && item.paddedWords().containsKey(reading)) {
                    String unfinished = String.join("", TextFolding.baseWords(item.match().item(), reading));
                    String joined = reading.finish(unfinished);
                    targets.computeIfAbsent(joined, k -> new ArrayList<>()).add(i);
                    max = Math.max(max, joined.length());
                    maxUnfinished = Math.max(maxUnfinished, unfinished.length());
                }
            }
            spaced.put(reading, freeze(targets));
            longest.put(reading, max);
            longestUnfinished.put(reading, maxUnfinished);

            Map<String, List<Integer>> byGram = new HashMap<>();
            for (int p = 0; p < this.portions.size(); p++) {
                ProtectedPortion portion = this.portions.get(p);
                if (!portion.belowNgram() && portion.paddedWords().containsKey(reading)) {
                    for (String gram : ngrams(TextFolding.words(portion.match().item(), reading))) {
                        List<Integer> owners = byGram.computeIfAbsent(gram, k -> new ArrayList<>());
                        if (owners.isEmpty() || owners.get(owners.size() - 1) != p) {
                            owners.add(p);
                        }
                    }
                }
            }
            grams.put(reading, freeze(byGram));
        }
        this.spacedTargets = Collections.unmodifiableMap(spaced);
        this.longestSpacedTarget = Collections.unmodifiableMap(longest);
        this.longestSpacedTargetUnfinished = Collections.unmodifiableMap(longestUnfinished);
        this.portionGrams = Collections.unmodifiableMap(grams);
    }

    private static void addItems(List<Item> into, Kind kind, List<String> texts) {
        for (int index = 0; index < texts.size(); index++) {
            LeakMatch match = new LeakMatch(kind, index, texts.get(index));
            Map<Reading, String> padded = paddedWordsOrFail(match);
            int letters = String.join("", TextFolding.baseWords(match.item(), Reading.PHONETIC)).length();
            into.add(new Item(match, padded, letters >= MIN_SPACED_LETTERS));
        }
    }

    private static ProtectedPortion protectedPortion(int index, String text) {
        LeakMatch match = new LeakMatch(Kind.PORTION, index, text);
        Map<Reading, String> padded = paddedWordsOrFail(match);
        boolean belowNgram = false;
        for (Reading reading : EVERY_TEXT) {
            belowNgram |= TextFolding.words(text, reading).size() < PORTION_NGRAM;
        }
        return new ProtectedPortion(match, padded, belowNgram);
    }

    /**
     * The item's folded words per reading, space-padded for whole-word search. The consonantal reading is
     * there only for a source, method or term of {@value TextFolding.Reading#MIN_CONSONANTS} consonants or
     * more: a protected portion is prose, and a short item's consonants alone match too much.
     */
    private static Map<Reading, String> paddedWordsOrFail(LeakMatch match) {
        Map<Reading, String> padded = new EnumMap<>(Reading.class);
        if (match.kind() != Kind.PORTION) {
            List<String> consonants = TextFolding.words(match.item(), Reading.CONSONANTAL);
            if (String.join("", consonants).length() >= Reading.MIN_CONSONANTS) {
                padded.put(Reading.CONSONANTAL, pad(consonants));
            }
        }
        for (Reading reading : EVERY_TEXT) {
            List<String> words = TextFolding.words(match.item(), reading);
            if (words.isEmpty()) {
                // The text stays out of the message: exceptions reach logs and error pages.
                throw new IllegalArgumentException(match + " has no letters or digits after folding,"
                        + " so no draft could ever be checked against it");
            }
            padded.put(reading, pad(words));
        }
        return Collections.unmodifiableMap(padded);
    }

    /** Checks every text of a draft (one per language); blocked when any is, by every item that shows through any. */
    public LeakVerdict check(Collection<String> texts) {
        LinkedHashSet<LeakMatch> matches = new LinkedHashSet<>();
        for (String text : texts) {
            if (check(text) instanceof LeakVerdict.Blocked blocked) {
                matches.addAll(blocked.matches());
            }
        }
        return matches.isEmpty() ? CLEAN : new LeakVerdict.Blocked(matches.stream()
                .sorted(java.util.Comparator.comparing(LeakMatch::kind).thenComparingInt(LeakMatch::index))
                .toList());
    }

    /** Checks a draft warning against every protected item of the report. */
    public LeakVerdict check(String text) {
        Objects.requireNonNull(text, "text");
        if (items.isEmpty() && portions.isEmpty()) {
            // nothing protected, nothing to reveal: the folding below is most of a report's CPU time when every event
            // summary and obligation note of a report without protected material is checked (bench ingest, JFR)
            return CLEAN;
        }
        boolean[] itemHit = new boolean[items.size()];
        boolean[] portionHit = new boolean[portions.size()];
        for (Reading reading : Reading.values()) {
            if (!EVERY_TEXT.contains(reading) && !TextFolding.hasArabicScript(text)) {
                continue;
            }
            List<String> base = TextFolding.baseWords(text, reading);
            List<String> words = new ArrayList<>(base.size());
            for (String word : base) {
                words.add(reading.finish(word));
            }
            String padded = pad(words);

            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i).paddedWords().get(reading);
                if (!itemHit[i] && item != null && padded.contains(item)) {
                    itemHit[i] = true;
                }
            }
            markSpacedMatches(reading, base, itemHit);

            for (int p = 0; p < portions.size(); p++) {
                ProtectedPortion portion = portions.get(p);
                String portionWords = portion.paddedWords().get(reading);
                if (!portionHit[p] && portion.belowNgram() && portionWords != null && padded.contains(portionWords)) {
                    portionHit[p] = true;
                }
            }
            Map<String, List<Integer>> grams = portionGrams.get(reading);
            if (!grams.isEmpty()) {
                for (String gram : ngrams(words)) {
                    for (int p : grams.getOrDefault(gram, List.of())) {
                        portionHit[p] = true;
                    }
                }
            }
        }

        List<LeakMatch> matches = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (itemHit[i]) {
                matches.add(items.get(i).match());
            }
        }
        for (int p = 0; p < portions.size(); p++) {
            if (portionHit[p]) {
                matches.add(portions.get(p).match());
            }
        }
        return matches.isEmpty() ? CLEAN : new LeakVerdict.Blocked(matches);
    }

    /**
     * Rule 2: runs of whole words joined before the reading's last per-word step, so that a
     * split inside a folded letter group ("sp hinx") folds like the unsplit word.
     */
    private void markSpacedMatches(Reading reading, List<String> baseWords, boolean[] itemHit) {
        Map<String, List<Integer>> targets = spacedTargets.get(reading);
        if (targets.isEmpty()) {
            return;
        }
        int longest = longestSpacedTarget.get(reading);
        // A disguised spelling is seldom much longer than the item before the last step (ICU
        // writes x as кс, which comes back as ks: twice as long). The cap keeps a draft of many
        // one-letter words ("a a a a ...", which the sound fold collapses to "a") from costing
        // quadratic time and worse. The price: a spelling both spaced out and padded with
        // repeated letters to over three times the item's length gets past the phonetic reading.
        int rawLimit = RAW_RUN_FACTOR * longestSpacedTargetUnfinished.get(reading);
        StringBuilder joined = new StringBuilder();
        for (int start = 0; start < baseWords.size(); start++) {
            joined.setLength(0);
            for (int end = start; end < baseWords.size(); end++) {
                joined.append(baseWords.get(end));
                if (joined.length() > rawLimit) {
                    break;
                }
                String folded = reading.finish(joined.toString());
                // A growing run's fold never falls more than one letter below its longest so far
                // ("f p" + "h" → "f"), so once two over the longest target it cannot come back.
                if (folded.length() > longest + 1) {
                    break;
                }
                for (int i : targets.getOrDefault(folded, List.of())) {
                    itemHit[i] = true;
                }
            }
        }
    }

    private static List<String> ngrams(List<String> words) {
        List<String> grams = new ArrayList<>();
        for (int start = 0; start + PORTION_NGRAM <= words.size(); start++) {
            grams.add(String.join(" ", words.subList(start, start + PORTION_NGRAM)));
        }
        return grams;
    }

    private static String pad(List<String> words) {
        return " " + String.join(" ", words) + " ";
    }

    private static Map<String, List<Integer>> freeze(Map<String, List<Integer>> map) {
        Map<String, List<Integer>> frozen = new HashMap<>();
        map.forEach((key, value) -> frozen.put(key, List.copyOf(value)));
        return Collections.unmodifiableMap(frozen);
    }
}
