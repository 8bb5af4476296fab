package io.forewarn.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

/**
 * Keys in PEM files, the form OpenSSL reads and writes: DER in Base64 between {@code -----BEGIN LABEL-----} and
 * {@code -----END LABEL-----}. A secret is written readable by its owner only where the file system has POSIX
 * permissions. Shared by every key Forewarn keeps in its data directory (the ledger's, the CAP alerts', the
 * bearer tokens'), and so is {@link #createOnce the way each is made on first start}.
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

    /** Makes a key and writes its files; may fail as the file system or the JDK's key generators do. */
    @FunctionalInterface
    public interface KeyWriter {
        void write() throws IOException, GeneralSecurityException;
    }

    /**
     * Makes a key's files on first start: creates {@code directory}, takes an exclusive lock on the file
     * {@code lock} in it, and calls {@code writer} when none of {@code files} exists yet. The lock is there because
     * several nodes may start together on one data directory and must end up with one key, not one each.
     *
     * @param what names the key in the error when it cannot be made, e.g. "the ledger key pair"
     * @return true when this call made the key, false when its files were there already
     */
    public static synchronized boolean createOnce(Path directory, String lock, List<Path> files, String what,
                                                  KeyWriter writer) {
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve(lock), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (files.stream().anyMatch(Files::exists)) {
                    return false;
                }
                writer.write();
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + what + " in " + directory + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make " + what + ": " + e.getMessage(), e);
        }
    }
}
