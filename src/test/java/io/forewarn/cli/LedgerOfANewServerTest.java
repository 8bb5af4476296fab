package io.forewarn.cli;

import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn ledger verify --db} answers as soon as a server has started, not only after the first
 * scheduled tree head ({@code forewarn.ledger.publish-interval}, five minutes by default): the server signs
 * and publishes a head when it starts.
 */
class LedgerOfANewServerTest {

    @TempDir
    Path data;

    @AfterEach
    void restoreEnvironment() {
        LedgerCommand.environment = System.getenv();
    }

    @Test
    void verifiesRightAfterTheServerStarted() throws IOException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("FOREWARN_DB_URL", url);
        settings.put("forewarn.data-dir", data.toString());
        settings.put("forewarn.scheduler.enabled", false);
        settings.put("forewarn.users[0].name", "oversight");
        settings.put("forewarn.users[0].password-hash", new BCryptPasswordEncoder(4).encode("correct horse battery staple"));
        settings.put("forewarn.users[0].roles[0]", "oversight");

        try (ConfigurableApplicationContext ignored = ForewarnServer.start(settings)) {
            LedgerCommand.environment = Map.of("FOREWARN_DB_URL", url);
            Cli.Result verified = Cli.run("ledger", "verify", "--db", "--data-dir", data);

            assertThat(verified.exit()).as(verified.all()).isZero();
            assertThat(verified.out()).matches("verified 0 entries \\[0, 0\\) up to head size 0, root "
                    + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, signed \\S+ by sha256:[0-9a-f]{64}\n");
            List<String> witnessed = Files.readAllLines(data.resolve("witness/heads.jsonl"));
            assertThat(witnessed).hasSize(1);
            assertThat(witnessed.get(0)).startsWith("{\"keyId\":\"sha256:").contains("\"size\":0");
        }
    }
}
