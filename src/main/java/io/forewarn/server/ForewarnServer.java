package io.forewarn.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;

import java.util.Map;

/** The Forewarn server: the REST API over the casebook in the database, with its scheduler. */
@SpringBootApplication(scanBasePackages = {"io.forewarn.server", "io.forewarn.ledger.server", "io.forewarn.web"})
@EnableConfigurationProperties(ServerSettings.class)
public class ForewarnServer {

    /**
     * Starts the server with these settings, which take precedence over {@code application.yaml} and
     * the environment (they are what the command line asked for).
     *
     * @throws StartRefusedException when a login or the database is missing ({@link BeforeStart}), with the one line
     *                               that says what to change
     */
    public static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return start(settings, ApplicationStartup.DEFAULT);
    }

    /** Like {@link #start(Map)}, recording the steps of the start in {@code startup} (where the time goes). */
    public static ConfigurableApplicationContext start(Map<String, Object> settings, ApplicationStartup startup) {
        SpringApplication application = new SpringApplication(ForewarnServer.class);
        application.setMainApplicationClass(ForewarnServer.class);
        application.setApplicationStartup(startup);
        application.addInitializers(new BeforeStart());
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try {
            return application.run(args);
        } catch (RuntimeException failed) {
            StartRefusedException refused = StartRefusedException.in(failed);
            throw refused == null ? failed : refused;
        }
    }
}
