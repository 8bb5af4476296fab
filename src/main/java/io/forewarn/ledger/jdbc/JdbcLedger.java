package io.forewarn.ledger.jdbc;

import io.forewarn.ledger.ConsistencyProofs;
import io.forewarn.ledger.InclusionProofs;
import io.forewarn.ledger.Ledger;
import io.forewarn.ledger.LedgerEntry;
import io.forewarn.ledger.LedgerEvent;
import io.forewarn.ledger.LedgerKeys;
import io.forewarn.ledger.SignedTreeHead;
import io.forewarn.ledger.SubtreeHashes;
import io.forewarn.ledger.TreeAppend;
import io.forewarn.ledger.TreeHash;
import io.forewarn.ledger.TreeHeadSigner;
import io.forewarn.obligation.EventType;
import io.forewarn.obligation.TimelineEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The tamper-evident ledger in the database (schema: {@code db/migration/V3__ledger.sql}): one entry per
 * {@code duty_event}, an RFC 9162 Merkle log over the entries, and the signed tree heads published for it.
 *
 * <p><b>Appending.</b> {@code store.JdbcCasebook#append} inserts the event and hands it to {@link #enqueue} inside
 * one transaction; the entries of a transaction are written just before it commits ({@code beforeCommit}),
 * in that same transaction: an event never commits without its entry, and a rolled-back change leaves
 * neither. They are written under a row lock on {@code ledger_state} ({@code SELECT ... FOR UPDATE}),
 * which hands out the indices one after another with no gap, in commit order. Taking that lock last, just
 * before commit, keeps it short and means no transaction holding it ever waits for another's lock, so it
 * cannot be part of a deadlock.
 *
 * <p><b>An entry</b> is {@link LedgerEvent#body}, the canonical JSON (RFC 8785) of
 * {@code {"index": n, "time": when the entry was made, "event": {"type", "subject", "actor", "summary", "at"}}};
 * a {@code report-received} entry also carries {@code "protected": [digest, ...]}, the HMAC-SHA-256 of each
 * item of the report's protected material under a salt of its own that stays in {@code report_protected_salt}
 * beside the report, never in the ledger. Event summaries never carry protected material (see
 * {@link TimelineEntry}). The leaf hash is computed over exactly the stored body's UTF-8 bytes.
 *
 * <p><b>What the lock covers.</b> Only the step that needs the log's size: the size and the right edge's subtree
 * hashes, read in the statement that takes the lock ({@code ledger_state.right_edge}, {@link RightEdge}), the
 * hashing, and the entries, subtree hashes and new size and edge (one statement on PostgreSQL, {@link OneTripAppend}),
 * whether the events came one by one ({@link #enqueue}) or several at once ({@link #enqueueAll}, from
 * {@code store.JdbcCasebook#appendAll}). What an entry records, a report's salted digests included, is read when
 * its event is queued, before the lock.
 *
 * <p><b>Tree.</b> Each append ({@link TreeAppend}) also stores the hashes of the subtrees its leaf completes ({@code ledger_node}),
 * so any root or proof, present or past, takes O(log n) reads ({@link #subtrees()}).
 */
public final class JdbcLedger implements Ledger {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> ENTRY_COLUMNS = List.of("idx", "event_seq", "at", "body", "leaf_hash");
    private static final List<String> NODE_COLUMNS = List.of("lvl", "pos", "hash");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    public JdbcLedger(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // --- appending

    /** What one transaction has appended, written before it commits. */
    private static final class Pending implements TransactionSynchronization {
        private final JdbcLedger ledger;
        private final Object key;
        /** Each event's timeline seq and what its entry records, read when it was queued (never under the lock). */
        private final List<Map.Entry<Long, LedgerEvent>> events = new ArrayList<>();

        Pending(JdbcLedger ledger, Object key) {
            this.ledger = ledger;
            this.key = key;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            ledger.write(events);
            events.clear();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }

    /** Names the pending entries of one database in a transaction's resources. */
    private record PendingKey(DataSource dataSource) {
    }

    /**
     * Queues the entry of an event just inserted with {@code seq}, to be written before the current
     * transaction commits.
     *
     * @throws IllegalStateException outside a Spring-managed transaction on this ledger's data source
     */
    public void enqueue(long eventSeq, TimelineEntry event) {
        pending().events.add(Map.entry(eventSeq, recorded(event)));
    }

    /**
     * Queues the entries of events just inserted with {@code eventSeqs} (in that order), to be written before
     * the current transaction commits.
     *
     * @throws IllegalStateException outside a Spring-managed transaction on this ledger's data source
     */
    public void enqueueAll(List<Long> eventSeqs, List<? extends TimelineEntry> events) {
        if (eventSeqs.size() != events.size()) {
            throw new IllegalArgumentException(eventSeqs.size() + " event numbers for " + events.size() + " events");
        }
        Pending pending = pending();
        for (int i = 0; i < events.size(); i++) {
            pending.events.add(Map.entry(eventSeqs.get(i), recorded(events.get(i))));
        }
    }

    /** The entries the current transaction has queued on this ledger's database. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a ledger entry is written in the transaction of its event");
        }
        PendingKey key = new PendingKey(dataSource);
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            pending = new Pending(this, key);
            TransactionSynchronizationManager.bindResource(key, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /**
     * Writes the entries of one transaction's events under the {@code ledger_state} lock, which is held only for
     * this: the lock and the log's right edge in one statement (the subtree hashes an append can need from before
     * the transaction, kept in the locked row: {@link RightEdge}), the hashing, then the entries, their subtree
     * hashes and the new size and edge: on PostgreSQL in one statement ({@link OneTripAppend}), else a statement batch
     * of entries, one of subtree hashes and an update. Every writer queues on this lock, so each round trip made
     * while holding it is a wait for all of them. What an entry records (a report's salted digests among it) was
     * read when its event was queued. Statement batches leave the values and their types to the driver exactly as
     * single statements do (Spring's {@code StatementCreatorUtils} binds both); from {@link BulkRows#COPY_FROM} rows
     * on PostgreSQL, COPY.
     */
    private void write(List<Map.Entry<Long, LedgerEvent>> events) {
        if (events.isEmpty()) {
            return;
        }
        Map.Entry<Long, Optional<String>> state = jdbc.sql("SELECT size, right_edge FROM ledger_state WHERE id = 1 FOR UPDATE")
                .query((row, n) -> Map.entry(row.getLong(1), Optional.ofNullable(row.getString(2)))).single();
        long before = state.getKey();
        long size = before;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Map<Subtree, byte[]> completed = new HashMap<>(RightEdge.read(before, state.getValue())
                .orElseGet(() -> fetch(RightEdge.of(before))));
        SubtreeHashes stored = subtrees();
        SubtreeHashes kept = (level, index) -> {
            byte[] hash = completed.get(new Subtree(level, index));
            return hash != null ? hash : stored.subtreeHash(level, index);
        };
        List<Object[]> entries = new ArrayList<>(events.size());
        List<Object[]> nodes = new ArrayList<>(events.size());
        for (Map.Entry<Long, LedgerEvent> queued : events) {
            long index = size++;
            String body = queued.getValue().body(index, now);
            byte[] leafHash = HASHER.leafHash(body.getBytes(StandardCharsets.UTF_8));
            entries.add(new Object[] {index, queued.getKey(), at, body, HEX.formatHex(leafHash)});
            TreeAppend.append(HASHER, kept, index, leafHash, (level, position, hash) -> {
                completed.put(new Subtree(level, position), hash);
                if (level > 0) {
                    nodes.add(new Object[] {level, position, HEX.formatHex(hash)});
                }
            });
        }
        long grown = size;
        String edge = RightEdge.write(grown, subtree -> kept.subtreeHash(subtree.level(), subtree.index()));
        batches.execute((ConnectionCallback<Void>) connection -> {
            if (!OneTripAppend.write(connection, entries, nodes, grown, edge)) {
                BulkRows.of(connection, entries.size()).insert("ledger_entry", ENTRY_COLUMNS, entries);
                BulkRows.of(connection, nodes.size()).insert("ledger_node", NODE_COLUMNS, nodes);
                jdbc.sql("UPDATE ledger_state SET size = :size, right_edge = :edge WHERE id = 1")
                        .param("size", grown).param("edge", edge).update();
            }
            return null;
        });
    }

    /** What the ledger records of a timeline row; a report's entry also carries its protected material's digests. */
    private LedgerEvent recorded(TimelineEntry event) {
        List<String> digests = EventType.REPORT_RECEIVED.code().equals(event.type())
                ? jdbc.sql("SELECT digest FROM report_protected_salt WHERE report_id = :id ORDER BY position")
                        .param("id", event.subject())
                        .query(String.class)
                        .list()
                : List.of();
        return new LedgerEvent(event.type(), event.subject(), event.actor(), event.summary(), event.at(), digests);
    }

    // --- reading

    /** How many entries the log holds (committed ones). */
    @Override
    public long size() {
        return jdbc.sql("SELECT size FROM ledger_state WHERE id = 1").query(Long.class).single();
    }

    @Override
    public Optional<LedgerEntry> entry(long index) {
        return jdbc.sql("SELECT idx, at, body, leaf_hash FROM ledger_entry WHERE idx = :idx")
                .param("idx", index)
                .query((row, n) -> entry(row))
                .optional();
    }

    /** The stored entries with {@code from <= index < to}, in index order; a missing row is simply absent. */
    @Override
    public List<LedgerEntry> entries(long from, long to) {
        return jdbc.sql("SELECT idx, at, body, leaf_hash FROM ledger_entry WHERE idx >= :from AND idx < :to ORDER BY idx")
                .param("from", from)
                .param("to", to)
                .query((row, n) -> entry(row))
                .list();
    }

    private static LedgerEntry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        return new LedgerEntry(row.getLong(1), row.getObject(2, java.time.OffsetDateTime.class).toInstant(), row.getString(3),
                HEX.parseHex(row.getString(4)));
    }

    /** The stored subtree hashes: leaves from {@code ledger_entry}, the rest from {@code ledger_node}; one read each. */
    @Override
    public SubtreeHashes subtrees() {
        return (level, index) -> {
            Optional<String> hex = level == 0
                    ? jdbc.sql("SELECT leaf_hash FROM ledger_entry WHERE idx = :idx").param("idx", index).query(String.class).optional()
                    : jdbc.sql("SELECT hash FROM ledger_node WHERE lvl = :lvl AND pos = :pos")
                            .param("lvl", level).param("pos", index).query(String.class).optional();
            return HEX.parseHex(hex.orElseThrow(() -> new IllegalStateException(
                    "the ledger has no hash of the subtree at level " + level + ", position " + index)));
        };
    }

    @Override
    public byte[] root(long size) {
        Ledger.requireSize(size, size());
        return computeWith(hashes -> TreeHash.root(HASHER, hashes, size));
    }

    @Override
    public List<byte[]> inclusionProof(long index, long size) {
        Ledger.requireSize(size, size());
        return computeWith(hashes -> InclusionProofs.prove(HASHER, hashes, index, size));
    }

    @Override
    public List<byte[]> consistencyProof(long from, long to) {
        Ledger.requireSize(to, size());
        return computeWith(hashes -> ConsistencyProofs.prove(HASHER, hashes, from, to));
    }

    /**
     * Runs a root or proof computation with every subtree hash it needs fetched in two queries,
     * instead of one round trip per hash (about 25 for a proof at a million entries, which on
     * PostgreSQL costs more than the 1 ms a proof may take). Which subtrees a computation asks for
     * depends only on sizes and indices, never on hash values, so a first pass over placeholders
     * finds them; a hash the prefetch lacks is still read on its own, so the answer is the same.
     */
    private <T> T computeWith(Function<SubtreeHashes, T> computation) {
        Set<Subtree> wanted = new LinkedHashSet<>();
        byte[] placeholder = new byte[HASHER.size()];
        computation.apply((level, index) -> {
            wanted.add(new Subtree(level, index));
            return placeholder;
        });
        Map<Subtree, byte[]> fetched = fetch(wanted);
        SubtreeHashes stored = subtrees();
        return computation.apply((level, index) -> {
            byte[] hash = fetched.get(new Subtree(level, index));
            return hash != null ? hash : stored.subtreeHash(level, index);
        });
    }

    private Map<Subtree, byte[]> fetch(Set<Subtree> wanted) {
        Map<Subtree, byte[]> fetched = new HashMap<>();
        List<Long> leaves = wanted.stream().filter(s -> s.level() == 0).map(Subtree::index).toList();
        if (!leaves.isEmpty()) {
            jdbc.sql("SELECT idx, leaf_hash FROM ledger_entry WHERE idx IN (:leaves)").param("leaves", leaves)
                    .query((row, n) -> fetched.put(new Subtree(0, row.getLong(1)), HEX.parseHex(row.getString(2))))
                    .list();
        }
        List<Subtree> nodes = wanted.stream().filter(s -> s.level() > 0).toList();
        if (!nodes.isEmpty()) {
            // One point lookup per subtree, joined by UNION ALL: each uses the primary key on both
            // databases, where an OR of pairs makes H2 scan the table.
            String lookups = String.join(" UNION ALL ",
                    nodes.stream().map(s -> "SELECT lvl, pos, hash FROM ledger_node WHERE lvl = ? AND pos = ?").toList());
            List<Object> params = new ArrayList<>();
            nodes.forEach(s -> {
                params.add(s.level());
                params.add(s.index());
            });
            jdbc.sql(lookups).params(params)
                    .query((row, n) -> fetched.put(new Subtree(row.getInt(1), row.getLong(2)), HEX.parseHex(row.getString(3))))
                    .list();
        }
        return fetched;
    }

    // --- signed tree heads

    /** The newest head published, if any. */
    @Override
    public Optional<SignedTreeHead> latestHead() {
        return jdbc.sql("SELECT size, signed_at, root_hash, signature FROM ledger_head ORDER BY size DESC FETCH FIRST 1 ROWS ONLY")
                .query((row, n) -> head(row))
                .optional();
    }

    /** The published heads with {@code size <= upTo}, smallest first. */
    @Override
    public List<SignedTreeHead> heads(long upTo) {
        return jdbc.sql("SELECT size, signed_at, root_hash, signature FROM ledger_head WHERE size <= :upTo ORDER BY size")
                .param("upTo", upTo)
                .query((row, n) -> head(row))
                .list();
    }

    private static SignedTreeHead head(java.sql.ResultSet row) throws java.sql.SQLException {
        return new SignedTreeHead(row.getLong(1), HEX.parseHex(row.getString(3)), Instant.ofEpochMilli(row.getLong(2)),
                HEX.parseHex(row.getString(4)));
    }

    /**
     * The newest head, signing and storing a new one first when the log has grown since (or none was ever
     * published). Two nodes signing at once both succeed; the second keeps the first one's head.
     */
    @Override
    public SignedTreeHead publishHead(TreeHeadSigner signer) {
        long size = size();
        Optional<SignedTreeHead> latest = latestHead();
        if (latest.isPresent() && latest.get().size() >= size) {
            return latest.get();
        }
        SignedTreeHead head = signer.sign(size, root(size), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            jdbc.sql("INSERT INTO ledger_head (size, signed_at, root_hash, signature) VALUES (:size, :at, :root, :signature)")
                    .param("size", head.size())
                    .param("at", head.timestamp().toEpochMilli())
                    .param("root", HEX.formatHex(head.rootHash()))
                    .param("signature", HEX.formatHex(head.signature()))
                    .update();
            return head;
        } catch (DuplicateKeyException raced) {
            return latestHead().orElseThrow();
        }
    }

    /**
     * Records the key this log's heads are signed with, the first time; afterwards refuses another one, so
     * a server started with a fresh data directory cannot quietly re-sign an existing log with a new key.
     *
     * @throws IllegalStateException if the log was already bound to another key
     */
    @Override
    public void bindKey(PublicKey key) {
        String encoded = HEX.formatHex(LedgerKeys.encodePublic(key));
        jdbc.sql("UPDATE ledger_state SET public_key = :key WHERE id = 1 AND public_key IS NULL").param("key", encoded).update();
        String bound = jdbc.sql("SELECT public_key FROM ledger_state WHERE id = 1").query(String.class).single();
        if (!encoded.equals(bound)) {
            throw Ledger.boundToAnotherKey(HEX.parseHex(bound), HEX.parseHex(encoded));
        }
    }
}
