package io.forewarn.ledger;

import io.forewarn.OutsideTheRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static io.forewarn.ledger.TestTrees.SHA_256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Conformance with the transparency-dev/merkle test vectors in the shared standards folder: every
 * happy path verifies, every other file is rejected, and our proofs for the happy paths are the
 * vectors' proofs byte for byte. Without the shared folder beside the clone the class is skipped, or fails
 * under {@code -Dforewarn.shared.required=true}.
 */
class MerkleTestVectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Set before any test (or parameter source) of the class reads it, or the class is skipped. */
    private static Path testdata;

    @BeforeAll
    static void theVectorsAreBesideTheClone() {
        testdata = OutsideTheRepository.sharedFolder("standards/merkle-testvectors/testdata", MerkleTestVectorsTest.class);
    }

    static Stream<String> vectorFiles() throws IOException {
        try (Stream<Path> files = Files.walk(testdata)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> testdata.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorFiles")
    void verifierAgreesWithTheVector(String file) throws IOException {
        JsonNode vector = read(file);
        boolean wantErr = vector.get("wantErr").booleanValue();
        Runnable verification = file.startsWith("inclusion/") ? () -> verifyInclusion(vector) : () -> verifyConsistency(vector);

        if (wantErr) {
            assertThatThrownBy(verification::run).as("%s must be rejected", file).isInstanceOf(ProofException.class);
        } else {
            assertThatCode(verification::run).as("%s must verify", file).doesNotThrowAnyException();
        }
    }

    @Test
    void bothFoldersAreThereWithHappyPathsAndRejections() throws IOException {
        List<String> files = vectorFiles().toList();
        for (String kind : List.of("inclusion/", "consistency/")) {
            List<String> ofKind = files.stream().filter(file -> file.startsWith(kind)).toList();
            assertThat(ofKind).as(kind).hasSizeGreaterThan(50);
            assertThat(ofKind).as(kind).filteredOn(file -> file.endsWith("/happy-path.json")).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    /** The numbered folders' happy paths come from the RFC 6962 reference tree; our proofs must be theirs. */
    @Test
    void generatedProofsEqualTheHappyPathProofs() throws IOException {
        InMemoryMerkleTree tree = TestTrees.rfc6962Tree();
        List<String> checked = new ArrayList<>();
        for (String file : vectorFiles().filter(f -> f.matches("(inclusion|consistency)/\\d+/happy-path\\.json")).toList()) {
            JsonNode vector = read(file);
            if (file.startsWith("inclusion/")) {
                long index = vector.get("leafIdx").longValue();
                long size = vector.get("treeSize").longValue();
                assertThat(tree.leafHash(index)).as(file).isEqualTo(hash(vector, "leafHash"));
                assertThat(tree.root(size)).as(file).isEqualTo(hash(vector, "root"));
                assertThat(tree.inclusionProof(index, size)).as(file).containsExactlyElementsOf(proof(vector));
            } else {
                long size1 = vector.get("size1").longValue();
                long size2 = vector.get("size2").longValue();
                assertThat(tree.root(size1)).as(file).isEqualTo(hash(vector, "root1"));
                assertThat(tree.root(size2)).as(file).isEqualTo(hash(vector, "root2"));
                assertThat(tree.consistencyProof(size1, size2)).as(file).containsExactlyElementsOf(proof(vector));
            }
            checked.add(file);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(10);
    }

    private static void verifyInclusion(JsonNode vector) {
        InclusionProofs.verify(SHA_256, unsigned(vector, "leafIdx"), unsigned(vector, "treeSize"),
                hash(vector, "leafHash"), proof(vector), hash(vector, "root"));
    }

    private static void verifyConsistency(JsonNode vector) {
        ConsistencyProofs.verify(SHA_256, unsigned(vector, "size1"), unsigned(vector, "size2"),
                hash(vector, "root1"), hash(vector, "root2"), proof(vector));
    }

    /** The vectors hold Go uint64s; 2^64 - 1 arrives as a BigInteger and keeps its low 64 bits (-1), as in Go. */
    private static long unsigned(JsonNode vector, String field) {
        return vector.get(field).numberValue().longValue();
    }

    private static byte[] hash(JsonNode vector, String field) {
        return Base64.getDecoder().decode(vector.get(field).stringValue());
    }

    /** A JSON null proof (Go's nil slice) is the empty proof. */
    private static List<byte[]> proof(JsonNode vector) {
        JsonNode proof = vector.get("proof");
        List<byte[]> hashes = new ArrayList<>();
        if (proof != null && !proof.isNull()) {
            proof.values().forEach(element -> hashes.add(Base64.getDecoder().decode(element.stringValue())));
        }
        return hashes;
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(testdata.resolve(file)));
    }
}
