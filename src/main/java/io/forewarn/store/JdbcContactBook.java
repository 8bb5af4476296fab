package io.forewarn.store;

import io.forewarn.ledger.jdbc.BulkRows;
import io.forewarn.party.ContactBook;
import io.forewarn.party.ContactPoint;
import io.forewarn.party.ContactPointReader;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parties' contact points in the {@code contact_point} table ({@code V40__outbox.sql}), inside the caller's
 * transaction when there is one (a party and its contact points are written together).
 */
public final class JdbcContactBook implements ContactBook {

    /** Parties asked about in one statement at most; a longer list is asked in chunks. */
    private static final int CHUNK = 1000;

    private static final List<String> COLUMNS = List.of("party_id", "position", "kind", "address", "secret");

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public JdbcContactBook(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.batches = new JdbcTemplate(dataSource);
    }

    @Override
    public Map<String, List<Listed>> of(Collection<String> partyIds) {
        Map<String, List<Listed>> found = new LinkedHashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(partyIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT party_id, kind, address, secret, disabled_at FROM contact_point WHERE party_id IN (:ids) "
                            + "ORDER BY party_id, position")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((row, n) -> Map.entry(row.getString(1), listed(row)))
                    .list()
                    .forEach(entry -> found.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        }
        return found;
    }

    /** One DELETE a thousand parties ({@link IndexRows}), then every contact point in one bulk write ({@link BulkRows}). */
    @Override
    public void replaceAll(Map<String, List<ContactPoint>> contactsByParty) {
        if (contactsByParty.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        contactsByParty.forEach((party, contacts) -> {
            int position = 0;
            for (ContactPoint contact : contacts) {
                rows.add(new Object[] {party, position++, contact.kind(), contact.address(), ContactPointReader.secretOf(contact)});
            }
        });
        batches.execute((ConnectionCallback<Void>) connection -> {
            IndexRows.delete(connection, "contact_point", "party_id", contactsByParty.keySet());
            BulkRows.of(connection, rows.size()).insert("contact_point", COLUMNS, rows);
            return null;
        });
    }

    @Override
    public boolean disable(String partyId, String kind, String address, Instant at) {
        return jdbc.sql("UPDATE contact_point SET disabled_at = :at WHERE party_id = :party AND kind = :kind "
                        + "AND address = :address AND disabled_at IS NULL")
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("party", partyId)
                .param("kind", kind)
                .param("address", address)
                .update() > 0;
    }

    private static Listed listed(ResultSet row) throws SQLException {
        ContactPoint point = ContactPointReader.of(row.getString(2), row.getString(3), row.getString(4));
        OffsetDateTime disabled = row.getObject(5, OffsetDateTime.class);
        return new Listed(point, Optional.ofNullable(disabled).map(OffsetDateTime::toInstant));
    }
}
