package io.forewarn.web.api;

import io.forewarn.ledger.LedgerEntry;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.HexFormat;
import java.util.List;

/** Ledger entries from index {@code from}; {@code next} is the index to ask for next, {@code total} the log's size. */
record LedgerEntries(List<Entry> items, long from, int size, long next, long total) {

    /** One entry: {@code body} is the canonical JSON exactly as hashed into {@code leafHash}. */
    @Schema(name = "LedgerEntry")
    record Entry(long index, String at, String leafHash, String body) {

        static Entry of(LedgerEntry entry) {
            return new Entry(entry.index(), entry.at().toString(), HexFormat.of().formatHex(entry.leafHash()), entry.body());
        }
    }
}
