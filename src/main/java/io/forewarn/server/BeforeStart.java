package io.forewarn.server;

import io.forewarn.store.Database;
import io.forewarn.store.DatabaseUnavailableException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import java.util.List;

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
 *       the web server is built.</li>
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
        Database database;
        try {
            database = Database.open(ServerConfiguration.databaseSettings(context.getEnvironment()));
        } catch (DatabaseUnavailableException | IllegalArgumentException unusable) {
            throw new StartRefusedException(unusable.getMessage(), unusable);
        }
        // closed with the context, as any AutoCloseable bean is
        ((GenericApplicationContext) context).registerBean(ServerConfiguration.DATABASE_BEAN, Database.class, () -> database);
    }
}
