package io.forewarn.dissemination;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a replay's channels would have sent, kept as files by relative path ({@code cap/W-1.xml},
 * {@code mail/W-4-crocus-city-hall.eml}): a replay sends nothing over a network, it writes what it would have sent,
 * rendered by the same code that sends live. Written out to a directory when the user asks for them.
 */
public final class Artefacts {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /**
     * Keeps one file under {@code folder} (empty: at the top), named {@code name.extension}, or {@code name-2.extension} and so on when
     * another content already has that name (the same content under the same name is kept once). The path used.
     */
    public String put(String folder, String name, String extension, byte[] content) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        for (int n = 1; ; n++) {
            String path = (folder.isEmpty() ? "" : folder + "/") + safe + (n == 1 ? "" : "-" + n) + "." + extension;
            byte[] before = files.putIfAbsent(path, content.clone());
            if (before == null || Arrays.equals(before, content)) {
                return path;
            }
        }
    }

    /** The files kept, by path, in the order they were first written. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((path, content) -> copy.put(path, content.clone()));
        return copy;
    }

    /** Writes every file kept under {@code directory}, creating the folders; a file already there is replaced. */
    public void writeTo(Path directory) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
