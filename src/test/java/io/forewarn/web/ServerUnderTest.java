package io.forewarn.web;

import io.forewarn.policy.PolicyFile;
import io.forewarn.policy.Role;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A server on a random port with a fresh in-memory H2 database and one login per role, each named
 * after its role; {@link Http} calls it.
 */
public final class ServerUnderTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);
    /** The data directory of every server in this JVM (the ledger's keys, its witness file), never the project's. */
    static final Path DATA = temporaryDirectory();

    private ServerUnderTest() {
    }

    /** A login: a name, the bcrypt hash of its password (the test password's unless given) and roles. */
    public record Login(String name, String passwordHash, Role... roles) {

        /** A login with the test password, e.g. one with more than one role beside the one-role logins every server has. */
        public Login(String name, Role... roles) {
            this(name, HASH, roles);
        }
    }

    /** The one-role logins every server has, each named after its role, with the test password. */
    public static Login[] everyRole() {
        return java.util.Arrays.stream(Role.values()).map(role -> new Login(role.code(), role)).toArray(Login[]::new);
    }

    /** A bcrypt hash of a password other than the test password, at the tests' low cost. */
    public static String hash(String password) {
        return new BCryptPasswordEncoder(4).encode(password);
    }

    /** {@code forewarn.users} listing these logins, as YAML lines to go under {@code forewarn:} in a settings file. */
    public static String usersYaml(Login... logins) {
        StringBuilder yaml = new StringBuilder("  users:\n");
        for (Login login : logins) {
            yaml.append("    - name: ").append(login.name()).append('\n')
                    .append("      password-hash: \"").append(login.passwordHash()).append("\"\n")
                    .append("      roles: [").append(String.join(", ", java.util.Arrays.stream(login.roles()).map(Role::code)
                            .toList())).append("]\n");
        }
        return yaml.toString();
    }

    /**
     * Writes a settings file of these logins and makes the server follow it ({@code forewarn.logins.file}, as
     * {@code serve --config} does), reading it every 100 ms; rewrite it with {@link #writeLogins} to change them.
     */
    public static void followLogins(DynamicPropertyRegistry registry, Path file, Login... logins) {
        writeLogins(file, logins);
        registry.add("forewarn.logins.file", file::toString);
        registry.add("forewarn.logins.reload-interval", () -> "PT0.1S");
    }

    public static void writeLogins(Path file, Login... logins) {
        try {
            Files.writeString(file, "forewarn:\n" + usersYaml(logins));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void properties(DynamicPropertyRegistry registry, Login... extra) {
        registry.add("FOREWARN_DB_URL", () -> "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("forewarn.timezone", () -> "Europe/Moscow");
        registry.add("forewarn.data-dir", DATA::toString);
        Login[] every = everyRole();
        for (int i = 0; i < every.length; i++) {
            login(registry, i, every[i]);
        }
        for (int i = 0; i < extra.length; i++) {
            login(registry, every.length + i, extra[i]);
        }
    }

    /**
     * The test logins' hashes are made at bcrypt cost 4, so a call costs a millisecond, not the 50 to 100 of the
     * server's cost 10. Without this encoder the server would "upgrade" each hash to cost 10 at its first login
     * (it keeps them in memory, which Spring Security may rehash) and every call after it would pay that cost.
     * Import it in every {@code @SpringBootTest} of the server, so that they all share one configuration.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class QuickPasswords {
        @Bean
        @Primary
        PasswordEncoder quickPasswords() {
            return new BCryptPasswordEncoder(4);
        }
    }

    private static void login(DynamicPropertyRegistry registry, int index, Login login) {
        String prefix = "forewarn.users[" + index + "].";
        registry.add(prefix + "name", login::name);
        registry.add(prefix + "password-hash", login::passwordHash);
        for (int r = 0; r < login.roles().length; r++) {
            String role = login.roles()[r].code();
            registry.add(prefix + "roles[" + r + "]", () -> role);
        }
    }

    /**
     * A policy file for {@code forewarn.policy}: the default policy with each line that starts {@code key:} replaced
     * by {@code key: value}, for each key and value given in turn (e.g. {@code "validity", "PT4S"}).
     */
    public static Path policyFile(String... keysAndValues) {
        String policy = PolicyFile.defaultSource();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i];
            String replaced = policy.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(key) + ": .*$",
                    java.util.regex.Matcher.quoteReplacement(key + ": " + keysAndValues[i + 1]));
            if (replaced.equals(policy)) {
                throw new IllegalArgumentException("the default policy has no line " + key + ": to replace");
            }
            policy = replaced;
        }
        try {
            Path file = Files.createTempFile(DATA, "policy-", ".yaml");
            Files.writeString(file, policy);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty directory of this JVM's, deleted at exit if empty. */
    public static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("forewarn-test-data-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
