package io.forewarn.server;

import io.forewarn.store.Database;
import io.forewarn.store.DatabaseSettings;
import io.forewarn.store.DatabaseUnavailableException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What must hold before {@code forewarn serve} builds anything, checked on the settings as they stand
 * (application.yaml, the environment, {@code --config}, the command line), each refused with one line
 * ({@link StartRefusedException}) that says what to change:
 *
 * <ol>
 *   <li>someone can log in: a login under {@code forewarn.users}, or an OIDC provider whose tokens are
 *       accepted. Without either, every request would be answered 401 by a server that looks healthy.</li>
 *   <li>the database opens: reachable, the login accepted, migrated. It is opened here, once, and handed to
 *       the context as its {@code database} bean, so a wrong URL, user or password stops the start before
 *       any bean is made or the web server is built.</li>
 * </ol>
 */
final class BeforeStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Any of these lets bearer tokens in (see the README, Configuration). */
    static final List<String> TOKEN_ISSUERS = List.of("spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");

    static final String NO_LOGINS = "no logins are configured, so every request would be refused: make one with "
            + "\"echo 'a passphrase of 12 or more characters' | forewarn user hash --name ann --role analyst > settings.yaml\" "
            + "and start with \"forewarn serve --config settings.yaml\" (forewarn.users in the README's Configuration), "
            + "or accept an OIDC provider's tokens (" + TOKEN_ISSUERS.get(0) + ")";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Binder settings = Binder.get(context.getEnvironment());
        boolean logins = !settings.bind("forewarn.users", Bindable.listOf(ServerSettings.User.class)).orElse(List.of()).isEmpty();
        boolean tokens = TOKEN_ISSUERS.stream().anyMatch(name -> settings.bind(name, String.class).map(v -> !v.isBlank()).orElse(false));
        if (!logins && !tokens) {
            throw new StartRefusedException(NO_LOGINS, null);
        }
        DatabaseSettings database;
        try {
            database = ServerConfiguration.databaseSettings(context.getEnvironment());
        } catch (IllegalArgumentException unusable) {
            throw new StartRefusedException(unusable.getMessage(), unusable);
        }
        // Opening and migrating takes a good part of the start; it runs beside the parsing of the configuration
        // classes, which needs no database, and is waited for once they are parsed, before any bean is made.
        FutureTask<Database> opening = new FutureTask<>(() -> Database.open(database));
        Thread opener = new Thread(opening, "forewarn-database-open");
        opener.setDaemon(true);
        opener.start();
        // The context logs a failed refresh as a warning before it hands the failure on; for a refusal that would
        // repeat the one line the command line prints. Quiet until the database is open: a refresh that fails
        // otherwise meanwhile is still reported in full, as "Application run failed".
        LoggingSystem logging = LoggingSystem.get(context.getClassLoader());
        String contextLogger = context.getClass().getName();
        logging.setLogLevel(contextLogger, LogLevel.ERROR);
        context.addBeanFactoryPostProcessor(beans -> {
            opened(opening);
            logging.setLogLevel(contextLogger, null);
        });
        // closed with the context, as any AutoCloseable bean is
        ((GenericApplicationContext) context).registerBean(ServerConfiguration.DATABASE_BEAN, Database.class, () -> opened(opening));
    }

    private static Database opened(FutureTask<Database> opening) {
        try {
            return opening.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof DatabaseUnavailableException unavailable) {
                throw new StartRefusedException(unavailable.getMessage(), unavailable);
            }
            throw new IllegalStateException("opening the database failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the database opened", interrupted);
        }
    }
}
