package io.forewarn.web;

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

    /** A login with more than one role, beside the one-role logins every server has. */
    public record Login(String name, Role... roles) {
    }

    public static void properties(DynamicPropertyRegistry registry, Login... extra) {
        registry.add("FOREWARN_DB_URL", () -> "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("forewarn.timezone", () -> "Europe/Moscow");
        registry.add("forewarn.data-dir", DATA::toString);
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            login(registry, i, new Login(roles[i].code(), roles[i]));
        }
        for (int i = 0; i < extra.length; i++) {
            login(registry, roles.length + i, extra[i]);
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
        registry.add(prefix + "password-hash", () -> HASH);
        for (int r = 0; r < login.roles().length; r++) {
            String role = login.roles()[r].code();
            registry.add(prefix + "roles[" + r + "]", () -> role);
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("forewarn-test-data-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
