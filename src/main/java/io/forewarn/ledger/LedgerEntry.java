package io.forewarn.ledger;

import java.time.Instant;
import java.util.Objects;

/** One entry of the log: its index, when it was made, its canonical JSON body and that body's leaf hash. */
public record LedgerEntry(long index, Instant at, String body, byte[] leafHash) {

    public LedgerEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(body, "body");
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }
}
