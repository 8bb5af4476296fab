package io.forewarn.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one YAML document into positioned nodes, and nothing more: it composes (never constructs,
 * so no tag can ever instantiate a class), within {@link YamlLimits}, and turns every failure into
 * a {@link FileProblem} that names the file, line and column.
 *
 * <p>It runs SnakeYAML's composer directly rather than through {@code Yaml#compose}, which does
 * the same thing, so that it can remember where parsing had got to when a limit without a position
 * of its own (aliases, nesting) is hit.
 */
public final class SafeYaml {

    private static final String GLOBAL_TAG = "Global tag is not allowed:";

    private SafeYaml() {
    }

    public static YamlValue load(Path file) {
        return load(file, YamlLimits.DEFAULT);
    }

    /** Refuses a file above the byte limit before reading it, and never reads more than the limit. */
    public static YamlValue load(Path file, YamlLimits limits) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw FileProblem.ofWholeFile(name, Files.exists(file) ? "not a regular file" : "no such file", null);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw tooLarge(name, size + " bytes; the limit is " + limits.maxBytes() + " bytes");
            }
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        } catch (NoSuchFileException e) {
            throw FileProblem.ofWholeFile(name, "no such file", e);
        } catch (IOException e) {
            throw FileProblem.ofWholeFile(name, "cannot read the file (" + e.getClass().getSimpleName() + ")", e);
        }
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge(name, "more than the limit of " + limits.maxBytes() + " bytes");
        }
        return parse(name, decodeUtf8(name, bytes), limits);
    }

    public static YamlValue parse(String sourceName, Reader content) {
        return parse(sourceName, content, YamlLimits.DEFAULT);
    }

    /** Reads at most the code-point limit (plus one character, to tell) from the reader. */
    public static YamlValue parse(String sourceName, Reader content, YamlLimits limits) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        long readLimit = 2L * limits.maxCodePoints() + 1; // UTF-16 needs at most two chars per code point
        try {
            for (int n; (n = content.read(buffer)) != -1; ) {
                text.append(buffer, 0, n);
                if (text.length() > readLimit) {
                    throw tooLarge(sourceName, "more than the limit of " + limits.maxCodePoints() + " characters");
                }
            }
        } catch (IOException e) {
            throw FileProblem.ofWholeFile(sourceName, "cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
        return parse(sourceName, text.toString(), limits);
    }

    public static YamlValue parse(String sourceName, String content) {
        return parse(sourceName, content, YamlLimits.DEFAULT);
    }

    public static YamlValue parse(String sourceName, String content, YamlLimits limits) {
        if (content.length() > limits.maxCodePoints()
                && content.codePointCount(0, content.length()) > limits.maxCodePoints()) {
            throw tooLarge(sourceName, "more than the limit of " + limits.maxCodePoints() + " characters");
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        Node root = compose(sourceName, text, limits);
        if (root == null) {
            throw FileProblem.ofWholeFile(sourceName, "the file is empty; expected a YAML document", null);
        }
        NodeGuard.check(sourceName, root, limits);
        return new YamlValue(sourceName, root, "");
    }

    private static Node compose(String sourceName, String text, YamlLimits limits) {
        LoaderOptions options = options(limits);
        TrackingParser parser =
                new TrackingParser(new ParserImpl(new StreamReader(text), options), limits.maxNodes());
        try {
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            throw marked(sourceName, e);
        } catch (ReaderException e) {
            int[] position = LineColumn.of(text, e.getPosition());
            throw new FileProblem(sourceName, position[0], position[1],
                    String.format("character U+%04X is not allowed in YAML", e.getCodePoint()), e);
        } catch (YAMLException e) {
            Mark near = parser.lastMark();
            int line = near == null ? 1 : near.getLine() + 1;
            int column = near == null ? 1 : near.getColumn() + 1;
            throw new FileProblem(sourceName, line, column, unmarkedProblem(e, limits), e);
        }
    }

    private static LoaderOptions options(YamlLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(limits.maxCodePoints());
        options.setAllowDuplicateKeys(false); // enforced by the constructor only; NodeGuard checks it here
        options.setMergeOnCompose(false);
        options.setProcessComments(false);
        options.setTagInspector(tag -> false); // no global tag ever names a class
        return options;
    }

    private static FileProblem marked(String sourceName, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        if (context.startsWith("expected a single document")) {
            problem = "a file holds exactly one YAML document, and another one starts here";
        } else if (problem.startsWith(GLOBAL_TAG)) {
            problem = NodeGuard.tagNotAllowed(problem.substring(GLOBAL_TAG.length()).strip());
        } else if (e.getContext() != null && e.getContextMark() != null && e.getContextMark() != mark) {
            problem += " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1)
                    + ", column " + (e.getContextMark().getColumn() + 1) + ")";
        } else if (e.getContext() != null) {
            problem = e.getContext() + ": " + problem;
        }
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        return new FileProblem(sourceName, line, column, problem.replaceAll("\\s+", " ").trim(), e);
    }

    /** SnakeYAML's limit messages carry no position and name its own settings; say what they mean. */
    private static String unmarkedProblem(YAMLException e, YamlLimits limits) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Number of aliases")) {
            return "more than " + limits.maxAliases() + " aliases to lists or maps (refused: this is how "
                    + "billion-laughs documents blow up)";
        }
        if (message.startsWith("Nesting Depth")) {
            return "nested more than " + limits.maxDepth() + " levels deep";
        }
        if (e instanceof TrackingParser.TooManyValues) {
            return "the document holds more than " + limits.maxNodes() + " values";
        }
        if (message.contains("exceeds the limit")) {
            return "the document is larger than " + limits.maxCodePoints() + " characters";
        }
        String firstLine = message.lines().findFirst().orElse("invalid YAML");
        return firstLine.isBlank() ? "invalid YAML" : firstLine;
    }

    private static FileProblem tooLarge(String name, String size) {
        return FileProblem.ofWholeFile(name, "the file is too large (" + size + ")", null);
    }

    /** Strict UTF-8: a file that is not UTF-8 is refused at the line it goes wrong, not read as mojibake. */
    private static String decodeUtf8(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new FileProblem(name, line, in.position() - lineStart + 1,
                    "not valid UTF-8 (byte " + in.position() + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
