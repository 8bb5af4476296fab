package io.forewarn.web.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Proofs of the ledger (RFC 9162), hashes in hex, that anyone can check against a signed tree head. */
final class LedgerProofs {

    private LedgerProofs() {
    }

    /** That entry {@code index} is in the tree of {@code treeSize} entries whose root is {@code rootHash}. */
    @Schema(name = "InclusionProof")
    record Inclusion(long index, long treeSize, String leafHash, String rootHash, List<String> proof) {
    }

    /** That the tree of {@code to} entries extends the tree of {@code from}. */
    @Schema(name = "ConsistencyProof")
    record Consistency(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {
    }
}
