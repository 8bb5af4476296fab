package io.forewarn.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Random;

import static io.forewarn.ledger.TestTrees.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TreeHeadSigningTest {

    private static final KeyPair KEYS = LedgerKeys.generate();
    private static final TreeHeadSigner SIGNER = new TreeHeadSigner(KEYS.getPrivate());
    private static final TreeHeadVerifier VERIFIER = new TreeHeadVerifier(KEYS.getPublic());
    private static final Instant AT = Instant.parse("2024-03-07T20:00:00.123Z");

    @Test
    void aSignedHeadVerifiesWithItsPublicKey() {
        SignedTreeHead head = SIGNER.sign(1_000_000, root(1), AT);

        assertThat(VERIFIER.verifies(head)).isTrue();
        assertThat(head.size()).isEqualTo(1_000_000);
        assertThat(head.rootHash()).isEqualTo(root(1));
        assertThat(head.timestamp()).isEqualTo(AT);
        assertThat(head.signature()).hasSize(64);
    }

    @Test
    void signingIsDeterministic() {
        assertThat(SIGNER.sign(7, root(2), AT)).isEqualTo(SIGNER.sign(7, root(2), AT));
    }

    @Test
    void theSignedBytesAreTheDocumentedLayout() {
        byte[] root = new byte[32];
        root[31] = (byte) 0xff;

        assertThat(hex(SignedTreeHead.signedBytes(0x0102, root, Instant.ofEpochMilli(0x0304))))
                .isEqualTo(hex("forewarn-sth-v1".getBytes(StandardCharsets.US_ASCII)) + "00"
                        + "0000000000000102" + "0000000000000304" + "00".repeat(31) + "ff");
    }

    @Test
    void changingAnyByteOfSizeTimestampRootOrSignatureBreaksIt() {
        byte[] encoded = SIGNER.sign(123_456_789, root(3), AT).encode();
        assertThat(encoded).hasSize(SignedTreeHead.ENCODED_BYTES);

        for (int position = 0; position < encoded.length; position++) {
            for (int flip : new int[] {0x01, 0x80}) {
                byte[] changed = encoded.clone();
                changed[position] ^= (byte) flip;
                assertThat(decodesAndVerifies(changed)).as("byte %s xor %s", position, flip).isFalse();
            }
        }
        assertThat(decodesAndVerifies(encoded)).isTrue();
    }

    @Test
    void anotherKeyDoesNotVerifyIt() {
        SignedTreeHead head = SIGNER.sign(5, root(4), AT);

        assertThat(new TreeHeadVerifier(LedgerKeys.generate().getPublic()).verifies(head)).isFalse();
    }

    @Test
    void encodedHeadRoundTrips() {
        SignedTreeHead head = SIGNER.sign(0, TestTrees.SHA_256.emptyRoot(), Instant.ofEpochMilli(-1));

        assertThat(SignedTreeHead.decode(head.encode())).isEqualTo(head);
        assertThat(VERIFIER.verifies(SignedTreeHead.decode(head.encode()))).isTrue();
    }

    @Test
    void keysRoundTripThroughPkcs8AndSubjectPublicKeyInfo() {
        byte[] privateDer = LedgerKeys.encodePrivate(KEYS.getPrivate());
        byte[] publicDer = LedgerKeys.encodePublic(KEYS.getPublic());

        TreeHeadSigner loadedSigner = new TreeHeadSigner(LedgerKeys.decodePrivate(privateDer));
        TreeHeadVerifier loadedVerifier = new TreeHeadVerifier(LedgerKeys.decodePublic(publicDer));

        assertThat(LedgerKeys.encodePrivate(LedgerKeys.decodePrivate(privateDer))).isEqualTo(privateDer);
        assertThat(LedgerKeys.encodePublic(LedgerKeys.decodePublic(publicDer))).isEqualTo(publicDer);
        assertThat(loadedVerifier.verifies(SIGNER.sign(9, root(5), AT))).isTrue();
        assertThat(VERIFIER.verifies(loadedSigner.sign(9, root(5), AT))).isTrue();
    }

    /**
     * RFC 8032 §7.1 TEST 1, wrapped in the standard DER headers: a key from elsewhere loads here
     * and signs as the RFC says, so the encodings are the ones other tools use.
     */
    @Test
    void rfc8032TestKeyLoadsFromItsStandardEncodings() throws Exception {
        String secret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        String publicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        String signatureOfEmptyMessage = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

        var privateKey = LedgerKeys.decodePrivate(TestTrees.hex("302e020100300506032b657004220420" + secret));
        var publicKeyDecoded = LedgerKeys.decodePublic(TestTrees.hex("302a300506032b6570032100" + publicKey));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        assertThat(hex(signer.sign())).isEqualTo(signatureOfEmptyMessage);
        assertThat(hex(LedgerKeys.encodePublic(publicKeyDecoded))).endsWith(publicKey);
    }

    @Test
    void refusesKeysThatAreNotEd25519() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        assertThatIllegalArgumentException().isThrownBy(() -> new TreeHeadSigner(ed448.getPrivate()));
        assertThatIllegalArgumentException().isThrownBy(() -> new TreeHeadVerifier(ed448.getPublic()));
        assertThatIllegalArgumentException().isThrownBy(() -> LedgerKeys.decodePrivate(ed448.getPrivate().getEncoded()));
        assertThatIllegalArgumentException().isThrownBy(() -> LedgerKeys.decodePublic(ed448.getPublic().getEncoded()));
        assertThatIllegalArgumentException().isThrownBy(() -> LedgerKeys.decodePublic(rsa.getPublic().getEncoded()));
        assertThatIllegalArgumentException().isThrownBy(() -> LedgerKeys.decodePrivate(new byte[] {1, 2, 3}));
        assertThatIllegalArgumentException().isThrownBy(() -> LedgerKeys.decodePublic(LedgerKeys.encodePrivate(KEYS.getPrivate())));
    }

    @Test
    void refusesHeadsItCouldNotSignFaithfully() {
        assertThatIllegalArgumentException().isThrownBy(() -> SIGNER.sign(-1, root(6), AT));
        assertThatIllegalArgumentException().isThrownBy(() -> SIGNER.sign(1, new byte[31], AT));
        assertThatIllegalArgumentException().isThrownBy(() -> SIGNER.sign(1, root(6), AT.plusNanos(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> SignedTreeHead.decode(new byte[127]));
    }

    @Test
    void headIsImmutable() {
        byte[] root = root(7);
        SignedTreeHead head = SIGNER.sign(1, root, AT);

        root[0] ^= 1;
        head.rootHash()[0] ^= 1;
        head.signature()[0] ^= 1;

        assertThat(VERIFIER.verifies(head)).isTrue();
    }

    private static boolean decodesAndVerifies(byte[] encoded) {
        try {
            return VERIFIER.verifies(SignedTreeHead.decode(encoded));
        } catch (IllegalArgumentException notAHead) {
            return false;
        }
    }

    private static byte[] root(long seed) {
        byte[] root = new byte[32];
        new Random(seed).nextBytes(root);
        return root;
    }
}
