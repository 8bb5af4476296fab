package io.forewarn.store;

import io.forewarn.dissemination.SpentLinks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The used acknowledgement links, in the {@code spent_acknowledgement_link} table
 * ({@code db/migration/V50__spent_acknowledgement_link.sql}), shared by every node on the database. Spending is one
 * insert by the primary key, in the caller's transaction: two nodes spending one link at once find one of them
 * refused by the key.
 */
public final class JdbcSpentLinks implements SpentLinks {

    private final JdbcClient jdbc;

    public JdbcSpentLinks(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public boolean spend(String deliveryId, Instant at) {
        if (isSpent(deliveryId)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO spent_acknowledgement_link (delivery_id, spent_at) VALUES (:id, :at)")
                    .param("id", deliveryId)
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException spentMeanwhile) {
            // another request spent it between the read and the insert; the caller rolls its change back
            return false;
        }
    }

    @Override
    public boolean isSpent(String deliveryId) {
        return jdbc.sql("SELECT 1 FROM spent_acknowledgement_link WHERE delivery_id = :id").param("id", deliveryId)
                .query(Integer.class).optional().isPresent();
    }
}
