package io.forewarn.yaml;

/** Makes text safe to put into one line of a message: control characters escaped, length capped. */
final class Printable {

    private Printable() {
    }

    static String of(String text, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength) + 8);
        for (int i = 0; i < text.length(); ) {
            if (out.length() >= maxLength) {
                return out.append("…").toString();
            }
            int c = text.codePointAt(i);
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
        return out.toString();
    }

    /** A value echoed inside a message: quoted and kept short. */
    static String quoted(String value) {
        return "'" + of(value, 60) + "'";
    }
}
