package io.forewarn.server;

import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.webhook.WebhookChannel;
import io.forewarn.json.DeliveryView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The webhook channel: warnings signed per Standard Webhooks, their body the warning as the API renders it. Its
 * timeouts are {@code forewarn.webhook.connect-timeout} (5 s) and {@code forewarn.webhook.timeout} (10 s, the whole
 * request).
 */
@Configuration
class WebhookConfiguration {

    @Bean
    Channel webhookChannel(@Value("${forewarn.webhook.connect-timeout:PT5S}") Duration connectTimeout,
                           @Value("${forewarn.webhook.timeout:PT10S}") Duration timeout, Clock clock) {
        return new WebhookChannel(WebhookChannel.client(connectTimeout), DeliveryView::json, timeout, clock);
    }
}
