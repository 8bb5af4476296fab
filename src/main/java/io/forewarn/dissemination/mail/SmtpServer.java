package io.forewarn.dissemination.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The mail server warnings are handed to, and how: its host and port, TLS, the login if it wants one, and how long
 * to wait for it before a send counts as a temporary failure.
 *
 * @param tls      {@code NONE} (plain, e.g. a relay on the same host), {@code STARTTLS} (upgrade on port 587, and
 *                 refuse to go on without it) or {@code IMPLICIT} (TLS from the first byte, port 465)
 * @param login    the user and password, if the server wants a login
 */
public record SmtpServer(String host, int port, Tls tls, Optional<Login> login, Duration timeout) {

    public enum Tls { NONE, STARTTLS, IMPLICIT }

    /** A login on the mail server; its password is never printed. */
    public record Login(String user, String password) {
        public Login {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Login[" + user + ", password=…]";
        }
    }

    public SmtpServer {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("forewarn.mail.host names no mail server");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("forewarn.mail.port must be 1 to 65535, not " + port);
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(login, "login");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("forewarn.mail.timeout must be positive");
        }
    }

    /** A Jakarta Mail session for this server: every wait bounded, so a silent server is a failure, not a hang. */
    public Session session() {
        String protocol = tls == Tls.IMPLICIT ? "smtps" : "smtp";
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", Integer.toString(port));
        properties.put("mail." + protocol + ".connectiontimeout", millis);
        properties.put("mail." + protocol + ".timeout", millis);
        properties.put("mail." + protocol + ".writetimeout", millis);
        if (tls == Tls.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (tls != Tls.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (login.isEmpty()) {
            return Session.getInstance(properties);
        }
        properties.put("mail." + protocol + ".auth", "true");
        Login credentials = login.get();
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(credentials.user(), credentials.password());
            }
        });
    }
}
