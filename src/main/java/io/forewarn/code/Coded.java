package io.forewarn.code;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A value written in files, on the wire and in the ledger as a short stable code ({@code killing},
 * {@code as-recorded}, {@code place:locality}'s {@code locality}), and the one way such a code is read
 * back.
 *
 * <p>Every code is read by the same rule: surrounding white space is stripped and the text is
 * lower-cased ({@link Locale#ROOT}) before it is compared, so {@code " Serious-Bodily-Injury "} is
 * {@code serious-bodily-injury}; codes themselves are lower-case. A text that is no code is refused
 * with an {@link IllegalArgumentException} of one shape, naming what was read and listing the codes
 * in their declaration order:
 *
 * <pre>unknown harm 'murder'; expected one of: killing, serious-bodily-injury, kidnapping, other</pre>
 *
 * <p>This package imports nothing else of Forewarn's, so every other package may use it.
 */
public interface Coded {

    /** The code, lower-case. */
    String code();

    /**
     * The constant of {@code type} whose code is {@code text} (stripped and lower-cased).
     *
     * @param what what a code of this type is, in the words of the message ("harm", "waiver reason")
     * @throws IllegalArgumentException {@code unknown <what> '<text>'; expected one of: <codes>}
     */
    static <E extends Enum<E> & Coded> E of(Class<E> type, String what, String text) {
        return of(what, Arrays.asList(type.getEnumConstants()), text);
    }

    /** Like {@link #of(Class, String, String)}, for a fixed list of values that are not an enum's constants. */
    static <T extends Coded> T of(String what, List<? extends T> choices, String text) {
        String wanted = normalized(text);
        for (T choice : choices) {
            if (choice.code().equals(wanted)) {
                return choice;
            }
        }
        throw unknown(what, choices, text);
    }

    /** The rule every code is read by: stripped of surrounding white space and lower-cased; null reads as "". */
    static String normalized(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The codes, in order, joined as the message lists them: {@code a, b, c}. */
    static String listed(List<? extends Coded> choices) {
        return choices.stream().map(Coded::code).collect(Collectors.joining(", "));
    }

    /** The refusal of {@code text} as a {@code what}, in the one shape. */
    static IllegalArgumentException unknown(String what, List<? extends Coded> choices, String text) {
        return new IllegalArgumentException("unknown " + what + " " + quoted(text) + "; expected one of: "
                + listed(choices));
    }

    /**
     * The text as it was given, quoted, on one line and short: control and format characters escaped,
     * cut after 60 characters (the rule the YAML reader's messages follow).
     */
    private static String quoted(String text) {
        String given = String.valueOf(text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < given.length(); ) {
            if (out.length() >= 60) {
                out.append('…');
                break;
            }
            int c = given.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.SURROGATE) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return "'" + out + "'";
    }
}
