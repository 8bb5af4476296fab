package io.forewarn.cli;

import io.forewarn.bench.BenchServer;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options every {@code forewarn bench} command has for the server it starts: its database, port, directory and JVM. */
final class BenchServerOptions {

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "Run on this PostgreSQL, in a new schema dropped afterwards (without it: an embedded H2 file, "
                    + "except for bench import, which compares with PostgreSQL's COPY and needs it).")
    String databaseUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "The PostgreSQL user (default: FOREWARN_DB_USER).")
    String databaseUser;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "The server's port (default: any free one).")
    int port;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the server runs and keeps its data and server.log (default: a temporary directory, removed afterwards).")
    Path workDirectory;

    @Option(names = "--server-java-option", paramLabel = "OPTION",
            description = "An option of the server's JVM, e.g. --server-java-option=-Xmx2g; may be repeated.")
    List<String> javaOptions = new ArrayList<>();

    BenchServer.Options options() {
        return new BenchServer.Options(port, Optional.ofNullable(databaseUrl), Optional.ofNullable(databaseUser),
                Optional.ofNullable(workDirectory), List.copyOf(javaOptions));
    }
}
