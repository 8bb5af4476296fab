package io.forewarn.server;

import io.forewarn.dissemination.AcknowledgementLinks;
import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.SpentLinks;
import io.forewarn.store.JdbcSpentLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * How acknowledgements come back: the signed links of emailed warnings, their key in the data directory, the table of
 * links used, and the deliveries they name, as the outbox records them.
 */
@Configuration
class AcknowledgementConfiguration {

    /**
     * Links start with {@code forewarn.public-url}, the server's address as its readers reach it (behind a proxy, the
     * proxy's); by default {@code http://localhost:<port>}, which only this machine can follow.
     */
    @Bean
    AcknowledgementLinks acknowledgementLinks(@Value("${forewarn.data-dir:forewarn-data}") String dataDirectory,
                                              @Value("${forewarn.public-url:}") String publicUrl,
                                              @Value("${server.port:8080}") int port, Clock clock) {
        URI base = URI.create(publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.strip());
        return new AcknowledgementLinks(AcknowledgementKeyFiles.loadOrCreate(Path.of(dataDirectory)), base, clock);
    }

    @Bean
    SpentLinks spentLinks(DataSource dataSource) {
        return new JdbcSpentLinks(dataSource);
    }

    /**
     * The deliveries are the outbox's; a server without one has made none, so every delivery id is unknown to it
     * and every acknowledgement naming one is refused as such.
     */
    @Bean
    Acknowledgements acknowledgements(CaseDesk desk, ObjectProvider<DeliveryRecords> records, SpentLinks spent) {
        return new Acknowledgements(desk, records.getIfAvailable(() -> deliveryId -> Optional.empty()), spent);
    }
}
