package io.forewarn.gazetteer;

import io.forewarn.yaml.FileProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the GeoNames files geocoders import, a row at a time so that the whole of {@code cities1000.txt} (about
 * 150,000 rows) never sits in memory: {@code cities1000.txt} (and any file of the "geoname" table's 19
 * columns), {@code admin1CodesASCII.txt}, and Forewarn's {@code regions.txt}. Every row is read or refused: a
 * bad row stops the reading with {@code file:line:column: problem}, never skipped, so an import is all of a
 * file or none of it. Lines starting with {@code #} are comments (GeoNames' own files have none).
 */
public final class GeoNamesFiles {

    /** The columns of the "geoname" table, in order, as GeoNames' readme names them. */
    public static final List<String> GEONAME_COLUMNS = List.of("geonameid", "name", "asciiname", "alternatenames",
            "latitude", "longitude", "feature class", "feature code", "country code", "cc2", "admin1 code",
            "admin2 code", "admin3 code", "admin4 code", "population", "elevation", "dem", "timezone",
            "modification date");

    /** The columns of {@code admin1CodesASCII.txt}. */
    public static final List<String> ADMIN1_COLUMNS = List.of("code", "name", "name ascii", "geonameid");

    /** The columns of {@code regions.txt}: country, region name, the admin1 keys it consists of, its source. */
    public static final List<String> REGION_COLUMNS = List.of("country code", "name", "admin1 codes", "source");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern FEATURE_CLASS = Pattern.compile("[AHLPRSTUV]?");
    private static final Pattern ADMIN1_KEY = Pattern.compile("[A-Z]{2}\\.[0-9A-Za-z]+");

    private GeoNamesFiles() {
    }

    /** Reads every row of a "geoname" table file; returns how many. */
    public static long readGeoNames(BufferedReader in, String file, Consumer<GeoName> each) {
        return rows(in, file, GEONAME_COLUMNS, row -> each.accept(geoName(row)));
    }

    /** Reads every row of {@code admin1CodesASCII.txt}; returns how many. */
    public static long readAdmin1(BufferedReader in, String file, Consumer<Admin1Division> each) {
        return rows(in, file, ADMIN1_COLUMNS, row -> each.accept(new Admin1Division(
                row.matching(0, ADMIN1_KEY, "CC.CODE, e.g. RU.47"), row.required(1), row.required(2), row.id(3))));
    }

    /** Reads every row of {@code regions.txt}; returns how many. */
    public static long readRegions(BufferedReader in, String file, Consumer<Region> each) {
        return rows(in, file, REGION_COLUMNS, row -> {
            String country = row.matching(0, COUNTRY, "an ISO 3166 alpha-2 code, e.g. TR");
            List<String> keys = row.list(2);
            if (keys.isEmpty()) {
                throw row.problem(2, "a region needs at least one admin1 code");
            }
            for (String key : keys) {
                if (!ADMIN1_KEY.matcher(key).matches() || !key.startsWith(country + ".")) {
                    throw row.problem(2, "'" + key + "' is not an admin1 code of " + country + " (CC.CODE, e.g. "
                            + country + ".34)");
                }
            }
            each.accept(new Region(country, row.required(1), keys, row.required(3)));
        });
    }

    private static GeoName geoName(Row row) {
        return new GeoName(row.id(0), row.required(1), row.text(2), row.list(3),
                row.degrees(4, 90), row.degrees(5, 180),
                row.matching(6, FEATURE_CLASS, "one of A, H, L, P, R, S, T, U, V"), row.text(7),
                row.text(8).isEmpty() ? "" : row.matching(8, COUNTRY, "an ISO 3166 alpha-2 code"), row.list(9),
                row.text(10), row.text(11), row.text(12), row.text(13),
                row.count(14), row.optionalInt(15), row.integer(16), row.text(17), row.date(18));
    }

    private static long rows(BufferedReader in, String file, List<String> columns, Consumer<Row> each) {
        long read = 0;
        int lineNumber = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns.size()) {
                    throw new FileProblem(file, lineNumber, 1, "expected " + columns.size()
                            + " tab-separated columns (" + String.join(", ", columns) + "), found " + fields.length);
                }
                each.accept(new Row(file, lineNumber, fields, columns));
                read++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ":" + (lineNumber + 1) + ": cannot read: " + e.getMessage(), e);
        }
        return read;
    }

    /** One line's fields, with the checks a column may need, each failing with the column's position. */
    private record Row(String file, int line, String[] fields, List<String> columns) {

        FileProblem problem(int column, String problem) {
            int offset = 1;
            for (int i = 0; i < column; i++) {
                offset += fields[i].length() + 1;
            }
            return new FileProblem(file, line, offset, columns.get(column) + ": " + problem);
        }

        String text(int column) {
            return fields[column].strip();
        }

        String required(int column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw problem(column, "must not be empty");
            }
            return value;
        }

        String matching(int column, Pattern pattern, String expected) {
            String value = text(column);
            if (!pattern.matcher(value).matches()) {
                throw problem(column, "expected " + expected + ", not '" + value + "'");
            }
            return value;
        }

        List<String> list(int column) {
            String value = text(column);
            return value.isEmpty() ? List.of()
                    : Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
        }

        long id(int column) {
            long id = count(column);
            if (id == 0) {
                throw problem(column, "a geonameid is a positive whole number, not 0");
            }
            return id;
        }

        long count(int column) {
            String value = required(column);
            try {
                long number = Long.parseLong(value);
                if (number < 0) {
                    throw problem(column, "must not be negative, not " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                throw problem(column, "not a whole number: '" + value + "'");
            }
        }

        int integer(int column) {
            String value = required(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw problem(column, "not a whole number: '" + value + "'");
            }
        }

        OptionalInt optionalInt(int column) {
            return text(column).isEmpty() ? OptionalInt.empty() : OptionalInt.of(integer(column));
        }

        double degrees(int column, double limit) {
            String value = required(column);
            double degrees;
            try {
                degrees = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw problem(column, "not a number of degrees: '" + value + "'");
            }
            if (!(degrees >= -limit && degrees <= limit)) {
                throw problem(column, "must be between -" + (int) limit + " and " + (int) limit + ", not " + value);
            }
            return degrees;
        }

        Optional<LocalDate> date(int column) {
            String value = text(column);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                throw problem(column, "not a date yyyy-mm-dd: '" + value + "'");
            }
        }
    }
}
