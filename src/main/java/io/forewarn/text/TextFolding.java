package io.forewarn.text;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Folds text so that disguised spellings of a word collapse to the same form; the leak check
 * applies it identically to a draft and to the protected items it must not reveal.
 *
 * <p>A Cyrillic or Greek letter means two different things depending on how it is used: as a
 * homoglyph (Cyrillic {@code р} in "рaris" stands for Latin {@code p}) or as a spelling (the same
 * {@code р} in "Крокус" stands for {@code r}). No single form can serve both, so text is folded
 * in two {@linkplain Reading readings} and a leak check compares like with like in each:
 *
 * <ul>
 *   <li>{@link Reading#VISUAL}: default-ignorables removed, characters that cannot be part of a
 *       word made spaces (except symbols that pass for a Latin letter), the UTS #39 confusable
 *       skeleton of the text in its original case (so that Greek {@code Η} still reads as
 *       {@code H}, not as the {@code η} case folding would make of it), NFKC, transliteration to
 *       ASCII with diacritics
 *       stripped, case folding, the skeleton once more (the lower-case forms produced by case
 *       folding must land on the same prototypes, e.g. {@code m → rn}), and finally {@code l → i},
 *       because the skeleton maps capital {@code I}, digit {@code 1} and {@code |} to {@code l}
 *       while a lower-case {@code i} stays {@code i}.</li>
 *   <li>{@link Reading#PHONETIC}: NFKC with case folding (which also removes default-ignorables),
 *       transliteration to ASCII with diacritics stripped, then per word a light
 *       {@linkplain #soundFold(String) sound fold} so that a word spelt in Cyrillic by ear, or
 *       pushed through ICU's Latin-Cyrillic transliterator, comes back to the same form.</li>
 * </ul>
 *
 * <p>In both readings every run of characters that are not letters or digits separates words;
 * the folded text is its words joined by single spaces. Thread-safe.
 */
public final class TextFolding {

    /** The two ways a non-Latin letter can stand for a Latin one. */
    public enum Reading {
        /** A letter stands for the Latin letter it looks like. */
        VISUAL,
        /** A letter stands for the Latin letter it sounds like. */
        PHONETIC,
        /**
         * Only the consonants count: Arabic script (Persian, Arabic, Urdu) writes short vowels not at all
         * and long ones as consonant letters (و, ی), so "کسترل" is the "kestrel" of a Latin original. The
         * phonetic reading without a, e, i, o, u, w, y. It makes many unrelated words meet, so the leak
         * check reads a text this way only when the text holds Arabic script, and only for items with at
         * least {@value #MIN_CONSONANTS} consonants.
         */
        CONSONANTAL;

        /** Items with fewer consonants than this are not compared by their consonants alone. */
        public static final int MIN_CONSONANTS = 4;

        /** The last, per-word step of this reading, applied to a word of {@link #baseWords}. */
        public String finish(String baseWord) {
            return this == VISUAL ? baseWord : soundFold(baseWord);
        }
    }

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private static final UnicodeSet ARABIC_SCRIPT = new UnicodeSet("[:Script=Arabic:]").freeze();

    private static final UnicodeSet DEFAULT_IGNORABLE =
            new UnicodeSet("[:Default_Ignorable_Code_Point:]").freeze();

    // Immutable once built and documented as safe to share; building loads the confusables data.
    private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();

    /*
     * Kra (ĸ) is the skeleton of Cyrillic к and Greek κ; Latin-ASCII would turn it into q, which
     * no reader sees in it. Any-Latin writes soft and hard signs as primes, which Latin-ASCII
     * would turn into apostrophes and so split "Кобальт" into two words; they are part of the word.
     */
    private static final String TO_ASCII_RULES = """
            ĸ > k ;
            :: Any-Latin ;
            [ʹʺ] > ;
            :: NFD ;
            :: [[:Nonspacing_Mark:][:Enclosing_Mark:]] Remove ;
            :: NFC ;
            :: Latin-ASCII ;
            """;

    // Punctuation is most of what is not a word in a draft; no need to ask the skeleton each time.
    private static final boolean[] ASCII_LOOKALIKE_SYMBOL = new boolean[0x80];

    static {
        for (int cp = 0; cp < ASCII_LOOKALIKE_SYMBOL.length; cp++) {
            ASCII_LOOKALIKE_SYMBOL[cp] = !Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp)
                    && skeletonIsOneLatinLetterOrDigit(cp);
        }
    }

    // ICU does not promise that a Transliterator may be shared between threads: every use locks it.
    private static final Transliterator TO_ASCII =
            Transliterator.createFromRules("Forewarn-FoldToAscii", TO_ASCII_RULES, Transliterator.FORWARD);

    private TextFolding() {
    }

    /** The folded text in a reading: its words joined by single spaces, empty if it has none. */
    public static String fold(String text, Reading reading) {
        return String.join(" ", words(text, reading));
    }

    /** The folded words of a text in a reading. */
    public static List<String> words(String text, Reading reading) {
        List<String> words = baseWords(text, reading);
        List<String> finished = new ArrayList<>(words.size());
        for (String word : words) {
            finished.add(reading.finish(word));
        }
        return List.copyOf(finished);
    }

    /**
     * The words of a text in a reading before the per-word last step. The leak check needs them
     * to join words before that step: "sp hinx" must fold like "sphinx", and the sound fold of
     * the halves ("sp", "hinks") does not join up to the sound fold of the whole ("sfinks").
     */
    public static List<String> baseWords(String text, Reading reading) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reading, "reading");
        String folded = switch (reading) {
            case VISUAL -> visualBase(text);
            case PHONETIC -> phoneticBase(text);
            case CONSONANTAL -> phoneticBase(text).replaceAll("[aeiouwy]", "");
        };
        return splitWords(folded);
    }

    /** Whether a text holds a letter of the Arabic script, which writes few vowels. */
    public static boolean hasArabicScript(String text) {
        return ARABIC_SCRIPT.containsSome(text);
    }

    private static String visualBase(String text) {
        // Skeleton before NFKC: NFKC turns some homoglyphs into letters that no longer look
        // like their Latin twin (lunate sigma ϲ, a c to the eye, becomes final sigma ς).
        String s = SPOOF_CHECKER.getSkeleton(visualWordsOnly(text));
        s = toAscii(NFKC.normalize(s));
        s = NFKC_CASEFOLD.normalize(s);
        s = NFKC_CASEFOLD.normalize(SPOOF_CHECKER.getSkeleton(s));
        return s.replace('l', 'i');
    }

    /**
     * The text without default-ignorables, and with every character that cannot be part of a
     * word turned into a space before the skeleton sees it: the skeleton maps many symbols to
     * letters (an em dash to the katakana ー, % to º/₀), which would glue words together. Symbols
     * whose skeleton is a single ASCII letter or digit stay, since they are used as such
     * (| for l, × for x).
     */
    private static String visualWordsOnly(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (DEFAULT_IGNORABLE.contains(cp)) {
                return;
            }
            kept.appendCodePoint(isWordCharacter(cp) || isLatinLookalikeSymbol(cp) ? cp : ' ');
        });
        return kept.toString();
    }

    private static boolean isWordCharacter(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isLatinLookalikeSymbol(int cp) {
        if (cp < ASCII_LOOKALIKE_SYMBOL.length) {
            return ASCII_LOOKALIKE_SYMBOL[cp];
        }
        return !Character.isWhitespace(cp) && skeletonIsOneLatinLetterOrDigit(cp);
    }

    private static boolean skeletonIsOneLatinLetterOrDigit(int cp) {
        String skeleton = SPOOF_CHECKER.getSkeleton(new String(Character.toChars(cp)));
        return skeleton.length() == 1 && skeleton.charAt(0) < 0x80 && Character.isLetterOrDigit(skeleton.charAt(0));
    }

    private static String phoneticBase(String text) {
        return NFKC_CASEFOLD.normalize(toAscii(NFKC_CASEFOLD.normalize(text)));
    }

    private static String toAscii(String text) {
        // Every step of TO_ASCII_RULES leaves ASCII as it is, and most text is ASCII: the transliterator, the
        // costliest step of the leak check, is needed only for the rest.
        return isAscii(text) ? text : transliterated(text);
    }

    /** The text through {@link #TO_ASCII_RULES}, ASCII or not. */
    static String transliterated(String text) {
        synchronized (TO_ASCII) {
            return TO_ASCII.transliterate(text);
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * A deliberately small sound fold for one lower-case word, so that spellings by ear and ICU's
     * Latin-Cyrillic round trip meet the Latin original ("Крокус" and "crocus" both become krokvs):
     *
     * <ul>
     *   <li>{@code ph → f} (Cyrillic ф);</li>
     *   <li>{@code x → ks} (Cyrillic кс);</li>
     *   <li>{@code c, q → k} (к; ICU writes q as к, and ck becomes kk, then k);</li>
     *   <li>{@code u, v, w → v}: a hand-written Russian spelling renders w as в (v), but ICU's
     *       Latin-Cyrillic renders it as у (u); merging the three covers both, at little cost,
     *       since English has almost no words that differ only between the vowel u and v;</li>
     *   <li>{@code y, j → i} (й, и, ы);</li>
     *   <li>a letter repeated after these steps is written once (Cyrillic spellings often
     *       drop doubled letters).</li>
     * </ul>
     *
     * <p>Only letters are collapsed: {@code 100} and {@code 10} stay apart, since numbers in
     * selectors (phone numbers, frequencies) must not merge.
     */
    public static String soundFold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String sound;
            if (c == 'p' && i + 1 < lower.length() && lower.charAt(i + 1) == 'h') {
                sound = "f";
                i++;
            } else {
                sound = switch (c) {
                    case 'c', 'q' -> "k";
                    case 'x' -> "ks";
                    case 'u', 'v', 'w' -> "v";
                    case 'y', 'j' -> "i";
                    default -> String.valueOf(c);
                };
            }
            for (int k = 0; k < sound.length(); k++) {
                char s = sound.charAt(k);
                boolean repeat = !out.isEmpty() && out.charAt(out.length() - 1) == s && Character.isLetter(s);
                if (!repeat) {
                    out.append(s);
                }
            }
        }
        return out.toString();
    }
}
