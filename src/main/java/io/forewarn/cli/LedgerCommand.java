package io.forewarn.cli;

import io.forewarn.ledger.ExportVerifier;
import io.forewarn.ledger.LedgerExport;
import io.forewarn.ledger.SignedTreeHead;
import io.forewarn.ledger.TreeHeadSigner;
import io.forewarn.store.Database;
import io.forewarn.store.DatabaseSettings;
import io.forewarn.ledger.Ledger;
import io.forewarn.ledger.LedgerExporter;
import io.forewarn.ledger.LedgerKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code forewarn ledger export} and {@code forewarn ledger verify}: the tamper-evident ledger for oversight. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"Export the tamper-evident ledger for oversight, and verify an export offline.",
                "The database is the one FOREWARN_DB_URL (with FOREWARN_DB_USER, FOREWARN_DB_PASSWORD) names, "
                        + "else the embedded H2 file in the data directory."},
        subcommands = {LedgerCommand.Export.class, LedgerCommand.Verify.class})
final class LedgerCommand implements Runnable {

    /** Exit status when the ledger does not verify. */
    static final int NOT_VERIFIED = 1;

    /** Where FOREWARN_DB_URL and its friends are read from; tests give their own. */
    static Map<String, String> environment = System.getenv();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The database named by the environment, else the embedded one in the data directory. */
    static Database open(Path dataDirectory, Map<String, String> environment) {
        String url = environment.get(DatabaseSettings.URL_VARIABLE);
        DatabaseSettings settings = url == null || url.isBlank()
                ? DatabaseSettings.embedded(dataDirectory)
                : DatabaseSettings.fromEnvironment(environment);
        return Database.open(settings);
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a self-verifying export of entries [FROM, TO): the entries, the public key, a signed tree "
                    + "head of size TO, the hashes that prove a partial range, and every head the log published up to TO "
                    + "with its consistency proof. Check it anywhere with 'forewarn ledger verify FILE'.",
                    "A head of size TO that was never published is signed with the private key in the data directory."})
    static final class Export implements Callable<Integer> {

        @Option(names = "--from", paramLabel = "I", defaultValue = "0", description = "First entry (default: ${DEFAULT-VALUE}).")
        long from;

        @Option(names = "--to", paramLabel = "J", description = "End of the range, exclusive (default: the log's size).")
        Long to;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the export here (default: standard output).")
        Path out;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "forewarn-data",
                description = "Where ledger.key and ledger.pub are (and the embedded database; default: ${DEFAULT-VALUE}).")
        Path dataDirectory;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path privateFile = dataDirectory.resolve(LedgerKeyFiles.PRIVATE_FILE);
            if (!Files.isRegularFile(privateFile)) {
                throw new IllegalArgumentException("no ledger key at " + privateFile
                        + "; the server creates it on first start (forewarn.data-dir)");
            }
            KeyPair keys = LedgerKeyFiles.load(privateFile, dataDirectory.resolve(LedgerKeyFiles.PUBLIC_FILE));
            LedgerExport export;
            try (Database database = open(dataDirectory, environment)) {
                Ledger ledger = database.casebook().ledger();
                ledger.bindKey(keys.getPublic());
                long end = to == null ? ledger.size() : to;
                export = new LedgerExporter(ledger, Clock.systemUTC())
                        .export(from, end, keys.getPublic(), Optional.of(new TreeHeadSigner(keys.getPrivate())));
            }
            PrintWriter stdout = spec.commandLine().getOut();
            if (out == null) {
                stdout.print(export.toJson());
            } else {
                write(out, export.toJson());
                stdout.println("exported entries [" + export.from() + ", " + export.to() + ") under a head of size "
                        + export.head().size() + " signed " + export.head().timestamp() + " to " + out);
            }
            stdout.flush();
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a ledger export offline (or, with --db, the database's ledger up to its latest "
                    + "published head): the signatures, every entry against its leaf hash and its place, the root, and "
                    + "consistency with a tree head saved earlier.",
                    "Exit 0 with one line when everything holds; exit 1 with one line naming the first entry or the "
                            + "reason that does not."})
    static final class Verify implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "An export written by 'forewarn ledger export'.")
        Path file;

        @Option(names = "--db", description = "Verify the database's ledger instead of an export file.")
        boolean database;

        @Option(names = "--head", paramLabel = "SAVED_HEAD.json",
                description = "A signed tree head saved earlier (GET /api/v1/ledger/head): the log must extend it.")
        Path head;

        @Option(names = "--key", paramLabel = "PUB.pem",
                description = "The log's public key as published (GET /api/v1/ledger/public-key): the export must be signed with it.")
        Path key;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "forewarn-data",
                description = "With --db: the embedded database and ledger.pub (default: ${DEFAULT-VALUE}).")
        Path dataDirectory;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((file == null) == !database) {
                throw new IllegalArgumentException("give either an export FILE or --db");
            }
            Optional<SignedTreeHead> saved = Optional.ofNullable(head).map(path -> LedgerExport.parseHead(read(path)));
            Optional<PublicKey> pinned = Optional.ofNullable(key).map(LedgerKeyFiles::readPublic);
            LedgerExport export;
            String note = "";
            if (database) {
                Path publicFile = dataDirectory.resolve(LedgerKeyFiles.PUBLIC_FILE);
                if (pinned.isEmpty() && Files.isRegularFile(publicFile)) {
                    pinned = Optional.of(LedgerKeyFiles.readPublic(publicFile));
                }
                PublicKey publicKey = pinned.orElseThrow(() -> new IllegalArgumentException("no " + publicFile
                        + " to check the database's tree heads with: run this where the server runs (the key pair is in its "
                        + "forewarn.data-dir, made on its first start), or give --data-dir DIR, or --key PUB.pem "
                        + "(GET /api/v1/ledger/public-key)"));
                try (Database opened = open(dataDirectory, environment)) {
                    Ledger ledger = opened.casebook().ledger();
                    SignedTreeHead latest = ledger.latestHead().orElseThrow(() -> new IllegalArgumentException(
                            "the database's ledger has no signed tree head yet to verify against: 'forewarn serve' "
                                    + "publishes one when it starts"));
                    long unsigned = ledger.size() - latest.size();
                    if (unsigned > 0) {
                        note = " (" + unsigned + " newer entries are not under a signed head yet)";
                    }
                    export = new LedgerExporter(ledger, Clock.systemUTC()).export(0, latest.size(), publicKey, Optional.empty());
                }
            } else {
                export = LedgerExport.parse(read(file));
            }
            ExportVerifier.Outcome outcome = ExportVerifier.verify(export, saved, pinned);
            PrintWriter out = spec.commandLine().getOut();
            out.println(outcome.verified() ? outcome.message() + note : "NOT VERIFIED: " + outcome.message());
            out.flush();
            return outcome.verified() ? 0 : NOT_VERIFIED;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
