package io.forewarn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A port on 127.0.0.1 where nothing listens (one the system just handed out and took back), for "nothing answers there". */
public final class ClosedPort {

    private ClosedPort() {
    }

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
