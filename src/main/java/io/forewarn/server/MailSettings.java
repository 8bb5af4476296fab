package io.forewarn.server;

import io.forewarn.dissemination.mail.SmtpServer;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The email channel's settings, under {@code forewarn.mail.*} (see the README, "Channels"). Without a host there is
 * no email channel.
 *
 * @param host        the SMTP server; empty: no email channel
 * @param port        its port; by default 25, 587 with {@code starttls}, 465 with {@code implicit}
 * @param from        the sender, e.g. {@code Forewarn <alerts@agency.example>}; its name is who the mail says warns
 * @param user        the SMTP login, if the server wants one (with {@code password})
 * @param tls         {@code none}, {@code starttls} (required, not merely tried) or {@code implicit}
 * @param timeout     how long to wait for the server to connect or answer before the attempt counts as failed
 * @param linkValidFor how long an acknowledgement link works from sending; unset: until the warning's validity ends
 */
@ConfigurationProperties("forewarn.mail")
public record MailSettings(String host, Integer port, String from, String user, String password, String tls,
                           Duration timeout, Duration linkValidFor) {

    public MailSettings {
        host = host == null ? "" : host.strip();
        from = from == null || from.isBlank() ? "Forewarn <forewarn@localhost>" : from.strip();
        tls = tls == null || tls.isBlank() ? "none" : tls.strip().toLowerCase(Locale.ROOT);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean enabled() {
        return !host.isEmpty();
    }

    /** The mail server as the channel reaches it. */
    public SmtpServer server() {
        SmtpServer.Tls mode = switch (tls) {
            case "none" -> SmtpServer.Tls.NONE;
            case "starttls" -> SmtpServer.Tls.STARTTLS;
            case "implicit" -> SmtpServer.Tls.IMPLICIT;
            default -> throw new IllegalArgumentException("forewarn.mail.tls must be none, starttls or implicit, not " + tls);
        };
        int defaultPort = switch (mode) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case IMPLICIT -> 465;
        };
        Optional<SmtpServer.Login> login = user == null || user.isBlank() ? Optional.empty()
                : Optional.of(new SmtpServer.Login(user.strip(), password == null ? "" : password));
        return new SmtpServer(host, port == null ? defaultPort : port, mode, login, timeout);
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + ", user=" + user + ", tls=" + tls
                + ", timeout=" + timeout + ", linkValidFor=" + linkValidFor + "]";
    }
}
