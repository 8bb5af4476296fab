package io.forewarn.web.api;

import io.forewarn.yaml.FileProblem;
import io.forewarn.yaml.SafeJson;
import io.forewarn.yaml.YamlValue;
import org.springframework.http.MediaType;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies are read as bytes and decoded strictly: a body that is not valid UTF-8 is refused,
 * never patched with replacement characters that would silently change what was sent.
 */
final class RequestBodies {

    /** How problems name the body: "request body:3:14: ...". */
    static final String SOURCE = "request body";

    private RequestBodies() {
    }

    /** The body as text; not UTF-8 is a problem at the line and column (counted in bytes) where it goes wrong. */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < in.position(); i++) {
                if (body[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new FileProblem(SOURCE, line, in.position() - lineStart + 1,
                    "not valid UTF-8 (byte " + in.position() + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** A JSON document, read with the same limits and positions as files; its problems speak of JSON. */
    static YamlValue document(byte[] body) {
        return SafeJson.parse(SOURCE, utf8(body));
    }

    /** The {@code note} of an optional {@code {note}} body (a decision's), empty when no body or no note is sent. */
    static String optionalNote(byte[] body) {
        return body == null || utf8(body).isBlank() ? ""
                : document(body).asMap().allowOnly("note").optionalString("note").orElse("");
    }

    /**
     * The text of a document that may be YAML or JSON (a policy, a scenario), for the readers of those
     * files; one sent as JSON is first read as JSON, so a broken one is told so in JSON's terms.
     */
    static String yamlOrJson(byte[] body, String contentType) {
        String text = utf8(body);
        if (contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            SafeJson.parse(SOURCE, text);
        }
        return text;
    }
}
