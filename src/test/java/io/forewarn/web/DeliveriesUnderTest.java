package io.forewarn.web;

import io.forewarn.dissemination.InMemoryDeliveryRecords;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The deliveries a server under test knows, put there by the test rather than sent by an outbox, so that an
 * acknowledgement can name one (the bean is a {@link io.forewarn.dissemination.DeliveryRecords}): import it in a {@code @SpringBootTest} and autowire {@link InMemoryDeliveryRecords}.
 * Primary, so it stands in for the outbox's records where those are wired too.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DeliveriesUnderTest {

    @Bean
    @Primary
    InMemoryDeliveryRecords deliveryRecords() {
        return new InMemoryDeliveryRecords();
    }
}
