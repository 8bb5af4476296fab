package io.forewarn.yaml;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one JSON document (RFC 8259, nothing more lenient) into the same positioned values as
 * {@link SafeYaml}, so everything that reads a YAML file reads a JSON request body the same way, and
 * the problems of a JSON document speak of JSON, at its line and column. The same {@link YamlLimits}
 * hold, and {@link NodeGuard} checks the tree (duplicate keys) before anything reads it.
 *
 * <p>The parser's own messages can quote what the document said (an unquoted word, a number); only
 * their description of the grammar is kept, since a document may carry protected material.
 */
public final class SafeJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final int[] NO_BUFFER = new int[0];
    /** A quoted word in a parser message (not one character, not a JSON literal): something the document said. */
    private static final Pattern QUOTED = Pattern.compile("'(?!(null|true|false)')[^'\\s]{2,}'");
    /** What the parser adds about its own position, source and settings, which say nothing to the sender. */
    private static final Pattern PARSER_NOTES = Pattern.compile(
            "\\s*(\\(for [^()]*\\[Source:|\\(not recognized as one since|:? ?enable `|\\s*at \\[Source:).*$", Pattern.DOTALL);

    private final String file;
    private final YamlLimits limits;
    private long values;

    private SafeJson(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    public static YamlValue parse(String sourceName, String content) {
        return parse(sourceName, content, YamlLimits.DEFAULT);
    }

    public static YamlValue parse(String sourceName, String content, YamlLimits limits) {
        if (content.length() > limits.maxCodePoints()
                && content.codePointCount(0, content.length()) > limits.maxCodePoints()) {
            throw FileProblem.ofWholeFile(sourceName, "the document is too large (more than the limit of "
                    + limits.maxCodePoints() + " characters)", null);
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return new SafeJson(sourceName, limits).read(text);
    }

    private YamlValue read(String text) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() == null) {
                throw FileProblem.ofWholeFile(file, "the document is empty; expected a JSON document", null);
            }
            Node root = value(parser, 1);
            if (parser.nextToken() != null) {
                throw problem(parser.currentTokenLocation(), "a JSON document holds one value, and another one starts here");
            }
            NodeGuard.check(file, root, limits);
            return new YamlValue(file, root, "");
        } catch (UnexpectedEndOfInputException e) {
            throw problem(e.getLocation(), "not valid JSON: the document ends before it is complete", e);
        } catch (StreamConstraintsException e) {
            throw problem(e.getLocation(), "not valid JSON: a number or string is longer than this server reads", e);
        } catch (JacksonException e) {
            throw problem(e.getLocation(), "not valid JSON: " + grammar(e.getOriginalMessage()), e);
        }
    }

    private Node value(JsonParser parser, int depth) {
        Mark at = mark(parser.currentTokenLocation());
        if (depth > limits.maxDepth()) {
            throw problem(parser.currentTokenLocation(), "nested more than " + limits.maxDepth() + " levels deep");
        }
        if (++values > limits.maxNodes()) {
            throw problem(parser.currentTokenLocation(), "the document holds more than " + limits.maxNodes() + " values");
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                List<NodeTuple> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    Node key = new ScalarNode(Tag.STR, parser.currentName(), mark(parser.currentTokenLocation()), mark(parser.currentTokenLocation()),
                            DumperOptions.ScalarStyle.DOUBLE_QUOTED);
                    parser.nextToken();
                    entries.add(new NodeTuple(key, value(parser, depth + 1)));
                }
                yield new MappingNode(Tag.MAP, true, entries, at, at, DumperOptions.FlowStyle.FLOW);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, depth + 1));
                }
                yield new SequenceNode(Tag.SEQ, true, items, at, at, DumperOptions.FlowStyle.FLOW);
            }
            case VALUE_STRING -> scalar(Tag.STR, parser.getString(), at, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
            case VALUE_NUMBER_INT -> scalar(Tag.INT, parser.getText(), at, DumperOptions.ScalarStyle.PLAIN);
            case VALUE_NUMBER_FLOAT -> scalar(Tag.FLOAT, parser.getText(), at, DumperOptions.ScalarStyle.PLAIN);
            case VALUE_TRUE -> scalar(Tag.BOOL, "true", at, DumperOptions.ScalarStyle.PLAIN);
            case VALUE_FALSE -> scalar(Tag.BOOL, "false", at, DumperOptions.ScalarStyle.PLAIN);
            case VALUE_NULL -> scalar(Tag.NULL, "null", at, DumperOptions.ScalarStyle.PLAIN);
            default -> throw problem(parser.currentTokenLocation(), "not valid JSON: unexpected " + token);
        };
    }

    private static Node scalar(Tag tag, String text, Mark at, DumperOptions.ScalarStyle style) {
        return new ScalarNode(tag, text, at, at, style);
    }

    private Mark mark(TokenStreamLocation location) {
        return new Mark(file, (int) Math.max(0, location.getCharOffset()), Math.max(0, location.getLineNr() - 1),
                Math.max(0, location.getColumnNr() - 1), NO_BUFFER, 0);
    }

    private FileProblem problem(TokenStreamLocation location, String problem) {
        return problem(location, problem, null);
    }

    private FileProblem problem(TokenStreamLocation location, String problem, Throwable cause) {
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return new FileProblem(file, line, column, problem, cause);
    }

    /** The parser's account of the grammar broken, without anything quoted from the document. */
    static String grammar(String message) {
        String text = message == null ? "" : PARSER_NOTES.matcher(message).replaceAll("");
        text = QUOTED.matcher(text).replaceAll("(not shown)").strip();
        if (text.isEmpty()) {
            return "invalid syntax";
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
