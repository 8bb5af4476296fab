package io.forewarn.cli;

import io.forewarn.ClosedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn serve} refuses to start, with one line on standard error that says what to change and exit 2,
 * rather than serve 401 to everyone or print a stack trace: without a login, and on a database it cannot open.
 * Run as processes of their own, since what matters is all they print.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    private final int closedPort = ClosedPort.any();

    @Test
    void withoutALoginItSaysHowToAddOne() {
        Cli.Result served = Cli.process(dir, Map.of(), "serve", "--port", "0");

        assertThat(served.exit()).as(served.all()).isEqualTo(2);
        assertThat(served.out()).isEmpty();
        assertThat(served.err()).isEqualTo("forewarn: no logins are configured, so every request would be refused: make one "
                + "with \"echo 'a passphrase of 12 or more characters' | forewarn user hash --name ann --role analyst > "
                + "settings.yaml\" and start with \"forewarn serve --config settings.yaml\" (forewarn.users in the README's "
                + "Configuration), or accept an OIDC provider's tokens (spring.security.oauth2.resourceserver.jwt.issuer-uri)\n");
    }

    /** The settings file is the one the refusal above tells the user to make. */
    @Test
    void withTheLoginItSuggestsADatabaseItCannotOpenIsOneLine() {
        Path settings = Cli.write(dir, "settings.yaml", userHash("a passphrase of 12 or more characters\n",
                "--name", "ann", "--role", "analyst"));

        Cli.Result served = Cli.process(dir, Map.of("FOREWARN_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/forewarn",
                "FOREWARN_DB_USER", "forewarn", "FOREWARN_DB_PASSWORD", "not-to-be-shown"),
                "serve", "--port", "0", "--config", settings);

        assertThat(served.exit()).as(served.all()).isEqualTo(2);
        assertThat(served.out()).isEmpty();
        assertThat(served.err()).isEqualTo("forewarn: cannot open the database PostgreSQL 127.0.0.1:" + closedPort + "/forewarn as "
                + "user forewarn: nothing answers at its host and port (Connection to 127.0.0.1:" + closedPort + " refused): "
                + "check FOREWARN_DB_URL and that the database server runs\n");
    }

    private static String userHash(String password, String... options) {
        Cli.Result hashed = Cli.runWithInput(password, Stream.concat(Stream.of("user", "hash"), Stream.of(options)).toArray());
        assertThat(hashed.exit()).as(hashed.all()).isZero();
        return hashed.out();
    }
}
