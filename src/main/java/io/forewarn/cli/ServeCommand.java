package io.forewarn.cli;

import io.forewarn.server.ForewarnServer;
import io.forewarn.server.ServerStarted;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code forewarn serve}: the HTTP API over the database, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the Forewarn server: the REST API under /api/v1 (OpenAPI at /v3/api-docs, Swagger UI at "
                + "/swagger-ui.html), health at /actuator/health and metrics at /actuator/prometheus.",
                "The database is an embedded H2 file under ./forewarn-data/ unless FOREWARN_DB_URL (with "
                        + "FOREWARN_DB_USER, FOREWARN_DB_PASSWORD) names another, such as PostgreSQL."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Put this policy in force at start (default: the stored one, or the built-in default).")
    Path policy;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML file of settings: forewarn.users (logins with bcrypt hashes; followed while the server "
                    + "runs), forewarn.timezone, "
                    + "forewarn.scheduler.enabled and .interval (the deadline sweep, default every PT30S), "
                    + "forewarn.clock-offset (exercises only: shift the clock, e.g. P2D), ...")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        if (policy != null) {
            requireFile(policy, "policy");
            properties.put("forewarn.policy", policy.toAbsolutePath().toString());
        }
        if (config != null) {
            requireFile(config, "config");
            properties.put("spring.config.import", "file:" + config.toAbsolutePath());
            // its forewarn.users are followed while the server runs (web.security.LoginsFile)
            properties.put("forewarn.logins.file", config.toAbsolutePath().toString());
        }
        ConfigurableApplicationContext server = ForewarnServer.start(properties);
        spec.commandLine().getOut().println(server.getBean(ServerStarted.class).line());
        spec.commandLine().getOut().flush();
        Thread.currentThread().join();
        return 0;
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such " + what + " file");
        }
    }
}
