/**
 * The tamper-evident ledger's core: a Merkle log as in RFC 9162, signed tree heads, and the
 * canonical bytes its entries are hashed over.
 *
 * <ul>
 *   <li>{@link io.forewarn.ledger.LogHasher} / {@link io.forewarn.ledger.Rfc9162Hasher}: the leaf
 *       and node hashes (SHA-256 over 0x00 ‖ entry and 0x01 ‖ left ‖ right).
 *   <li>{@link io.forewarn.ledger.TreeHash}, {@link io.forewarn.ledger.InclusionProofs},
 *       {@link io.forewarn.ledger.ConsistencyProofs}: pure functions of sizes, indices and hashes
 *       that compute roots and proofs from {@link io.forewarn.ledger.SubtreeHashes} and verify
 *       proofs, throwing {@link io.forewarn.ledger.ProofException} with a reason. An offline
 *       verifier needs only these, the hasher and {@link io.forewarn.ledger.TreeHeadVerifier}.
 *   <li>{@link io.forewarn.ledger.TreeAppend}: the one append routine, which every store of hashes
 *       uses; {@link io.forewarn.ledger.InMemoryMerkleTree}: the hashes of all complete subtrees in
 *       memory, so any root or proof, present or past, takes O(log n).
 *   <li>{@link io.forewarn.ledger.Ledger}: the log as its readers, provers and publishers see it,
 *       kept in memory ({@link io.forewarn.ledger.InMemoryLedger}) or in the database
 *       ({@code ledger.jdbc}); {@link io.forewarn.ledger.LedgerEvent#body} is the one rendering of an
 *       entry, and {@link io.forewarn.ledger.LedgerExporter} exports either kind.
 *   <li>{@link io.forewarn.ledger.SignedTreeHead}, {@link io.forewarn.ledger.TreeHeadSigner},
 *       {@link io.forewarn.ledger.TreeHeadVerifier}, {@link io.forewarn.ledger.LedgerKeys}: Ed25519
 *       signatures over a fixed 64-byte encoding of (size, timestamp, root).
 *   <li>{@link io.forewarn.ledger.CanonicalJson} (RFC 8785) for entry bytes, and
 *       {@link io.forewarn.ledger.SaltedHash} for protected material that must never be in clear.
 * </ul>
 *
 * Plain Java: no framework, no I/O (key files aside: {@link io.forewarn.ledger.LedgerKeyFiles}). Conformance is checked against the transparency-dev/merkle
 * test vectors in the shared standards folder.
 */
package io.forewarn.ledger;
