package io.forewarn.yaml;

import java.util.Objects;

/**
 * Something wrong with an input file, pointing at where it is: {@code file:line:column: problem}
 * with 1-based line and column, the form editors and terminals turn into a link.
 *
 * <p>The problem text is made printable and short here, once, because it often echoes what the
 * file said, and a hostile file must not be able to put control characters or megabytes into a
 * log line or an error page.
 */
public class FileProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_PROBLEM_LENGTH = 500;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public FileProblem(String file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public FileProblem(String file, int line, int column, String problem, Throwable cause) {
        super(null, cause);
        this.file = Printable.of(Objects.requireNonNullElse(file, "<unnamed>"), MAX_PROBLEM_LENGTH);
        this.line = Math.max(0, line);
        this.column = line < 1 ? 0 : Math.max(1, column);
        this.problem = Printable.of(Objects.requireNonNullElse(problem, "invalid"), MAX_PROBLEM_LENGTH);
    }

    public String file() {
        return file;
    }

    /** A problem with the file as a whole (missing, unreadable, empty, too large), at no line. */
    public static FileProblem ofWholeFile(String file, String problem, Throwable cause) {
        return new FileProblem(file, 0, 0, problem, cause);
    }

    /** 1-based; 0 when the problem is with the file as a whole. */
    public int line() {
        return line;
    }

    /** 1-based; 0 when the problem is with the file as a whole. */
    public int column() {
        return column;
    }

    /** The problem without the position. */
    public String problem() {
        return problem;
    }

    @Override
    public String getMessage() {
        return line == 0 ? file + ": " + problem : file + ":" + line + ":" + column + ": " + problem;
    }
}
