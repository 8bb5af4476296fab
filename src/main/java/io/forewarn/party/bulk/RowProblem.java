package io.forewarn.party.bulk;

/**
 * One problem with one row of an import: the row (a CSV file's line, a GeoJSON feature's index in
 * {@code features}), the column or property at fault (null when it is the row as a whole), and what is
 * wrong. The problem names fields and rules, never the values the row holds.
 */
public record RowProblem(int row, String field, String problem) {
}
