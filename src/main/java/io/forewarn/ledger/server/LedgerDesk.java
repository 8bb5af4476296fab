package io.forewarn.ledger.server;

import io.forewarn.ledger.LedgerExport;
import io.forewarn.ledger.SignedTreeHead;
import io.forewarn.ledger.TreeHeadSigner;
import io.forewarn.ledger.Ledger;
import io.forewarn.ledger.LedgerExporter;
import io.forewarn.ledger.LedgerKeyFiles;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The server's side of the ledger: the log in the database and the key pair that signs its heads. Reads
 * only, apart from publishing a signed head when the log has grown.
 */
public final class LedgerDesk {

    private final Ledger ledger;
    private final KeyPair keys;
    private final TreeHeadSigner signer;
    private final Clock clock;

    LedgerDesk(Ledger ledger, KeyPair keys, Clock clock) {
        this.ledger = ledger;
        this.keys = keys;
        this.signer = new TreeHeadSigner(keys.getPrivate());
        this.clock = clock;
    }

    public Ledger ledger() {
        return ledger;
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String keyId() {
        return LedgerKeyFiles.fingerprint(keys.getPublic());
    }

    /** The latest signed head, signed and stored first when the log has grown since the last one. */
    public SignedTreeHead head() {
        return ledger.publishHead(signer);
    }

    /** Entries {@code [from, to)} with the proofs that make them self-verifying; {@code to} defaults to the latest head. */
    public LedgerExport export(long from, Optional<Long> to) {
        long end = to.orElseGet(() -> head().size());
        return new LedgerExporter(ledger, clock).export(from, end, keys.getPublic(), Optional.of(signer));
    }

    public List<byte[]> inclusionProof(long index, long size) {
        return ledger.inclusionProof(index, size);
    }

    public List<byte[]> consistencyProof(long from, long to) {
        return ledger.consistencyProof(from, to);
    }
}
