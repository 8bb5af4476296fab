package io.forewarn.ledger;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Canonicalization Scheme of RFC 8785 (JCS), which makes a ledger entry's bytes, and so
 * its leaf hash, depend only on its content: object members sorted by name, compared as UTF-16
 * code units; no whitespace; strings escaped as ECMAScript's JSON.stringify does; numbers written
 * as ECMAScript writes doubles (see {@link JsonNumbers}); UTF-8 output.
 *
 * <p>Values are Java values: {@link Map} with {@link String} keys, {@link List}, {@link String},
 * {@link Boolean}, {@code null}, and the numbers {@link Integer}, {@link Long}, {@link Short},
 * {@link Byte}, {@link BigInteger}, {@link BigDecimal} and {@link Double}. A JSON number is a
 * double (RFC 8785 §3.2.2.3), so a number is accepted only if the canonical text denotes the same
 * number: 42, 2^53, 0.1 and 12.50 (written 12.5) pass; 2^53 + 1 or a decimal with more precision
 * than a double holds is refused rather than silently changed in the ledger (write it as a
 * string). A {@code Double} is taken as the binary value it is. NaN and the infinities are refused,
 * as are strings with unpaired surrogates, which I-JSON (RFC 7493) forbids.
 *
 * <p>{@link #canonicalize(String)} canonicalizes JSON text as the RFC does, reading every number
 * as the nearest double.
 */
public final class CanonicalJson {

    /** Rejects duplicate member names, which I-JSON forbids, and anything after the value. */
    private static final JsonMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CanonicalJson() {
    }

    /** The canonical form of a Java value as a string. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(value, out);
        return out.toString();
    }

    /** The canonical form of a Java value as UTF-8 bytes, the bytes a ledger entry is hashed over. */
    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical form of JSON text.
     *
     * @throws IllegalArgumentException if the text is not one I-JSON value
     */
    public static String canonicalize(String json) {
        JsonNode tree;
        try {
            tree = READER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid I-JSON: " + e.getOriginalMessage(), e);
        }
        return write(toJava(tree));
    }

    private static Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            node.properties().forEach(member -> members.put(member.getKey(), toJava(member.getValue())));
            return members;
        }
        if (node.isArray()) {
            List<Object> elements = new ArrayList<>();
            node.values().forEach(element -> elements.add(toJava(element)));
            return elements;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            // RFC 8785: a JSON number is the IEEE 754 double nearest to its text
            return node.numberValue().doubleValue();
        }
        if (node.isNull()) {
            return null;
        }
        throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }

    private static void writeValue(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof List<?> list) {
            writeArray(list, out);
        } else if (value instanceof Double d) {
            out.append(JsonNumbers.format(d));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            writeExact(BigDecimal.valueOf(((Number) value).longValue()), value, out);
        } else if (value instanceof BigInteger i) {
            writeExact(new BigDecimal(i), value, out);
        } else if (value instanceof BigDecimal d) {
            writeExact(d, value, out);
        } else {
            throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
        }
    }

    private static void writeExact(BigDecimal number, Object original, StringBuilder out) {
        if (!JsonNumbers.survives(number)) {
            throw new IllegalArgumentException("the number " + original + " would change as a JSON (double) number;"
                    + " record it as a string");
        }
        out.append(JsonNumbers.format(number.doubleValue()));
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        // String.compareTo compares UTF-16 code units, the order RFC 8785 §3.2.3 requires
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw new IllegalArgumentException("a JSON member name must be a string, not " + member.getKey());
            }
            sorted.put(name, member.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(member.getKey(), out);
            out.append(':');
            writeValue(member.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeValue(list.get(i), out);
        }
        out.append(']');
    }

    /**
     * RFC 8785 §3.2.2.2: escape the quote, the backslash and the controls below U+0020 (the five
     * with short forms as \b \t \n \f \r, the rest as lowercase \\u00xx); everything else,
     * including '/' and all non-ASCII, is written as itself.
     */
    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("unpaired surrogate U+" + Integer.toHexString(c).toUpperCase()
                                + " at " + i + " in a JSON string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
