package io.forewarn.yaml;

/** Turns a code-point index into a 1-based line and column, for errors that only know the index. */
final class LineColumn {

    private LineColumn() {
    }

    static int[] of(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; seen++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
