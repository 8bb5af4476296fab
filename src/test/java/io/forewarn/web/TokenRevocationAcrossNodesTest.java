package io.forewarn.web;

import io.forewarn.server.CaseDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code forewarn serve} processes on one PostgreSQL schema with one data directory (so one token
 * key): a token issued by one node is a login on the other, and a logout on one ends it on both.
 */
class TokenRevocationAcrossNodesTest {

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void stopWhatRuns() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void aLogoutOnOneNodeEndsTheTokenOnTheOther() throws IOException {
        CaseDatabase database = CaseDatabase.postgres();
        cleanup.add(database);
        Path settings = ServeProcess.config(directory, "settings", "scheduler: {enabled: false}", "");
        ServeProcess one = ServeProcess.launch("node-1", directory, settings, database.environment());
        cleanup.add(one);
        ServeProcess two = ServeProcess.launch("node-2", directory, settings, database.environment());
        cleanup.add(two);
        one.awaitServing();
        two.awaitServing();

        String token = Http.token(one.port(), "analyst");
        String other = Http.token(two.port(), "analyst");
        assertThat(call(two, token, "GET").status()).as("node-1's token on node-2").isEqualTo(200);

        assertThat(call(one, token, "DELETE").status()).as("logout on node-1").isEqualTo(204);

        Http.Reply refused = call(two, token, "GET");
        assertThat(refused.status()).as("the token on node-2 after the logout on node-1").isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(call(one, token, "GET").status()).isEqualTo(401);
        assertThat(call(one, other, "GET").status()).as("node-2's token on node-1").isEqualTo(200);
    }

    private static Http.Reply call(ServeProcess node, String token, String method) throws IOException {
        String path = method.equals("DELETE") ? "/api/v1/tokens/current" : "/api/v1/policy";
        return Http.exchange(Http.request(node.port(), null, method, path, null, (byte[]) null, "Authorization", Http.bearer(token)));
    }
}
