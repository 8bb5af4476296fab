package io.forewarn.server;

import io.forewarn.ClosedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What {@link ForewarnServer#start} checks before it builds anything: someone can log in (a login, or an OIDC
 * provider's tokens), and the database opens. Each refusal is a {@link StartRefusedException} with one line.
 */
class BeforeStartTest {

    @TempDir
    Path dir;

    @Test
    void noLoginsAndNoTokenIssuerIsRefusedBeforeTheDatabaseIsTouched() {
        Map<String, Object> settings = settings();
        settings.put("FOREWARN_DB_URL", "jdbc:postgresql://127.0.0.1:" + ClosedPort.any() + "/forewarn");

        Throwable refused = start(settings);

        assertThat(refused).isInstanceOf(StartRefusedException.class).hasMessage(BeforeStart.NO_LOGINS);
    }

    @Test
    void aTokenIssuerIsEnoughWithoutLogins() {
        Map<String, Object> settings = settings();
        int port = ClosedPort.any();
        settings.put("FOREWARN_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/forewarn");
        settings.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://login.example/jwks");

        Throwable refused = start(settings);

        assertThat(refused).as("the database is the next thing checked").isInstanceOf(StartRefusedException.class)
                .hasMessageStartingWith("cannot open the database PostgreSQL 127.0.0.1:" + port + "/forewarn as user (the driver's default)");
    }

    @Test
    void aUrlThatIsNotJdbcIsRefusedWithTheVariableToFix() {
        Map<String, Object> settings = withALogin(settings());
        settings.put("FOREWARN_DB_URL", "postgresql://127.0.0.1/forewarn");

        assertThat(start(settings)).isInstanceOf(StartRefusedException.class)
                .hasMessage("the database URL (FOREWARN_DB_URL) starts with jdbc:, e.g. jdbc:postgresql://127.0.0.1:5432/forewarn");
    }

    @Test
    void aPoolSizeOutOfRangeIsRefusedWithItsVariable() {
        Map<String, Object> settings = withALogin(settings());
        settings.put("FOREWARN_DB_POOL_SIZE", "0");

        assertThat(start(settings)).isInstanceOf(StartRefusedException.class).hasMessageStartingWith("FOREWARN_DB_POOL_SIZE must be");
    }

    private static Map<String, Object> withALogin(Map<String, Object> settings) {
        settings.put("forewarn.users[0].name", "ann");
        settings.put("forewarn.users[0].password-hash", "$2a$04$ZJ9iUSYTBgbswDLDFsX7g.aAgOCBqUrwUUYNj58EhOgku/.u.nCCC");
        settings.put("forewarn.users[0].roles[0]", "analyst");
        return settings;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("forewarn.data-dir", dir.toString());
        return settings;
    }

    /** What starting failed with; a server that started after all is stopped, and the test fails on its null. */
    private static Throwable start(Map<String, Object> settings) {
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
        Throwable failure = catchThrowable(() -> started.set(ForewarnServer.start(settings)));
        if (started.get() != null) {
            started.get().close();
        }
        return failure;
    }
}
