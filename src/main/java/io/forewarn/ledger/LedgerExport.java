package io.forewarn.ledger;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A self-verifying export of entries {@code [from, to)} of the log, for oversight to take away and check
 * offline with {@link ExportVerifier}: everything needed is inside.
 *
 * <pre>
 * {
 *   "format":    "forewarn-ledger-export/1",
 *   "publicKey": the log's Ed25519 public key, X.509 DER in Base64,
 *   "from": I, "to": J,
 *   "head":      the signed tree head of size J (see {@link #headJson}),
 *   "frontier":  [hex, ...]  the hashes of the perfect subtrees covering [0, I), largest first (none for I = 0),
 *   "entries":   [{"index": i, "leafHash": hex, "body": the canonical JSON entry, exactly as hashed}, ...],
 *   "heads":     [{signed head of size S ≤ J the log published, "consistency": [hex, ...] from S to J}, ...]
 * }
 * </pre>
 *
 * The frontier lets a verifier rebuild the root of any size from I to J out of the entries themselves (the
 * "compact range" of the prefix), so a partial export proves its entries against the signed root; the
 * consistency proofs let it check heads published before I. Per-entry inclusion proofs would add log n
 * hashes per entry and prove nothing more: every leaf is recomputed from its body.
 */
public record LedgerExport(byte[] publicKey, long from, long to, SignedTreeHead head, List<byte[]> frontier,
                           List<Entry> entries, List<PublishedHead> heads) {

    public static final String FORMAT = "forewarn-ledger-export/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    public LedgerExport {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(head, "head");
        publicKey = publicKey.clone();
        frontier = List.copyOf(frontier);
        entries = List.copyOf(entries);
        heads = List.copyOf(heads);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** One entry as stored: its index, its canonical JSON and the leaf hash the log recorded for it. */
    public record Entry(long index, String body, byte[] leafHash) {
        public Entry {
            Objects.requireNonNull(body, "body");
            leafHash = leafHash.clone();
        }

        @Override
        public byte[] leafHash() {
            return leafHash.clone();
        }
    }

    /** A head the log published, with the consistency proof from it to the export's head. */
    public record PublishedHead(SignedTreeHead head, List<byte[]> consistency) {
        public PublishedHead {
            consistency = List.copyOf(consistency);
        }
    }

    // --- JSON

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("publicKey", Base64.getEncoder().encodeToString(publicKey));
        root.put("from", from);
        root.put("to", to);
        root.set("head", headNode(head, null));
        root.set("frontier", hexArray(frontier));
        ArrayNode list = root.putArray("entries");
        for (Entry entry : entries) {
            ObjectNode node = list.addObject();
            node.put("index", entry.index());
            node.put("leafHash", HEX.formatHex(entry.leafHash));
            node.put("body", entry.body());
        }
        ArrayNode published = root.putArray("heads");
        for (PublishedHead head : heads) {
            ObjectNode node = headNode(head.head(), null);
            node.set("consistency", hexArray(head.consistency()));
            published.add(node);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * Reads an export.
     *
     * @throws IllegalArgumentException naming the first thing that makes it not an export
     */
    public static LedgerExport parse(String json) {
        JsonNode root = tree(json, "the export");
        if (!FORMAT.equals(text(root, "format"))) {
            throw new IllegalArgumentException("not a " + FORMAT + " document");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text(root, "publicKey"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey is not Base64");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : array(root, "entries")) {
            entries.add(new Entry(number(node, "index"), text(node, "body"), hex(node, "leafHash")));
        }
        List<PublishedHead> heads = new ArrayList<>();
        for (JsonNode node : array(root, "heads")) {
            heads.add(new PublishedHead(head(node), hexList(node, "consistency")));
        }
        return new LedgerExport(key, number(root, "from"), number(root, "to"), head(field(root, "head")),
                hexList(root, "frontier"), entries, heads);
    }

    /**
     * A signed tree head as JSON: {@code {"size", "timestamp" (ISO-8601), "rootHash", "signature" (hex)}}, with
     * {@code "keyId"} naming the key when given (informative only: the signature is what counts). This is
     * what the API serves and what oversight saves to check a later export against.
     */
    public static String headJson(SignedTreeHead head, String keyId) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(headNode(head, keyId)) + "\n";
    }

    /** Reads a head written by {@link #headJson}. */
    public static SignedTreeHead parseHead(String json) {
        return head(tree(json, "the tree head"));
    }

    private static ObjectNode headNode(SignedTreeHead head, String keyId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("size", head.size());
        node.put("timestamp", head.timestamp().toString());
        node.put("rootHash", HEX.formatHex(head.rootHash()));
        node.put("signature", HEX.formatHex(head.signature()));
        if (keyId != null) {
            node.put("keyId", keyId);
        }
        return node;
    }

    private static SignedTreeHead head(JsonNode node) {
        try {
            return new SignedTreeHead(number(node, "size"), hex(node, "rootHash"), Instant.parse(text(node, "timestamp")),
                    hex(node, "signature"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a tree head's timestamp is not an ISO-8601 instant");
        }
    }

    private static JsonNode tree(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isString()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a string");
        }
        return value.stringValue();
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a whole number");
        }
        return value.longValue();
    }

    private static byte[] hex(JsonNode node, String name) {
        try {
            return HEX.parseHex(text(node, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not hex");
        }
    }

    private static List<JsonNode> array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a list");
        }
        List<JsonNode> items = new ArrayList<>();
        value.values().forEach(items::add);
        return items;
    }

    private static List<byte[]> hexList(JsonNode node, String name) {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode item : array(node, name)) {
            if (!item.isString()) {
                throw new IllegalArgumentException("\"" + name + "\" holds something other than hex strings");
            }
            try {
                hashes.add(HEX.parseHex(item.stringValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + name + "\" holds something other than hex strings");
            }
        }
        return hashes;
    }

    private static ArrayNode hexArray(List<byte[]> hashes) {
        ArrayNode array = JSON.createArrayNode();
        hashes.forEach(hash -> array.add(HEX.formatHex(hash)));
        return array;
    }
}
