package io.forewarn.web.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The OpenAPI schemas of the ledger's documents that the ledger's core writes itself ({@code ledger.LedgerExport}). */
public final class LedgerSchemas {

    private LedgerSchemas() {
    }

    @Schema(name = "SignedTreeHead", description = "A signed tree head (RFC 9162): size, time, root hash and Ed25519 "
            + "signature in hex; save it to check the log later")
    public record Head(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long size,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") String timestamp,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String rootHash,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String signature,
                       @Schema(description = "names the signing key; informative only") String keyId) {
    }

    @Schema(name = "LedgerExport", description = "A self-verifying export for 'forewarn ledger verify': the public key, "
            + "entries [from, to) with their leaf hashes, a signed head of size to, the subtree hashes before from, and "
            + "every head published up to to with its consistency proof")
    public record Export(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String format,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "X.509, Base64") String publicKey,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long from,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long to,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Head head,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "hex") List<String> frontier,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Entry> entries,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PublishedHead> heads) {
    }

    @Schema(name = "LedgerExportEntry")
    record Entry(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long index,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String leafHash,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the canonical JSON, exactly as hashed")
                 String body) {
    }

    @Schema(name = "PublishedTreeHead")
    record PublishedHead(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long size,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") String timestamp,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String rootHash,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String signature,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "hex") List<String> consistency) {
    }
}
