package io.forewarn.cli;

import io.forewarn.dissemination.cap.CapAlert;
import io.forewarn.dissemination.cap.CapFormatException;
import io.forewarn.dissemination.cap.CapReader;
import io.forewarn.dissemination.cap.CapSignature;
import io.forewarn.ledger.LedgerKeyFiles;
import io.forewarn.server.CapKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code forewarn cap}: CAP alerts as a receiver sees them. */
@Command(name = "cap", mixinStandardHelpOptions = true, description = "CAP 1.2 alerts (Common Alerting Protocol).",
        subcommands = CapCommand.Verify.class)
final class CapCommand implements Runnable {

    /** Exit status when an alert's signature does not verify. */
    static final int NOT_VERIFIED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a signed CAP alert (1.1 or 1.2): that it reads as CAP, and that its XML Signature covers the "
                    + "whole alert and verifies, against the key given or else the key the alert carries. Exits 0 when it "
                    + "verifies, 1 when it does not, 2 when the file or key cannot be read."})
    static final class Verify implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The CAP document.")
        Path file;

        @Option(names = "--key", paramLabel = "PUB",
                description = "The sender's RSA public key (PEM). Without it the key in the alert is used, which proves the "
                        + "alert unchanged since it was signed, not who signed it.")
        Path key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            byte[] document;
            try {
                document = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            Optional<PublicKey> trusted = Optional.ofNullable(key).map(CapKeyFiles::readPublic);
            try {
                CapAlert alert = CapReader.read(document);
                PublicKey signer = CapSignature.verify(document, trusted);
                spec.commandLine().getOut().printf("verified: CAP %s %s %s from %s, sent %s, signed by %s%s%n", alert.version(),
                        alert.msgType(), alert.identifier(), alert.sender(), alert.sent(),
                        LedgerKeyFiles.fingerprint(signer.getEncoded()),
                        trusted.isPresent() ? "" : " (the key in the alert: it proves the alert unchanged, not who signed it)");
                return 0;
            } catch (CapFormatException e) {
                spec.commandLine().getOut().println("NOT VERIFIED: " + file + ": " + e.getMessage());
                return NOT_VERIFIED;
            }
        }
    }
}
