package io.forewarn.store;

import io.forewarn.ledger.jdbc.DatabaseKind;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Keeps the embedded H2 file near the size of what it holds. H2 never overwrites a page: a commit writes the pages it
 * changed, and the pages above them, as a new chunk at the file's end, and a chunk's space is taken again only once
 * none of its pages is live. Most pages are replaced within seconds, but a chunk keeps the few that are not (a leaf of
 * an index by party, say), so under a steady load every chunk stays, mostly dead, and the file grows with every commit:
 * 3.4 GB holding some 450 MB after five minutes of {@code bench ingest} (docs/benchmarks.md). H2's background writer
 * rewrites the live pages of sparse chunks elsewhere so that theirs can be reused, but it runs only when commits may
 * wait to be written ({@code WRITE_DELAY} above 0), and Forewarn writes each commit at once ({@link DatabaseSettings}:
 * a recorded decision must survive a crash of the process; h2database issue 442). So this asks H2's store to do the
 * same rewriting, a bounded amount at a time, called in turns by the server.
 *
 * <p>It uses H2's engine classes, not only JDBC: no SQL statement rewrites chunks in a running database.
 */
public final class H2Compaction {

    /** Chunks are rewritten while less than this share of their bytes, in percent, is live. */
    public static final int TARGET_FILL_RATE = 50;

    /**
     * The live bytes one turn rewrites at most. Commits wait while the store writes them, so a turn is kept short: at
     * the share live a load leaves (15%), this much frees about six times as much.
     */
    static final int WRITE_LIMIT = 1 << 20;

    /**
     * What one turn found and did.
     *
     * @param fileBytes  the file's size
     * @param liveBefore the share of the chunks' bytes that was live before, in percent
     * @param liveAfter  the same after the turn
     * @param rewrote    whether chunks were rewritten: none are while the live share is at the target or above, nor
     *                   any younger than H2's retention time (45 s, so that a crash never finds the pages of the last
     *                   version written overwritten already)
     */
    public record Outcome(long fileBytes, int liveBefore, int liveAfter, boolean rewrote) {
    }

    private H2Compaction() {
    }

    /** Whether the database behind {@code dataSource} is an H2 file in this process, the one kind that needs turns. */
    public static boolean appliesTo(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return embeddedStore(connection).isPresent();
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot tell which database this is: " + failed.getMessage(), failed);
        }
    }

    /**
     * One turn on the database behind {@code dataSource}: empty unless it is an H2 file in this process (PostgreSQL, or
     * an H2 server elsewhere, keep their own files).
     */
    public static Optional<Outcome> compactIfSparse(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = embeddedStore(connection);
            if (store.isEmpty()) {
                return Optional.empty();
            }
            FileStore<?> file = store.get().getFileStore();
            int before = file.getChunksFillRate();
            boolean rewrote = store.get().compact(TARGET_FILL_RATE, WRITE_LIMIT);
            return Optional.of(new Outcome(file.size(), before, file.getChunksFillRate(), rewrote));
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot compact the database's file: " + failed.getMessage(), failed);
        }
    }

    private static Optional<MVStore> embeddedStore(Connection connection) throws SQLException {
        if (DatabaseKind.of(connection) != DatabaseKind.H2
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }
}
