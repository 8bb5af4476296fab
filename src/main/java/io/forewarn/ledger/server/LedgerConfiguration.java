package io.forewarn.ledger.server;

import io.forewarn.ledger.jdbc.JdbcLedger;
import io.forewarn.ledger.LedgerKeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;

/**
 * Wires the ledger: the key pair ({@code forewarn.ledger.key-file} and {@code .public-key-file}, else
 * {@code <forewarn.data-dir>/ledger.key} and {@code ledger.pub}, created on first start), bound to the
 * database's log at start so that no server signs one log with two keys, and the witness publisher.
 */
@Configuration
@EnableConfigurationProperties(LedgerSettings.class)
class LedgerConfiguration {

    @Bean
    LedgerDesk ledgerDesk(DataSource dataSource, LedgerSettings settings,
                          @Value("${forewarn.data-dir:forewarn-data}") String dataDirectory) {
        KeyPair keys = settings.supplied()
                ? LedgerKeyFiles.load(settings.keyPath(), settings.publicKeyPath())
                : LedgerKeyFiles.loadOrCreate(Path.of(dataDirectory));
        // real time, not the server's clock: an exercise's clock offset must not date the heads
        Clock real = Clock.systemUTC();
        JdbcLedger ledger = new JdbcLedger(dataSource, real);
        ledger.bindKey(keys.getPublic());
        return new LedgerDesk(ledger, keys, real);
    }

    @Bean
    HeadPublisher headPublisher(LedgerDesk desk, LedgerSettings settings, @Value("${forewarn.data-dir:forewarn-data}") String dataDirectory) {
        return new HeadPublisher(desk, Path.of(dataDirectory, "witness", "heads.jsonl"), settings.publishInterval());
    }
}
