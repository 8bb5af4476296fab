package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.ledger.server.HeadPublisher;
import io.forewarn.server.ForewarnServer;
import io.forewarn.ledger.ConsistencyProofs;
import io.forewarn.ledger.ExportVerifier;
import io.forewarn.ledger.InclusionProofs;
import io.forewarn.ledger.LedgerExport;
import io.forewarn.ledger.Rfc9162Hasher;
import io.forewarn.ledger.SignedTreeHead;
import io.forewarn.ledger.TreeHeadVerifier;
import io.forewarn.ledger.LedgerKeyFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.forewarn.policy.Role.ANALYST;
import static io.forewarn.policy.Role.OVERSIGHT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger over the API, checked the way oversight would: with the published public key and the ledger
 * core's verifiers only. Heads verify, inclusion and consistency proofs verify against them, the export
 * verifies offline, and the witness file gets the signed heads.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    @LocalServerPort
    int port;

    @Autowired
    HeadPublisher publisher;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.ledger.publish-interval", () -> "PT0.2S");
    }

    @BeforeEach
    void theCrocusCaseIsOnFile() {
        for (String party : Reports.CROCUS_PARTIES) {
            Http.call(port, ANALYST, "POST", "/api/v1/parties", "application/json", party);
        }
        Http.call(port, ANALYST, "POST", "/api/v1/reports", "application/json", Reports.crocus("R-1"));
    }

    @Test
    void headsAndProofsVerifyWithThePublishedKey() {
        PublicKey key = LedgerKeyFiles.parsePublic(get("/api/v1/ledger/public-key"), "the API");
        TreeHeadVerifier verifier = new TreeHeadVerifier(key);
        SignedTreeHead first = LedgerExport.parseHead(get("/api/v1/ledger/head"));
        assertThat(verifier.verifies(first)).isTrue();
        assertThat(first.size()).isPositive();
        assertThat(LedgerExport.parseHead(get("/api/v1/ledger/head"))).as("nothing new, the same head").isEqualTo(first);

        Http.call(port, ANALYST, "POST", "/api/v1/reports", "application/json", Reports.crocus("R-" + Instant.now().toEpochMilli()));
        SignedTreeHead second = LedgerExport.parseHead(get("/api/v1/ledger/head"));
        assertThat(verifier.verifies(second)).isTrue();
        assertThat(second.size()).isGreaterThan(first.size());

        for (long index = 0; index < second.size(); index += 3) {
            JsonNode proof = JSON.readTree(get("/api/v1/ledger/entries/" + index + "/proof?size=" + second.size()));
            JsonNode entry = JSON.readTree(get("/api/v1/ledger/entries?size=1" + (index == 0 ? "" : "&after=" + Base64.getUrlEncoder()
                    .withoutPadding().encodeToString(Long.toString(index - 1).getBytes(StandardCharsets.UTF_8))))).get("items").get(0);
            byte[] leaf = Rfc9162Hasher.SHA_256.leafHash(entry.get("body").stringValue().getBytes(StandardCharsets.UTF_8));
            assertThat(HEX.formatHex(leaf)).isEqualTo(proof.get("leafHash").stringValue());
            InclusionProofs.verify(Rfc9162Hasher.SHA_256, index, second.size(), leaf, hashes(proof.get("proof")), second.rootHash());
        }
        JsonNode consistency = JSON.readTree(get("/api/v1/ledger/consistency?from=" + first.size() + "&to=" + second.size()));
        ConsistencyProofs.verify(Rfc9162Hasher.SHA_256, first.size(), second.size(), first.rootHash(), second.rootHash(),
                hashes(consistency.get("proof")));

        LedgerExport export = LedgerExport.parse(get("/api/v1/ledger/export"));
        ExportVerifier.Outcome outcome = ExportVerifier.verify(export, Optional.of(first), Optional.of(key));
        assertThat(outcome.verified()).as(outcome.message()).isTrue();
    }

    @Test
    void entriesCarryDigestsOfProtectedMaterialNeverTheMaterial() {
        String entries = get("/api/v1/ledger/entries?size=500");
        assertThat(entries).contains("report-received").contains("\\\"protected\\\":[");
        for (String secret : Reports.PROTECTED) {
            assertThat(entries.toLowerCase()).doesNotContain(secret.toLowerCase());
        }
    }

    @Test
    void signedHeadsAreWrittenToTheWitnessFile() throws Exception {
        SignedTreeHead head = LedgerExport.parseHead(get("/api/v1/ledger/head"));
        PublicKey key = LedgerKeyFiles.parsePublic(get("/api/v1/ledger/public-key"), "the API");
        Poll.until(Duration.ofSeconds(10), () -> witnessed().stream()
                        .anyMatch(h -> h.size() >= head.size() && new TreeHeadVerifier(key).verifies(h)),
                () -> "no signed head of size " + head.size() + " or more in the witness file: " + witnessed());
        assertThat(lines()).allMatch(line -> line.contains("\"keyId\":\"sha256:"));
    }

    @Test
    void badProofRequestsAreProblemsNotErrors() {
        assertThat(Http.call(port, OVERSIGHT, "GET", "/api/v1/ledger/entries/100000/proof", null, null).status())
                .isEqualTo(404);
        assertThat(Http.call(port, OVERSIGHT, "GET", "/api/v1/ledger/consistency?from=0", null, null).status())
                .isEqualTo(400);
        assertThat(Http.call(port, OVERSIGHT, "GET", "/api/v1/ledger/consistency?from=1&to=100000", null, null).status())
                .isEqualTo(400);
    }

    private List<SignedTreeHead> witnessed() {
        try {
            return lines().stream().map(LedgerExport::parseHead).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines() throws IOException {
        return Files.exists(publisher.file()) ? Files.readAllLines(publisher.file()) : List.of();
    }

    private String get(String path) {
        Http.Reply answer = Http.call(port, OVERSIGHT, "GET", path, null, null);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.values().forEach(node -> hashes.add(HEX.parseHex(node.stringValue())));
        return hashes;
    }
}
