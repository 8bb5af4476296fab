package io.forewarn.cli;

import io.forewarn.gazetteer.GazetteerExtract;
import io.forewarn.gazetteer.GeoNamesGazetteer;
import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.store.Database;
import io.forewarn.store.GazetteerImport;
import io.forewarn.store.JdbcPlaceNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code forewarn gazetteer import} and {@code forewarn gazetteer find}: the place names containment is decided by. */
@Command(name = "gazetteer", mixinStandardHelpOptions = true,
        description = {"Load GeoNames files into the gazetteer, and look a name up in it.",
                "The database is the one FOREWARN_DB_URL (with FOREWARN_DB_USER, FOREWARN_DB_PASSWORD) names, "
                        + "else the embedded H2 file in the data directory."},
        subcommands = {GazetteerCommand.Import.class, GazetteerCommand.Find.class})
final class GazetteerCommand implements Runnable {

    /** Exit status of {@code find} when the gazetteer cannot place the name. */
    static final int NOT_FOUND = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replace the gazetteer with GeoNames files, in one transaction: admin1CodesASCII.txt (required), "
                    + "Forewarn's regions.txt (optional) and one or more files of GeoNames' geoname table (cities1000.txt, "
                    + "cities500.txt, RU.txt, ...). A directory stands for the .txt files in it.",
                    "A bad row stops the import with file:line:column and changes nothing. Progress goes to standard "
                            + "error, the summary to standard output."})
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "DIR|FILE", arity = "1..*", description = "GeoNames files, or directories holding them.")
        List<Path> paths;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "forewarn-data",
                description = "Where the embedded database is (default: ${DEFAULT-VALUE}).")
        Path dataDirectory;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Path> files = new ArrayList<>();
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> listed = Files.list(path)) {
                        listed.filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().forEach(files::add);
                    }
                } else if (Files.isRegularFile(path)) {
                    files.add(path);
                } else {
                    throw new IllegalArgumentException(path + ": no such file or directory");
                }
            }
            Optional<Path> admin1 = files.stream().filter(f -> named(f, GazetteerExtract.ADMIN1)).findFirst();
            if (admin1.isEmpty()) {
                throw new IllegalArgumentException("no " + GazetteerExtract.ADMIN1 + " among " + paths
                        + ": the gazetteer needs GeoNames' first-order divisions");
            }
            List<Path> regions = files.stream().filter(f -> named(f, GazetteerExtract.REGIONS)).toList();
            List<Path> geonames = files.stream().filter(f -> !named(f, GazetteerExtract.ADMIN1) && !named(f, GazetteerExtract.REGIONS)).toList();
            if (geonames.isEmpty()) {
                throw new IllegalArgumentException("no file of GeoNames' geoname table (such as cities1000.txt) among " + paths);
            }
            PrintWriter err = spec.commandLine().getErr();
            long started = System.nanoTime();
            List<BufferedReader> open = new ArrayList<>();
            try (Database database = LedgerCommand.open(dataDirectory, LedgerCommand.environment)) {
                GazetteerImport.Summary summary = new GazetteerImport(database.dataSource()).replace(
                        source(admin1.get(), open), regions.stream().map(f -> source(f, open)).toList(),
                        geonames.stream().map(f -> source(f, open)).toList(), done -> {
                            if (done % 10_000 == 0 && done > 0) {
                                err.println("gazetteer: " + done + " towns read");
                                err.flush();
                            }
                        });
                double seconds = (System.nanoTime() - started) / 1e9;
                PrintWriter out = spec.commandLine().getOut();
                out.println(String.format(Locale.ROOT, "gazetteer: imported %s in %.1f s (database: %s)", summary, seconds,
                        database.description()));
                out.flush();
            } finally {
                for (BufferedReader reader : open) {
                    reader.close();
                }
            }
            return 0;
        }

        private static boolean named(Path file, String name) {
            return file.getFileName().toString().equals(name);
        }

        private static GazetteerImport.Source source(Path file, List<BufferedReader> open) {
            try {
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                open.add(reader);
                return new GazetteerImport.Source(file.toString(), reader);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = {"Show where the gazetteer places a name: its hierarchy (town, first-order division, regions, "
                    + "country), point and time zone, as containment of named places uses it.",
                    "Exit status 1 when the gazetteer cannot place the name."})
    static final class Find implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "A place name, matched as places' names are (case, width and spacing folded).")
        String name;

        @Option(names = "--level", paramLabel = "LEVEL", description = "locality, region or country (default: the first of them that has the name).")
        String level;

        @Option(names = "--country", paramLabel = "CC", description = "The country the place is in (ISO code or English name).")
        String country;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "forewarn-data",
                description = "Where the embedded database is (default: ${DEFAULT-VALUE}).")
        Path dataDirectory;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<PlaceLevel> levels = level == null
                    ? List.of(PlaceLevel.LOCALITY, PlaceLevel.REGION, PlaceLevel.COUNTRY) : List.of(PlaceLevel.of(level));
            try (Database database = LedgerCommand.open(dataDirectory, LedgerCommand.environment)) {
                GazetteerImport load = new GazetteerImport(database.dataSource());
                load.loadExtractIfEmpty();
                GeoNamesGazetteer gazetteer = new GeoNamesGazetteer(new JdbcPlaceNames(database.dataSource()));
                for (PlaceLevel each : levels) {
                    Optional<GazetteerEntry> entry = gazetteer.locate(place(each), each);
                    if (entry.isPresent()) {
                        print(entry.get());
                        return 0;
                    }
                }
            }
            spec.commandLine().getErr().println("forewarn: the gazetteer cannot place '" + name + "'"
                    + (country == null ? "" : " in " + country) + " (as " + String.join(" or ",
                    levels.stream().map(PlaceLevel::key).toList()) + ")");
            spec.commandLine().getErr().flush();
            return NOT_FOUND;
        }

        private Place place(PlaceLevel at) {
            EnumMap<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
            levels.put(at, NamedPlace.named(name));
            if (country != null && at != PlaceLevel.COUNTRY) {
                levels.put(PlaceLevel.COUNTRY, NamedPlace.named(country));
            }
            return Place.of(levels);
        }

        private void print(GazetteerEntry entry) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(entry.level().key() + " " + entry.name() + " (" + entry.id() + ")");
            out.println("  hierarchy: " + String.join(" < ", entry.path()));
            out.println("  within:    " + (entry.within().isEmpty() ? "nothing" : String.join(", ", entry.within())));
            out.println("  point:     " + entry.point().map(p -> String.format(Locale.ROOT, "%.5f, %.5f", p.lat(), p.lon()))
                    .orElse("none"));
            out.println("  zone:      " + entry.zone().map(Object::toString).orElse("unknown"));
            out.flush();
        }
    }
}
