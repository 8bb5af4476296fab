package io.forewarn.dissemination.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A mail server on 127.0.0.1 that answers one command the way a test needs (refuses the recipient with 550, defers it
 * with 451) and every other as a willing server would; or, if {@code silent}, accepts the connection and says nothing.
 * It serves one connection at a time until closed.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    private ScriptedSmtpServer(String rcptReply, boolean silent) throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(rcptReply, silent), "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** A server that answers RCPT TO with {@code reply}, e.g. {@code 550 5.1.1 no such mailbox}. */
    static ScriptedSmtpServer answeringRecipientWith(String reply) throws IOException {
        return new ScriptedSmtpServer(reply, false);
    }

    /** A server that takes the connection and never greets. */
    static ScriptedSmtpServer silent() throws IOException {
        return new ScriptedSmtpServer("", true);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(String rcptReply, boolean silent) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (silent) {
                    client.getInputStream().read(); // until the client gives up and closes
                    continue;
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
                say(out, "220 scripted ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.toUpperCase(Locale.ROOT);
                    if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                        say(out, "250 scripted");
                    } else if (command.startsWith("RCPT")) {
                        say(out, rcptReply);
                    } else if (command.startsWith("QUIT")) {
                        say(out, "221 bye");
                        break;
                    } else {
                        say(out, "250 ok");
                    }
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void say(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
