package io.forewarn.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One value of a YAML file with where it is: the file, its position and its path from the root
 * (e.g. {@code events[2].report.credibility}). Every accessor either returns the value as the type
 * asked for or throws a {@link FileProblem} at the value's position that says what was expected.
 *
 * <p>Scalars are read from their text as written, never from SnakeYAML's guess at their type, so
 * {@code country: NO} is the string "NO" (not false) and {@code id: 007} is "007".
 */
public final class YamlValue {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final String file;
    private final Node node;
    private final String path;

    YamlValue(String file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    public String file() {
        return file;
    }

    /** 1-based line of the value's start. */
    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** 1-based column of the value's start. */
    public int column() {
        return node.getStartMark().getColumn() + 1;
    }

    /** Where the value is from the root, e.g. {@code deadlines.imminent}; empty for the root. */
    public String path() {
        return path;
    }

    /** A problem with this value, at its position, prefixed with its path. */
    public FileProblem problem(String problem) {
        return new FileProblem(file, line(), column(), path.isEmpty() ? problem : path + ": " + problem);
    }

    public boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    /** Any scalar as its text; YAML booleans and numbers are strings too, as written. */
    public String asString() {
        if (!isScalar()) {
            throw expected("a string");
        }
        return ((ScalarNode) node).getValue();
    }

    /** A string that is not blank, stripped. */
    public String asText() {
        String text = asString().strip();
        if (text.isEmpty()) {
            throw problem("must not be blank");
        }
        return text;
    }

    public int asInt() {
        long value = asLong();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw problem(Printable.quoted(asString()) + " is out of range");
        }
        return (int) value;
    }

    public long asLong() {
        String text = scalarText("a whole number");
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw expected("a whole number");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw problem(Printable.quoted(text) + " is out of range");
        }
    }

    /** A finite decimal number such as {@code 55.75} or {@code -1e3}. */
    public double asDouble() {
        String text = scalarText("a number");
        if (!DECIMAL.matcher(text).matches()) {
            throw expected("a number");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw problem(Printable.quoted(text) + " is out of range");
        }
        return value;
    }

    /** {@code true} or {@code false}; YAML 1.1's yes/no/on/off are refused as too easy to write by accident. */
    public boolean asBoolean() {
        String text = scalarText("true or false");
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw expected("true or false");
    }

    /** A non-negative ISO-8601 duration, e.g. {@code PT4H}, {@code PT30M}, {@code P7D} or {@code P2W}. */
    public Duration asDuration() {
        String text = scalarText("an ISO-8601 duration (e.g. PT4H, P7D)");
        Duration duration = IsoDurations.parse(text).orElseThrow(() -> problem(IsoDurations.whyNot(text)));
        if (duration.isNegative()) {
            throw problem(Printable.quoted(text) + " is negative; a duration here must not be");
        }
        return duration;
    }

    /** A duration longer than zero, as deadlines, validity periods and lead times must be. */
    public Duration asPositiveDuration() {
        Duration duration = asDuration();
        if (duration.isZero()) {
            throw problem("must be longer than zero");
        }
        return duration;
    }

    public List<YamlValue> asList() {
        if (!(node instanceof SequenceNode sequence)) {
            throw expected("a list");
        }
        List<YamlValue> items = new ArrayList<>(sequence.getValue().size());
        for (Node item : sequence.getValue()) {
            items.add(new YamlValue(file, item, path + "[" + items.size() + "]"));
        }
        return items;
    }

    /** A list of strings; a single string is not accepted as a one-element list. */
    public List<String> asStringList() {
        return asList().stream().map(YamlValue::asText).toList();
    }

    public YamlMap asMap() {
        if (!(node instanceof MappingNode mapping)) {
            throw expected("a map");
        }
        return new YamlMap(this, mapping);
    }

    /**
     * The text converted by a model parser such as {@code Harm::of}; its {@link IllegalArgumentException}
     * (whose message lists the valid values) becomes a problem at this value.
     */
    public <T> T as(Function<String, T> parser) {
        String text = asString();
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw problem(e.getMessage() == null ? Printable.quoted(text) + " is not valid" : e.getMessage());
        }
    }

    /** A problem saying what was expected and what was found, e.g. "expected a list, found a string". */
    public FileProblem expected(String what) {
        return problem("expected " + what + ", found " + describe(node));
    }

    private String scalarText(String what) {
        if (!isScalar()) {
            throw expected(what);
        }
        return ((ScalarNode) node).getValue().strip();
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        String text = node instanceof ScalarNode scalar ? scalar.getValue() : "";
        if (Tag.NULL.equals(tag)) {
            return "nothing";
        }
        if (Tag.BOOL.equals(tag)) {
            return "a boolean " + Printable.quoted(text);
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "a number " + Printable.quoted(text);
        }
        // A string is never echoed: it may be a protected term or a narrative portion.
        return "a string";
    }

    @Override
    public String toString() {
        return file + ":" + line() + ":" + column() + (path.isEmpty() ? "" : " " + path)
                + " (" + describe(node) + ")";
    }
}
