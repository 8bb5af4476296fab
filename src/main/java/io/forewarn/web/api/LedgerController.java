package io.forewarn.web.api;

import io.forewarn.ledger.server.LedgerDesk;
import io.forewarn.web.problem.NotFound;
import io.forewarn.ledger.LedgerExport;
import io.forewarn.ledger.Ledger;
import io.forewarn.ledger.LedgerEntry;
import io.forewarn.ledger.LedgerKeyFiles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tamper-evident ledger, read-only, for oversight and the case's readers: the latest signed tree head,
 * the entries, inclusion and consistency proofs (RFC 9162, hashes in hex) that anyone can check with the
 * published public key, and a self-verifying export for {@code forewarn ledger verify}. Entries carry no
 * protected material (only salted digests of it), so every case reader may read them.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private static final HexFormat HEX = HexFormat.of();

    private final LedgerDesk desk;

    LedgerController(LedgerDesk desk) {
        this.desk = desk;
    }

    /** The latest signed tree head; a new one is signed first if the log has grown. Save it to check the log later. */
    @GetMapping(value = "/head", produces = MediaType.APPLICATION_JSON_VALUE)
    String head() {
        return LedgerExport.headJson(desk.head(), desk.keyId());
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    String publicKey() {
        return LedgerKeyFiles.publicPem(desk.publicKey());
    }

    /**
     * A page of entries in index order, from the first or after the entry the cursor {@code after} names; {@code body}
     * is the canonical JSON exactly as hashed. One index range per page.
     */
    @GetMapping("/entries")
    Page<Map<String, Object>> entries(@RequestParam(required = false) String after,
                                      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Page.requireSize(size);
        long from = after == null ? 0 : Page.numberKey(after) + 1;
        if (from < 0) {
            throw new IllegalArgumentException("after must be the cursor of a page's next link");
        }
        Ledger ledger = desk.ledger();
        long end = Math.min(ledger.size(), from + size + 1);
        List<LedgerEntry> fetched = ledger.entries(from, Math.max(from, end));
        return Page.of(fetched, size, entry -> Long.toString(entry.index()), LedgerController::entry);
    }

    /** The inclusion proof of entry {@code index} in the tree of {@code size} entries (default: the latest head's). */
    @GetMapping("/entries/{index}/proof")
    Map<String, Object> inclusion(@PathVariable long index, @RequestParam Optional<Long> size) {
        long treeSize = size.orElseGet(() -> desk.head().size());
        Ledger ledger = desk.ledger();
        requireSize(treeSize, ledger.size());
        if (index < 0 || index >= treeSize) {
            throw new NotFound("no entry " + index + " in a tree of size " + treeSize);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("index", index);
        view.put("treeSize", treeSize);
        view.put("leafHash", HEX.formatHex(ledger.subtrees().subtreeHash(0, index)));
        view.put("rootHash", HEX.formatHex(ledger.root(treeSize)));
        view.put("proof", hex(desk.inclusionProof(index, treeSize)));
        return view;
    }

    /** The consistency proof from the tree of {@code from} entries to the tree of {@code to} (default: the latest head's). */
    @GetMapping("/consistency")
    Map<String, Object> consistency(@RequestParam long from, @RequestParam Optional<Long> to) {
        long newer = to.orElseGet(() -> desk.head().size());
        Ledger ledger = desk.ledger();
        requireSize(newer, ledger.size());
        if (from < 1 || from > newer) {
            throw new IllegalArgumentException("a consistency proof needs 0 < from <= to, not from " + from + ", to " + newer);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", from);
        view.put("to", newer);
        view.put("fromRootHash", HEX.formatHex(ledger.root(from)));
        view.put("toRootHash", HEX.formatHex(ledger.root(newer)));
        view.put("proof", hex(desk.consistencyProof(from, newer)));
        return view;
    }

    /** A self-verifying export of entries [from, to) (default: up to the latest head), for 'forewarn ledger verify'. */
    @GetMapping(value = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> export(@RequestParam(defaultValue = "0") long from, @RequestParam Optional<Long> to) {
        LedgerExport export = desk.export(from, to);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"ledger-" + export.from() + "-" + export.to() + ".json\"")
                .body(export.toJson());
    }

    private static void requireSize(long size, long current) {
        if (size < 0 || size > current) {
            throw new IllegalArgumentException("the tree size must be between 0 and the log's size " + current + ", not " + size);
        }
    }

    private static Map<String, Object> entry(LedgerEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("index", entry.index());
        view.put("at", entry.at().toString());
        view.put("leafHash", HEX.formatHex(entry.leafHash()));
        view.put("body", entry.body());
        return view;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
