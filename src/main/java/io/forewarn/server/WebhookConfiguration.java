package io.forewarn.server;

import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.webhook.WebhookChannel;
import io.forewarn.json.DeliveryBody;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The webhook channel: warnings signed per Standard Webhooks, their body the warning as the API renders it. Its
 * timeouts are {@code forewarn.webhook.connect-timeout} (5 s) and {@code forewarn.webhook.timeout} (10 s, the whole
 * request). {@code forewarn.webhook.enabled=false} leaves it out: webhook deliveries then stay queued, visibly.
 */
@Configuration
class WebhookConfiguration {

    /**
     * The signature's timestamp is the real time, not the server's clock: a receiver's verifier compares it with its
     * own clock and refuses one more than five minutes off, so a server running with {@code forewarn.clock-offset}
     * (an exercise) must still stamp its requests with the time they are sent.
     */
    @Bean
    @ConditionalOnProperty(name = "forewarn.webhook.enabled", havingValue = "true", matchIfMissing = true)
    Channel webhookChannel(@Value("${forewarn.webhook.connect-timeout:PT5S}") Duration connectTimeout,
                           @Value("${forewarn.webhook.timeout:PT10S}") Duration timeout) {
        return new WebhookChannel(WebhookChannel.client(connectTimeout), DeliveryBody::json, timeout, Clock.systemUTC());
    }
}
