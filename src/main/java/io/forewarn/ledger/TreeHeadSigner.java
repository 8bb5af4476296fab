package io.forewarn.ledger;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;

/**
 * Signs tree heads with the log's Ed25519 private key over {@link SignedTreeHead#signedBytes}.
 * Ed25519 signatures are deterministic, so signing the same head twice gives the same bytes.
 */
public final class TreeHeadSigner {

    private final PrivateKey key;

    public TreeHeadSigner(PrivateKey key) {
        LedgerKeys.requireEd25519(key);
        this.key = key;
    }

    /** @param timestamp in whole milliseconds (truncate a clock's instant to millis first) */
    public SignedTreeHead sign(long size, byte[] rootHash, Instant timestamp) {
        byte[] message = SignedTreeHead.signedBytes(size, rootHash, timestamp);
        try {
            // a Signature object holds state between update and sign, so each call takes its own
            Signature signature = Signature.getInstance(LedgerKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return new SignedTreeHead(size, rootHash, timestamp, signature.sign());
        } catch (NoSuchAlgorithmException e) {
            throw LedgerKeys.missing(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "TreeHeadSigner[Ed25519]";
    }
}
