package io.forewarn.web.security;

import io.forewarn.server.ServerSettings;
import io.forewarn.store.JdbcRevokedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Wires the logins and their checks: the logins in force (following the settings file), the password check
 * with its cache and its failure counts, and Forewarn's bearer tokens with their key and the revoked table.
 * Their times are real times: an exercise's clock offset must not stretch a token or a lock-out.
 */
@Configuration
@EnableConfigurationProperties({LoginSettings.class, TokenSettings.class})
class LoginConfiguration {

    private final Clock realTime = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    @Bean
    Logins logins(ServerSettings settings) {
        return new Logins(settings.users());
    }

    @Bean
    LoginsFile loginsFile(Logins logins, LoginSettings settings) {
        return new LoginsFile(settings.followed(), logins, settings.reloadInterval());
    }

    @Bean
    PasswordCheck passwordCheck(Logins logins, PasswordEncoder encoder, LoginSettings settings, MeterRegistry meters) {
        return new PasswordCheck(logins, encoder, new CheckedPasswords(settings.cacheSize(), settings.cacheTtl(), random),
                new FailedLogins(settings.failures(), realTime, meters), random);
    }

    @Bean
    ForewarnTokens forewarnTokens(TokenSettings settings, Logins logins, DataSource dataSource,
                                  @Value("${forewarn.data-dir:forewarn-data}") String dataDirectory) {
        var key = settings.suppliedKey().map(TokenKey::load)
                .orElseGet(() -> TokenKey.loadOrCreate(Path.of(dataDirectory), random));
        return new ForewarnTokens(key, logins, new JdbcRevokedTokens(dataSource), settings.lifetime(), realTime);
    }
}
