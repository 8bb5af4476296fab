package io.forewarn.party.bulk;

import io.forewarn.yaml.FileProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parties from CSV (RFC 4180, UTF-8), one party per row, under a header row naming the columns:
 *
 * <pre>
 * id,kind,audience,relationship,site,locality,region,country,lat,lon,radius-km,count,kinds,channel
 * us-citizens-ru,registrants,own-citizens,ally,,,,RU,,,,5000,,
 * crocus-city-hall,venue,venue-operator,,Crocus City Hall,Krasnogorsk,Moscow Oblast,RU,55.826,37.389,0.4,,concert hall;exhibition centre,
 * </pre>
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><td>{@code id}</td><td>required; at most 200 characters</td></tr>
 *   <tr><td>{@code kind}</td><td>required: {@code registrants}, {@code public}, {@code authority} or {@code venue}</td></tr>
 *   <tr><td>{@code audience}</td><td>required, e.g. {@code own-citizens}, {@code venue-operator}</td></tr>
 *   <tr><td>{@code relationship}</td><td>{@code ally}, {@code neutral} (when empty) or {@code adversarial}</td></tr>
 *   <tr><td>{@code site}, {@code locality}, {@code region}, {@code country}</td><td>the place's names; at least one.
 *       For registrants and the public it is their area, for an authority its jurisdiction, for a venue where it is</td></tr>
 *   <tr><td>{@code lat}, {@code lon}, {@code radius-km}</td><td>optional geometry (decimal degrees, kilometres), which
 *       belongs to the most specific name given; a radius needs lat and lon</td></tr>
 *   <tr><td>{@code count}</td><td>registrants only, and required for them: a whole number, 0 or more</td></tr>
 *   <tr><td>{@code kinds}</td><td>venues only: kinds separated by {@code ;}, e.g. {@code concert hall;exhibition centre}</td></tr>
 *   <tr><td>{@code languages}</td><td>the languages the party reads warnings in besides English, separated by {@code ;}, e.g. {@code ru;fa}</td></tr>
 *   <tr><td>{@code names}</td><td>the names and aliases it is known by, separated by {@code ;}</td></tr>
 *   <tr><td>{@code identifiers}</td><td>its identifiers written {@code scheme:value}, separated by {@code ;}, e.g. {@code passport:X1234567;lei:5299000J2N45DDNE4Y14}</td></tr>
 *   <tr><td>{@code channel}</td><td>authorities only; {@code liaison} when empty</td></tr>
 * </table>
 *
 * <p>Header names are matched without regard to case; columns may come in any order and any but
 * {@code id}, {@code kind} and {@code audience} may be left out. An empty cell is a field not given.
 * Cells are stripped of surrounding spaces. Rows are numbered by the line they start on (the header is
 * line 1). An unknown or repeated column, or a document without a header, makes the whole document
 * unreadable; everything else is a problem of its row.
 */
public final class PartyCsv {

    static final List<String> REQUIRED = List.of("id", "kind", "audience");

    private PartyCsv() {
    }

    /**
     * Every row of the text, read on its own.
     *
     * @param source how a document-level problem names the text, e.g. "request body"
     * @throws FileProblem when the document has no readable header
     */
    public static List<ImportRow> read(String source, String text) {
        List<String> columns = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        CsvDocument.read(text, record -> {
            if (columns.isEmpty()) {
                columns.addAll(columns(source, record));
            } else {
                rows.add(row(record, columns));
            }
        });
        if (columns.isEmpty()) {
            throw FileProblem.ofWholeFile(source, "the document is empty; expected a header row ("
                    + String.join(",", PartyFields.FIELDS) + ")", null);
        }
        return rows;
    }

    private static List<String> columns(String source, CsvDocument.Record header) {
        if (!header.readable()) {
            throw new FileProblem(source, header.line(), 1, "the header row cannot be read: " + header.problem());
        }
        List<String> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!PartyFields.FIELDS.contains(name)) {
                throw new FileProblem(source, header.line(), 1, "column " + (i + 1) + " of the header, " + quoted(name)
                        + ", is not a column of a party (columns: " + String.join(",", PartyFields.FIELDS) + ")");
            }
            Integer earlier = seen.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new FileProblem(source, header.line(), 1, "column " + (i + 1) + " of the header repeats column "
                        + earlier + ", " + name);
            }
            columns.add(name);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columns.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new FileProblem(source, header.line(), 1, "the header needs the columns id, kind and audience; "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        return columns;
    }

    private static ImportRow row(CsvDocument.Record record, List<String> columns) {
        int row = record.line();
        if (!record.readable()) {
            String field = record.problemField() < columns.size() ? columns.get(record.problemField()) : null;
            return new ImportRow.Rejected(row, List.of(new RowProblem(row, field, record.problem())));
        }
        if (record.fields().size() != columns.size()) {
            return new ImportRow.Rejected(row, List.of(new RowProblem(row, null, "has " + record.fields().size()
                    + " fields; the header has " + columns.size())));
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            text.put(columns.get(i), record.fields().get(i));
        }
        return PartyFields.build(new PartyFields.Input(row, text, null, Optional.empty(), true, List.of()));
    }

    /** A header name in a message: it is a column name, not data, but still kept short. */
    private static String quoted(String name) {
        return "'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'";
    }
}
