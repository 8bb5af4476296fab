package io.forewarn.party.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records. Fields are separated by commas and records by line breaks (CRLF
 * as the RFC writes them, or LF, or a lone CR). A field may be quoted with {@code "}; a quoted field
 * may hold commas, line breaks and quotes, which are doubled ({@code ""}). Completely empty lines are
 * skipped. A byte-order mark at the start is dropped.
 *
 * <p>A record that breaks the rules (a quote inside an unquoted field, text after a closing quote) is
 * returned with the problem, and reading goes on at the next line, so one bad row does not cost the
 * rest. A quoted field that is never closed swallows the rest of the text: its record is the last,
 * with that problem.
 */
final class CsvRecords {

    /**
     * One record: the line it starts on (1-based), its fields as written (unquoted), and, if it could
     * not be read, the problem and the index of the field where it was found.
     */
    record Record(int line, List<String> fields, String problem, int problemField) {
        Record {
            fields = List.copyOf(fields);
        }

        boolean readable() {
            return problem == null;
        }
    }

    private final String text;
    private int at;
    private int line = 1;

    private CsvRecords(String text) {
        this.text = text;
        this.at = text.startsWith("\uFEFF") ? 1 : 0;
    }

    static List<Record> read(String text) {
        return new CsvRecords(text).records();
    }

    private List<Record> records() {
        List<Record> records = new ArrayList<>();
        while (at < text.length()) {
            if (lineBreakAt(at)) { // an empty line
                skipLineBreak();
                continue;
            }
            Record record = record();
            records.add(record);
            if (record.problem() != null && at >= text.length()) {
                break;
            }
        }
        return records;
    }

    private Record record() {
        int start = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            StringBuilder field = new StringBuilder();
            if (at < text.length() && text.charAt(at) == '"') {
                at++;
                if (!quoted(field)) {
                    fields.add(field.toString());
                    return new Record(start, fields, "a quoted field is never closed; the rest of the document was read into it",
                            fields.size() - 1);
                }
                if (at < text.length() && text.charAt(at) != ',' && !lineBreakAt(at)) {
                    fields.add(field.toString());
                    skipRestOfLine();
                    return new Record(start, fields, "text after the closing quote of a quoted field", fields.size() - 1);
                }
            } else {
                while (at < text.length() && text.charAt(at) != ',' && !lineBreakAt(at)) {
                    if (text.charAt(at) == '"') {
                        fields.add(field.toString());
                        skipRestOfLine();
                        return new Record(start, fields,
                                "a quote inside an unquoted field (quote the whole field and double the quotes in it)",
                                fields.size() - 1);
                    }
                    field.append(text.charAt(at++));
                }
            }
            fields.add(field.toString());
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                continue;
            }
            skipLineBreak();
            return new Record(start, fields, null, -1);
        }
    }

    /** Reads a quoted field's content after its opening quote, through its closing one; false if it never closes. */
    private boolean quoted(StringBuilder field) {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                if (at + 1 < text.length() && text.charAt(at + 1) == '"') {
                    field.append('"');
                    at += 2;
                    continue;
                }
                at++;
                return true;
            }
            if (lineBreakAt(at)) {
                int from = at;
                skipLineBreak();
                field.append(text, from, at);
                continue;
            }
            field.append(c);
            at++;
        }
        return false;
    }

    private boolean lineBreakAt(int index) {
        char c = text.charAt(index);
        return c == '\n' || c == '\r';
    }

    /** Consumes one line break (CRLF, LF or CR) if there is one at the current position. */
    private void skipLineBreak() {
        if (at < text.length() && text.charAt(at) == '\r') {
            at++;
            if (at < text.length() && text.charAt(at) == '\n') {
                at++;
            }
            line++;
        } else if (at < text.length() && text.charAt(at) == '\n') {
            at++;
            line++;
        }
    }

    private void skipRestOfLine() {
        while (at < text.length() && !lineBreakAt(at)) {
            at++;
        }
        skipLineBreak();
    }
}
