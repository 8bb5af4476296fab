package io.forewarn.sanitize;

import com.ibm.icu.text.Transliterator;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static java.util.Map.entry;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * A composed disguise of a Latin term. Homoglyphs and transliteration exclude each other:
 * a word of which some letters stand for what they look like and others for what they sound
 * like has no reading at all. Steps that depend on the letter (case, script) come before
 * those that do not, so that, say, a Greek ν chosen for v is never upper-cased into Ν, an N.
 */
public record Disguise(CaseChange caseChange, Script script, boolean diacritics, boolean fullwidth,
                boolean invisibles, Separation separation, long seed) {

    public String apply(String term) {
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

    static final Transliterator LATIN_TO_CYRILLIC = Transliterator.getInstance("Latin-Cyrillic");

    /** Cyrillic and Greek letters (and UTS #39 lookalike digits) that pass for Latin ones. */
    static final Map<Character, String> HOMOGLYPHS = Map.ofEntries(
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

    static final String COMBINING_MARKS =
            "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030A\u030B\u030C\u0327\u0328";
    static final List<String> INVISIBLES =
            List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u034F");
    static final List<String> SEPARATORS =
            List.of(" ", "-", ".", "_", " / ", "\u00A0", "\u3000", "\u00B7", "--");

    enum CaseChange { AS_IS, UPPER, CAPITALIZED, RANDOM }

    enum Script { LATIN, HOMOGLYPHS, CYRILLIC_TRANSLITERATION }

    enum Separation { NONE, SPACES, HYPHENS, MIXED }

    /**
     * Every combination of the disguise steps, read from the steps' own enums so that a step added here is
     * covered wherever this list is used; each with its own seed for the letter-level choices.
     */
    public static List<Disguise> everyCombination() {
        List<Disguise> every = new ArrayList<>();
        long seed = 0;
        for (CaseChange caseChange : CaseChange.values()) {
            for (Script script : Script.values()) {
                for (int flags = 0; flags < 8; flags++) {
                    for (Separation separation : Separation.values()) {
                        every.add(new Disguise(caseChange, script, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0,
                                separation, seed++));
                    }
                }
            }
        }
        return List.copyOf(every);
    }

    /** Every combination of disguise steps, with a random seed for the letter-level choices. */
    public static Gen<Disguise> any() {
        Gen<CaseChange> caseChanges = arbitrary().enumValues(CaseChange.class);
        Gen<Script> scripts = arbitrary().enumValues(Script.class);
        Gen<Boolean> taken = booleans().all();
        Gen<Separation> separations = arbitrary().enumValues(Separation.class);
        Gen<Long> seeds = longs().all();
        // Gen#zip joins at most five generators; a Gen is a function of the randomness source, so
        // seven steps are drawn from it in turn, as zip itself does, and shrink the same way.
        return in -> new Disguise(caseChanges.generate(in), scripts.generate(in), taken.generate(in),
                taken.generate(in), taken.generate(in), separations.generate(in), seeds.generate(in));
    }
}
