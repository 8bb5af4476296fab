package io.forewarn.server;

import io.forewarn.dissemination.AcknowledgementLinks;
import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.mail.MailChannel;
import io.forewarn.dissemination.mail.WarningMail;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/**
 * The email channel, when {@code forewarn.mail.host} names a mail server: warnings go out over SMTP in the party's
 * language, each with its acknowledgement link.
 */
@Configuration
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

    @Bean
    @ConditionalOnExpression("!'${forewarn.mail.host:}'.isBlank()")
    Channel mailChannel(MailSettings settings, AcknowledgementLinks links, ServerSettings server, Clock clock) {
        InternetAddress from;
        try {
            from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("forewarn.mail.from is not an email address: " + settings.from());
        }
        String sender = from.getPersonal() == null || from.getPersonal().isBlank() ? from.getAddress() : from.getPersonal();
        WarningMail mail = new WarningMail(sender, server.zone(), links, Optional.ofNullable(settings.linkValidFor()), clock);
        return new MailChannel(settings.server().session(), from, mail);
    }
}
