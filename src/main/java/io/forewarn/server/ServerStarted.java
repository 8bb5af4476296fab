package io.forewarn.server;

import io.forewarn.policy.PolicyBook;
import io.forewarn.store.Database;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;


/** The one line a started server prints: where it listens, which database it uses, which policy is in force. */
@Component
public class ServerStarted {

    private final WebServerApplicationContext context;
    private final Database database;
    private final PolicyBook policies;

    ServerStarted(WebServerApplicationContext context, Database database, PolicyBook policies) {
        this.context = context;
        this.database = database;
        this.policies = policies;
    }

    public String line() {
        return "Forewarn serving at http://localhost:" + port() + "/ (database: " + database.description()
                + "; policy v" + policies.active().version() + ")";
    }

    /** The port it listens on (the one chosen when asked for port 0). */
    public int port() {
        return context.getWebServer().getPort();
    }
}
