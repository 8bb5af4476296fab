package io.forewarn.party.bulk;

import java.util.Arrays;

/**
 * Where each line of a text starts, with line breaks counted as FastCSV counts them when it numbers
 * records: CRLF, LF or a lone CR, inside quoted fields as well as between records. {@link CsvDocument}
 * needs it to start FastCSV again at a given line after a record FastCSV cannot read past.
 */
final class LineStarts {

    private final String text;
    private int[] starts = new int[16];
    private int lines;

    /** The lines of text from offset begin (after a byte-order mark, say); line 1 starts there. */
    LineStarts(String text, int begin) {
        this.text = text;
        add(begin);
        for (int at = begin; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
                at++;
            }
            if (c == '\r' || c == '\n') {
                add(at + 1);
            }
        }
    }

    /** The number of lines; a text ending in a line break ends with an empty line. */
    int count() {
        return lines;
    }

    /** The offset at which a line (1-based) starts; the line after the last "starts" at the end of the text. */
    int offset(int line) {
        if (line < 1 || line > lines + 1) {
            throw new IndexOutOfBoundsException("line " + line + " of " + lines);
        }
        return line > lines ? text.length() : starts[line - 1];
    }

    /** How many line breaks a piece of text holds, counted the same way. */
    static int breaks(CharSequence piece) {
        int breaks = 0;
        for (int at = 0; at < piece.length(); at++) {
            char c = piece.charAt(at);
            if (c == '\n' || c == '\r' && (at + 1 == piece.length() || piece.charAt(at + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    private void add(int start) {
        if (lines == starts.length) {
            starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = start;
    }
}
