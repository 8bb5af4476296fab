package io.forewarn.bench;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * The logins of a bench's server, all with one password: its settings file, with bcrypt hashes at the cost
 * {@code forewarn user hash} uses, and the HTTP Basic header of each.
 */
final class BenchLogins {

    private BenchLogins() {
    }

    /** Writes {@code bench-settings.yaml} in the directory: each login with its role. */
    static Path settings(Path directory, String password, Map<String, String> roles) {
        String hash = new BCryptPasswordEncoder().encode(password);
        StringBuilder yaml = new StringBuilder("forewarn:\n  users:\n");
        roles.forEach((login, role) -> yaml.append("    - name: ").append(login).append("\n      password-hash: \"")
                .append(hash).append("\"\n      roles: [").append(role).append("]\n"));
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve("bench-settings.yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server's settings in " + directory, e);
        }
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
