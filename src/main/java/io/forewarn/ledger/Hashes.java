package io.forewarn.ledger;

import io.forewarn.ledger.ProofException.Reason;

import java.util.HexFormat;
import java.util.List;

/** Checks and printing for hashes that arrive from outside, shared by the proof verifiers. */
final class Hashes {

    private Hashes() {
    }

    static void requireLength(LogHasher hasher, byte[] hash, String what) {
        if (hash == null || hash.length != hasher.size()) {
            throw new ProofException(Reason.BAD_HASH_LENGTH, what + " is "
                    + (hash == null ? "missing" : hash.length + " bytes") + ", not " + hasher.size());
        }
    }

    static void requireLengths(LogHasher hasher, List<byte[]> proof) {
        for (int i = 0; i < proof.size(); i++) {
            requireLength(hasher, proof.get(i), "proof hash " + i);
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
