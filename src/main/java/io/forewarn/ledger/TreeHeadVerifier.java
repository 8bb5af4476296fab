package io.forewarn.ledger;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;

/**
 * Checks tree head signatures against the log's Ed25519 public key; all an offline verifier
 * needs besides the proofs.
 */
public final class TreeHeadVerifier {

    private final PublicKey key;

    public TreeHeadVerifier(PublicKey key) {
        LedgerKeys.requireEd25519(key);
        this.key = key;
    }

    /** Whether the head's signature is this key's signature over its size, root and timestamp. */
    public boolean verifies(SignedTreeHead head) {
        Objects.requireNonNull(head, "head");
        try {
            Signature signature = Signature.getInstance(LedgerKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update(head.signedBytes());
            return signature.verify(head.signature());
        } catch (SignatureException e) {
            // a malformed signature (e.g. a point not on the curve) is simply not a valid one
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw LedgerKeys.missing(e);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the public key was checked when this verifier was made", e);
        }
    }
}
