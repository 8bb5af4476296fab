package io.forewarn.bench;

import io.forewarn.gazetteer.GazetteerExtract;
import io.forewarn.gazetteer.GeoName;
import io.forewarn.gazetteer.GeoNamesFiles;
import io.forewarn.store.GazetteerImport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code forewarn gazetteer import} of {@value #ROWS} towns, in microseconds per town, on an H2 file and on a fresh
 * PostgreSQL schema.
 * <ul>
 *   <li>{@code importTowns}: {@link GazetteerImport#replace}: parse every row of the text (19 columns, checked),
 *       then in one transaction clear the tables, write the divisions and regions, and each town's row and its
 *       names' rows (its own and alternate names, folded) in JDBC batches of {@value GazetteerImport#BATCH}.</li>
 *   <li>{@code baselinePlainInsert}: the baseline, the same towns, already parsed, cleared and inserted as plain
 *       batches of {@value GazetteerImport#BATCH} into {@code geoname} in one transaction: no parsing, no name
 *       index, no divisions.</li>
 * </ul>
 * The rows are the file {@code -Dbench.gazetteer.cities=PATH} names (GeoNames' cities1000.txt, its first
 * {@value #ROWS} rows), else the committed extract's towns repeated under new ids and numbered names.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GazetteerImportBenchmark {

    public static final int ROWS = 20_000;

    @Param({"h2", "postgresql"})
    public String db;

    private BenchDatabase database;
    private String citiesText;
    private String admin1Text;
    private String regionsText;
    private List<GeoName> towns;

    @Setup
    public void open() throws IOException {
        database = BenchDatabase.create(db, Path.of(System.getProperty("bench.work", "target/bench-work")), "gazetteer");
        admin1Text = read(GazetteerExtract.open(GazetteerExtract.ADMIN1));
        regionsText = read(GazetteerExtract.open(GazetteerExtract.REGIONS));
        String file = System.getProperty("bench.gazetteer.cities", "");
        StringBuilder text = new StringBuilder();
        if (!file.isEmpty()) {
            try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                String line;
                for (int i = 0; i < ROWS && (line = in.readLine()) != null; i++) {
                    text.append(line).append('\n');
                }
            }
        } else {
            List<String> extract = read(GazetteerExtract.open(GazetteerExtract.CITIES)).lines().toList();
            for (int i = 0; i < ROWS; i++) {
                String[] fields = extract.get(i % extract.size()).split("\t", -1);
                fields[0] = String.valueOf(100_000_000L + i);
                fields[1] = fields[1] + " " + i;
                fields[2] = fields[2] + " " + i;
                text.append(String.join("\t", fields)).append('\n');
            }
        }
        citiesText = text.toString();
        towns = new ArrayList<>();
        GeoNamesFiles.readGeoNames(new BufferedReader(new StringReader(citiesText)), "cities", towns::add);
    }

    @TearDown
    public void close() {
        database.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public GazetteerImport.Summary importTowns() {
        return new GazetteerImport(database.database().dataSource()).replace(
                new GazetteerImport.Source("admin1CodesASCII.txt", new BufferedReader(new StringReader(admin1Text))),
                List.of(new GazetteerImport.Source("regions.txt", new BufferedReader(new StringReader(regionsText)))),
                List.of(new GazetteerImport.Source("cities1000.txt", new BufferedReader(new StringReader(citiesText)))),
                done -> { });
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int baselinePlainInsert() throws SQLException {
        try (Connection connection = database.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement clear = connection.createStatement()) {
                clear.executeUpdate("DELETE FROM gazetteer_name");
                clear.executeUpdate("DELETE FROM geoname");
            }
            int written = 0;
            try (PreparedStatement insert = connection.prepareStatement(GazetteerImport.INSERT_GEONAME)) {
                for (GeoName town : towns) {
                    GazetteerImport.bind(insert, town);
                    insert.addBatch();
                    if (++written % GazetteerImport.BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            return written;
        }
    }

    private static String read(BufferedReader in) throws IOException {
        try (in) {
            StringBuilder text = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                text.append(line).append('\n');
            }
            return text.toString();
        }
    }
}
