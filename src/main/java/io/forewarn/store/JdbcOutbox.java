package io.forewarn.store;

import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.DeliveryState;
import io.forewarn.dissemination.Outbox;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.ledger.jdbc.DatabaseKind;
import io.forewarn.obligation.Slice;
import io.forewarn.party.ContactPointReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox in the {@code delivery} and {@code delivery_attempt} tables ({@code V40__outbox.sql}), one SQL for
 * H2 and PostgreSQL but for the claim's lock: on PostgreSQL {@code FOR UPDATE SKIP LOCKED}, so dispatchers on
 * several nodes claim different rows without waiting for each other; on H2, whose file belongs to one process
 * (and one dispatcher), {@code FOR UPDATE}. Every statement joins the caller's transaction when there is one.
 */
public final class JdbcOutbox implements Outbox, DeliveryRecords {

    private static final String COLUMNS = "id, kind, warning_id, obligation_id, party_id, channel, address, secret, "
            + "state, attempts, due_at, issued_at, enqueued_at, sent_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final String lock;

    public JdbcOutbox(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.batches = new JdbcTemplate(dataSource);
        this.lock = skipsLocked(dataSource) ? "FOR UPDATE SKIP LOCKED" : "FOR UPDATE";
    }

    private static boolean skipsLocked(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseKind.isPostgres(connection);
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot tell which database holds the outbox: " + failed.getMessage(), failed);
        }
    }

    /** Writes the deliveries as one JDBC statement batch: a warning to many parties is one round trip, not one per row. */
    @Override
    public void enqueue(List<OutboxEntry> entries) {
        write(entries);
    }

    /**
     * Puts deliveries on file as they stand, each with its state and attempts: those a replay made before its casebook
     * is served ({@code forewarn demo --serve}), so that the server lists the deliveries its ledger records.
     */
    public void putOnFile(List<OutboxEntry> entries) {
        write(entries);
        for (OutboxEntry entry : entries) {
            entry.history().forEach(attempt -> insert(entry.id(), attempt));
        }
    }

    private void write(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        batches.batchUpdate("INSERT INTO delivery (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries.stream().map(entry -> new Object[] {entry.id(), entry.kind().name().toLowerCase(Locale.ROOT),
                        entry.warningId(), entry.obligationId(), entry.partyId(), entry.channel(), entry.to().address(),
                        ContactPointReader.secretOf(entry.to()), entry.state().code(), entry.attempts(),
                        timestamp(entry.dueAt()), timestamp(entry.issuedAt()), timestamp(entry.enqueuedAt()),
                        // typed, so that a null (a delivery not sent) costs the driver no question of the statement
                        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, entry.sentAt().map(JdbcOutbox::timestamp).orElse(null))})
                        .toList());
    }

    @Override
    public List<OutboxEntry> claim(Instant now, Collection<String> channels, int limit, Instant claimedUntil) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        // one range of the (state, due_at) index per claimable state
        for (DeliveryState state : List.of(DeliveryState.QUEUED, DeliveryState.IN_FLIGHT)) {
            if (ids.size() >= limit) {
                break;
            }
            ids.addAll(jdbc.sql("SELECT id FROM delivery WHERE state = :state AND due_at <= :now AND channel IN (:channels) "
                            + "ORDER BY due_at FETCH FIRST " + (limit - ids.size()) + " ROWS ONLY " + lock)
                    .param("state", state.code())
                    .param("now", timestamp(now))
                    .param("channels", List.copyOf(channels))
                    .query(String.class)
                    .list());
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE delivery SET state = :flight, attempts = attempts + 1, due_at = :until WHERE id IN (:ids)")
                .param("flight", DeliveryState.IN_FLIGHT.code())
                .param("until", timestamp(claimedUntil))
                .param("ids", ids)
                .update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id IN (:ids) ORDER BY seq")
                .param("ids", ids)
                .query((row, n) -> entry(row, List.of()))
                .list();
    }

    @Override
    public boolean settle(OutboxEntry claimed, OutboxEntry.Attempt attempt, DeliveryState state, Instant dueAt) {
        int updated = jdbc.sql("UPDATE delivery SET state = :state, due_at = :due, sent_at = COALESCE(sent_at, :sent) "
                        + "WHERE id = :id AND state = :flight AND attempts = :attempts")
                .param("state", state.code())
                .param("due", timestamp(dueAt))
                .param("sent", state == DeliveryState.SENT ? timestamp(attempt.at()) : null, Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", claimed.id())
                .param("flight", DeliveryState.IN_FLIGHT.code())
                .param("attempts", claimed.attempts())
                .update();
        if (updated == 0) {
            return false;
        }
        insert(claimed.id(), attempt);
        return true;
    }

    @Override
    public boolean release(OutboxEntry claimed, Instant dueAt) {
        return jdbc.sql("UPDATE delivery SET state = :queued, attempts = attempts - 1, due_at = :due "
                        + "WHERE id = :id AND state = :flight AND attempts = :attempts")
                .param("queued", DeliveryState.QUEUED.code())
                .param("due", timestamp(dueAt))
                .param("id", claimed.id())
                .param("flight", DeliveryState.IN_FLIGHT.code())
                .param("attempts", claimed.attempts())
                .update() > 0;
    }

    @Override
    public List<String> markSent(String obligationId, String channel, Set<Delivery.Kind> kinds, Instant at, String detail) {
        return mark("obligation_id", obligationId, channel, kinds, DeliveryState.SENT, at, detail);
    }

    @Override
    public List<String> markWithdrawn(String warningId, String channel, Instant at, String detail) {
        return mark("warning_id", warningId, channel, Delivery.Kind.WARNINGS, DeliveryState.DEAD_LETTERED, at, detail);
    }

    /**
     * Moves the queued deliveries over {@code channel}, of {@code kinds}, whose {@code column} (a constant above) is
     * {@code value} to {@code state}.
     */
    private List<String> mark(String column, String value, String channel, Set<Delivery.Kind> kinds, DeliveryState state,
                              Instant at, String detail) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, Integer>> found = jdbc.sql("SELECT id, attempts FROM delivery WHERE " + column + " = :value "
                        + "AND channel = :channel AND kind IN (:kinds) AND state = :queued ORDER BY seq " + lock)
                .param("value", value)
                .param("channel", channel)
                .param("kinds", kinds.stream().map(kind -> kind.name().toLowerCase(Locale.ROOT)).toList())
                .param("queued", DeliveryState.QUEUED.code())
                .query((row, n) -> Map.entry(row.getString(1), row.getInt(2)))
                .list();
        boolean sent = state == DeliveryState.SENT;
        List<String> marked = new ArrayList<>();
        for (Map.Entry<String, Integer> delivery : found) {
            jdbc.sql("UPDATE delivery SET state = :state, attempts = attempts + 1, sent_at = :at WHERE id = :id")
                    .param("state", state.code())
                    .param("at", sent ? timestamp(at) : null, Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("id", delivery.getKey())
                    .update();
            insert(delivery.getKey(), new OutboxEntry.Attempt(delivery.getValue() + 1, at,
                    sent ? OutboxEntry.Attempt.Outcome.SENT : OutboxEntry.Attempt.Outcome.DEAD_LETTERED, detail));
            marked.add(delivery.getKey());
        }
        return marked;
    }

    @Override
    public List<OutboxEntry> ofWarning(String warningId, Optional<DeliveryState> state, Slice slice) {
        Optional<Long> afterSeq = slice.after().map(after -> jdbc.sql("SELECT seq FROM delivery WHERE id = :id AND warning_id = :warning")
                .param("id", after).param("warning", warningId).query(Long.class).optional()
                .orElseThrow(() -> slice.unknown("delivery of " + warningId)));
        List<OutboxEntry> page = jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE warning_id = :warning"
                        + (afterSeq.isPresent() ? " AND seq > :after" : "")
                        + (state.isPresent() ? " AND state = :state" : "")
                        + " ORDER BY seq FETCH FIRST " + slice.size() + " ROWS ONLY")
                .paramSource(params(warningId, afterSeq, state))
                .query((row, n) -> entry(row, List.of()))
                .list();
        return withHistory(page);
    }

    @Override
    public List<OutboxEntry> inState(DeliveryState state, Optional<String> channel, Slice slice) {
        Optional<Long> afterSeq = slice.after().map(after -> jdbc.sql("SELECT seq FROM delivery WHERE id = :id")
                .param("id", after).query(Long.class).optional()
                .orElseThrow(() -> slice.unknown("delivery")));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("state", state.code());
        channel.ifPresent(c -> params.put("channel", c));
        afterSeq.ifPresent(seq -> params.put("after", seq));
        // read in the order of delivery_state_ix (state, seq) or delivery_channel_state_ix (state, channel, seq), so a
        // page reads its rows alone: H2 takes an index as sorted only when ORDER BY names its columns from the first
        List<OutboxEntry> page = jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE state = :state"
                        + (channel.isPresent() ? " AND channel = :channel" : "")
                        + (afterSeq.isPresent() ? " AND seq > :after" : "")
                        + (channel.isPresent() ? " ORDER BY state, channel, seq" : " ORDER BY state, seq")
                        + " FETCH FIRST " + slice.size() + " ROWS ONLY")
                .params(params)
                .query((row, n) -> entry(row, List.of()))
                .list();
        return withHistory(page);
    }

    private static Map<String, Object> params(String warningId, Optional<Long> after, Optional<DeliveryState> state) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("warning", warningId);
        after.ifPresent(seq -> params.put("after", seq));
        state.ifPresent(s -> params.put("state", s.code()));
        return params;
    }

    @Override
    public Map<DeliveryState, Long> counts() {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("SELECT state, COUNT(*) FROM delivery GROUP BY state")
                .query((row, n) -> Map.entry(DeliveryState.of(row.getString(1)), row.getLong(2)))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    @Override
    public Optional<OutboxEntry> entry(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = :id")
                .param("id", id)
                .query((row, n) -> entry(row, List.of()))
                .optional()
                .map(found -> withHistory(List.of(found)).get(0));
    }

    @Override
    public Optional<Addressed> find(String deliveryId) {
        return entry(deliveryId).map(found -> new Addressed(found.id(), found.warningId(), found.obligationId(),
                found.partyId(), found.to()));
    }

    private List<OutboxEntry> withHistory(List<OutboxEntry> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<String, List<OutboxEntry.Attempt>> attempts = new LinkedHashMap<>();
        jdbc.sql("SELECT delivery_id, number, at, outcome, detail FROM delivery_attempt WHERE delivery_id IN (:ids) "
                        + "ORDER BY delivery_id, number")
                .param("ids", page.stream().map(OutboxEntry::id).toList())
                .query((row, n) -> Map.entry(row.getString(1), new OutboxEntry.Attempt(row.getInt(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(),
                        OutboxEntry.Attempt.Outcome.valueOf(row.getString(4).toUpperCase(Locale.ROOT).replace('-', '_')),
                        row.getString(5))))
                .list()
                .forEach(entry -> attempts.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return page.stream().map(entry -> new OutboxEntry(entry.id(), entry.kind(), entry.warningId(), entry.obligationId(),
                entry.partyId(), entry.to(), entry.state(), entry.attempts(), entry.dueAt(), entry.issuedAt(),
                entry.enqueuedAt(), entry.sentAt(), attempts.getOrDefault(entry.id(), List.of()))).toList();
    }

    private void insert(String deliveryId, OutboxEntry.Attempt attempt) {
        jdbc.sql("INSERT INTO delivery_attempt (delivery_id, number, at, outcome, detail) VALUES (:id, :number, :at, :outcome, :detail)")
                .param("id", deliveryId)
                .param("number", attempt.number())
                .param("at", timestamp(attempt.at()))
                .param("outcome", attempt.outcome().code())
                .param("detail", attempt.detail().length() > 1000 ? attempt.detail().substring(0, 999) + "…" : attempt.detail())
                .update();
    }

    private static OutboxEntry entry(ResultSet row, List<OutboxEntry.Attempt> history) throws SQLException {
        return new OutboxEntry(row.getString("id"), Delivery.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                row.getString("warning_id"), row.getString("obligation_id"), row.getString("party_id"),
                ContactPointReader.of(row.getString("channel"), row.getString("address"), row.getString("secret")),
                DeliveryState.of(row.getString("state")), row.getInt("attempts"), instant(row, "due_at"),
                instant(row, "issued_at"), instant(row, "enqueued_at"),
                Optional.ofNullable(row.getObject("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant), history);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
