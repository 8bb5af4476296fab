package io.forewarn.party.bulk;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The records of an RFC 4180 document, read by FastCSV: fields separated by commas, records by CRLF, LF
 * or CR, quoted fields holding commas, line breaks and doubled quotes, empty lines skipped, a byte-order
 * mark at the start dropped (FastCSV drops one only from bytes, and the import has decoded them).
 *
 * <p>A record that breaks the rules is passed on with its problem, and reading goes on at the line after
 * the one where the problem is, so one bad row does not cost the rest. FastCSV reads three such records
 * in its own way, and each is made a problem here:
 * <ul>
 *   <li>a quote inside an unquoted field: FastCSV keeps it as text, which RFC 4180 does not allow;</li>
 *   <li>text after the closing quote of a quoted field: FastCSV stops with an exception, and its reader
 *       cannot go on, so a new one starts at the next line;</li>
 *   <li>a quoted field never closed: FastCSV closes it at the end of the text, so that one field quietly
 *       holds the rest of the document (FastCSV issue 173). It is the document's last record, and the
 *       quotes from its start on are then odd in number: every closed quoted field has an even number,
 *       and a record with a quote in an unquoted field has that problem instead.</li>
 * </ul>
 */
final class CsvDocument {

    /**
     * One record: the line it starts on (1-based), its fields as written (unquoted), and, if it could not
     * be read, the problem and the index of the field where it was found.
     */
    record Record(int line, List<String> fields, String problem, int problemField) {
        Record {
            fields = List.copyOf(fields);
        }

        boolean readable() {
            return problem == null;
        }
    }

    static final String QUOTE_IN_UNQUOTED =
            "a quote inside an unquoted field (quote the whole field and double the quotes in it)";
    static final String AFTER_CLOSING_QUOTE = "text after the closing quote of a quoted field";
    static final String NEVER_CLOSED = "a quoted field is never closed; the rest of the document was read into it";

    private static final char BOM = '\uFEFF';

    private final String text;
    private final int begin;
    private LineStarts lines;

    private CsvDocument(String text) {
        this.text = text;
        this.begin = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
    }

    /** Hands every record of the text, in order, to each. */
    static void read(String text, Consumer<Record> each) {
        CsvDocument document = new CsvDocument(text);
        for (int line = 1; line > 0; ) {
            line = document.readFrom(line, each);
        }
    }

    /** Reads records from a line on; returns the line to start again at, or 0 at the end of the text. */
    private int readFrom(int line, Consumer<Record> each) {
        Fields fields = new Fields(line - 1);
        try (CsvReader<Read> reader = options(text.length() - offset(line)).build(fields, from(offset(line)))) {
            CloseableIterator<Read> records = reader.iterator();
            Read pending = null; // held back until it is known whether it is the last record
            while (true) {
                Read next;
                try {
                    next = records.hasNext() ? records.next() : null;
                } catch (CsvParseException e) {
                    // With no limits set on fields or records and a buffer as large as the text, the one
                    // thing FastCSV stops at is a character after a closing quote.
                    if (pending != null) {
                        each.accept(pending.record());
                    }
                    int start = fields.line();
                    each.accept(new Record(start, fields.read(), AFTER_CLOSING_QUOTE, fields.read().size()));
                    return problemLine(start) + 1;
                }
                if (next == null) {
                    if (pending != null) {
                        each.accept(last(pending));
                    }
                    return 0;
                }
                if (pending != null) {
                    each.accept(pending.record());
                }
                if (next.startAgainAt() > 0) {
                    each.accept(next.record());
                    return next.startAgainAt();
                }
                pending = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** The last record, unless its last field is a quoted one that was never closed. */
    private Record last(Read read) {
        Record record = read.record();
        if (!read.endsQuoted() || !record.readable()) {
            return record;
        }
        long quotes = text.substring(offset(record.line())).chars().filter(c -> c == '"').count();
        return quotes % 2 == 0 ? record
                : new Record(record.line(), record.fields(), NEVER_CLOSED, record.fields().size() - 1);
    }

    /**
     * The line on which the record starting at a line breaks. FastCSV says only where the record starts.
     * Cut off before the line of the problem, the record reads cleanly, since FastCSV closes a quoted field
     * left open at the end of its input; so the line is the first whose inclusion makes the record fail,
     * found by doubling steps and then halving them.
     */
    private int problemLine(int start) {
        int last = lines().count();
        int clean = start - 1;
        int failing = start;
        for (int step = 1; failing < last && !fails(start, failing); step *= 2) {
            clean = failing;
            failing = Math.min(last, failing + step);
        }
        // The record fails through the last line, since it failed when read to the end of the text.
        while (failing - clean > 1) {
            int middle = (clean + failing) >>> 1;
            if (fails(start, middle)) {
                failing = middle;
            } else {
                clean = middle;
            }
        }
        return failing;
    }

    private boolean fails(int start, int through) {
        String cut = text.substring(offset(start), lines().offset(through + 1));
        try (CsvReader<Read> reader = options(cut.length()).build(new Fields(0), cut)) {
            reader.iterator().hasNext();
            return false;
        } catch (CsvParseException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvReader.CsvReaderBuilder options(int length) {
        return CsvReader.builder()
                .skipEmptyLines(true)
                .allowExtraFields(true) // PartyCsv counts the fields against the header itself
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                // a field may be as long as the text, which is in memory already; FastCSV grows its buffer up to this
                .maxBufferSize((int) Math.min(Integer.MAX_VALUE, length + 2L * 8192));
    }

    private Reader from(int offset) {
        StringReader reader = new StringReader(text);
        try {
            reader.skip(offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    private int offset(int line) {
        return line == 1 ? begin : lines().offset(line);
    }

    private LineStarts lines() {
        if (lines == null) {
            lines = new LineStarts(text, begin); // only once a record needs it: most documents never do
        }
        return lines;
    }

    /**
     * A record as read, with what the reading of the document needs besides: the line to start again at
     * (0 to go on), and whether the last field was quoted.
     */
    private record Read(Record record, int startAgainAt, boolean endsQuoted) {
    }

    /** Collects one record's fields from FastCSV, with the line numbers of the whole document. */
    private static final class Fields extends AbstractBaseCsvCallbackHandler<Read> {

        private final int linesBefore;
        private final List<String> fields = new ArrayList<>();
        private int strayQuote;
        private int strayQuoteLine;
        private int breaks;
        private boolean lastQuoted;

        Fields(int linesBefore) {
            this.linesBefore = linesBefore;
        }

        int line() {
            return (int) getStartingLineNumber() + linesBefore;
        }

        List<String> read() {
            return fields;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            fields.clear();
            strayQuote = -1;
            breaks = 0;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            String field = new String(buffer, offset, length);
            if (!quoted && strayQuote < 0 && field.indexOf('"') >= 0) {
                strayQuote = index;
                strayQuoteLine = line() + breaks; // an unquoted field holds no line break
            }
            breaks += LineStarts.breaks(field);
            fields.add(field);
            lastQuoted = quoted;
        }

        @Override
        protected Read buildRecord() {
            if (strayQuote < 0) {
                return new Read(new Record(line(), fields, null, -1), 0, lastQuoted);
            }
            // Reading goes on at the next line, as it does after any other problem, if this record runs on past it.
            boolean runsOn = line() + breaks > strayQuoteLine;
            return new Read(new Record(line(), fields, QUOTE_IN_UNQUOTED, strayQuote), runsOn ? strayQuoteLine + 1 : 0,
                    lastQuoted);
        }
    }
}
