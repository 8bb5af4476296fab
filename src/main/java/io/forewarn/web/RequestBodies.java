package io.forewarn.web;

import io.forewarn.yaml.SafeYaml;
import io.forewarn.yaml.YamlValue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies are read as bytes and decoded strictly: a body that is not valid UTF-8 is refused,
 * never patched with replacement characters that would silently change what was sent.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the request body is not valid UTF-8");
        }
    }

    /** A JSON (or YAML) document, read with the same limits and positions as files. */
    static YamlValue document(byte[] body) {
        return SafeYaml.parse("request body", utf8(body));
    }
}
