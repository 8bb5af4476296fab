package io.forewarn.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Keys in PEM files, the form OpenSSL reads and writes: DER in Base64 between {@code -----BEGIN LABEL-----} and
 * {@code -----END LABEL-----}. A secret is written readable by its owner only where the file system has POSIX
 * permissions. Shared by every key Forewarn keeps in its data directory (the ledger's, the CAP alerts').
 */
public final class PemFiles {

    private PemFiles() {
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The DER of the first {@code label} block of a file's text; {@code file} names it in errors. */
    public static byte[] der(String text, String label, Path file) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + ": no " + label + " in PEM form");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the " + label + " is not valid Base64", e);
        }
    }

    public static byte[] der(Path file, String label) {
        return der(read(file), label, file);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes a new file (failing if it exists), owner-only when {@code secret}. */
    public static void writeNew(Path file, String text, boolean secret) throws IOException {
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
