package io.forewarn.web.api;

import io.forewarn.ledger.Ledger;
import io.forewarn.ledger.LedgerEntry;
import io.forewarn.ledger.LedgerExport;
import io.forewarn.ledger.LedgerKeyFiles;
import io.forewarn.ledger.server.LedgerDesk;
import io.forewarn.web.openapi.LedgerSchemas;
import io.forewarn.web.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident ledger, read-only, for oversight and the case's readers: the latest signed tree head,
 * the entries, inclusion and consistency proofs (RFC 9162, hashes in hex) that anyone can check with the
 * published public key, and a self-verifying export for {@code forewarn ledger verify}. Entries carry no
 * protected material (only salted digests of it), so every case reader may read them.
 */
@Tag(name = "ledger", description = "The tamper-evident ledger: signed tree heads, entries, proofs, exports")
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private static final HexFormat HEX = HexFormat.of();

    private final LedgerDesk desk;

    LedgerController(LedgerDesk desk) {
        this.desk = desk;
    }

    /** The latest signed tree head; a new one is signed first if the log has grown. Save it to check the log later. */
    @Operation(operationId = "readLedgerHead", summary = "The latest signed tree head")
    @ApiResponse(responseCode = "200", description = "The head", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LedgerSchemas.Head.class)))
    @GetMapping(value = "/head", produces = MediaType.APPLICATION_JSON_VALUE)
    String head() {
        return LedgerExport.headJson(desk.head(), desk.keyId());
    }

    @Operation(operationId = "readLedgerPublicKey", summary = "The public key that signs tree heads (X.509 PEM)")
    @ApiResponse(responseCode = "200", description = "The key", content = @Content(
            mediaType = "application/x-pem-file", schema = @Schema(type = "string")))
    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    String publicKey() {
        return LedgerKeyFiles.publicPem(desk.publicKey());
    }

    @Operation(operationId = "listLedgerEntries", summary = "Entries with their leaf hashes, from an index on")
    /**
     * A page of entries in index order, from the first or after the entry the cursor {@code after} names; {@code body}
     * is the canonical JSON exactly as hashed. One index range per page.
     */
    @GetMapping("/entries")
    Page<LedgerEntries.Entry> entries(@RequestParam(required = false) String after,
                                      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Page.requireSize(size);
        long from = after == null ? 0 : Page.numberKey(after) + 1;
        if (from < 0) {
            throw new IllegalArgumentException("after must be the cursor of a page's next link");
        }
        Ledger ledger = desk.ledger();
        long end = Math.min(ledger.size(), from + size + 1);
        List<LedgerEntry> fetched = ledger.entries(from, Math.max(from, end));
        return Page.of(fetched, size, entry -> Long.toString(entry.index()), LedgerEntries.Entry::of);
    }

    /** The inclusion proof of entry {@code index} in the tree of {@code size} entries (default: the latest head's). */
    @Operation(operationId = "proveInclusion", summary = "The inclusion proof of one entry")
    @GetMapping("/entries/{index}/proof")
    LedgerProofs.Inclusion inclusion(@PathVariable long index, @RequestParam Optional<Long> size) {
        long treeSize = size.orElseGet(() -> desk.head().size());
        Ledger ledger = desk.ledger();
        requireSize(treeSize, ledger.size());
        if (index < 0 || index >= treeSize) {
            throw new NotFound("no entry " + index + " in a tree of size " + treeSize);
        }
        return new LedgerProofs.Inclusion(index, treeSize, HEX.formatHex(ledger.subtrees().subtreeHash(0, index)),
                HEX.formatHex(ledger.root(treeSize)), hex(desk.inclusionProof(index, treeSize)));
    }

    /** The consistency proof from the tree of {@code from} entries to the tree of {@code to} (default: the latest head's). */
    @Operation(operationId = "proveConsistency", summary = "The consistency proof between two tree sizes")
    @GetMapping("/consistency")
    LedgerProofs.Consistency consistency(@RequestParam long from, @RequestParam Optional<Long> to) {
        long newer = to.orElseGet(() -> desk.head().size());
        Ledger ledger = desk.ledger();
        requireSize(newer, ledger.size());
        if (from < 1 || from > newer) {
            throw new IllegalArgumentException("a consistency proof needs 0 < from <= to, not from " + from + ", to " + newer);
        }
        return new LedgerProofs.Consistency(from, newer, HEX.formatHex(ledger.root(from)), HEX.formatHex(ledger.root(newer)),
                hex(desk.consistencyProof(from, newer)));
    }

    /** A self-verifying export of entries [from, to) (default: up to the latest head), for 'forewarn ledger verify'. */
    @Operation(operationId = "exportLedger", summary = "A self-verifying export for 'forewarn ledger verify'")
    @ApiResponse(responseCode = "200", description = "The export", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LedgerSchemas.Export.class)))
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

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
