package io.forewarn.report;

/** A threat report that cannot be accepted; {@link #field()} names the offending field. */
public class InvalidReportException extends IllegalArgumentException {

    private final String field;

    public InvalidReportException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
