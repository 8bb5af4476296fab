package io.forewarn.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks a composed tree once, before anything reads it, so that every later walk can trust it:
 * no cycles (a recursive alias such as {@code &a [*a]} composes into a node that contains itself),
 * bounded depth and bounded size with aliases expanded, only plain YAML tags, and map keys that are
 * unique scalars.
 *
 * <p>The walk is recursive but its depth is capped at {@link YamlLimits#maxDepth()}; nodes shared
 * through aliases are checked once and their expanded size and height remembered, so the walk
 * itself stays linear in the size of the file however large the expansion would be.
 */
final class NodeGuard {

    /** The tags plain data can carry; anything else (a class name, !!set, !!binary, a local !tag) is refused. */
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    /** What a walk learned of a subtree: its size with aliases expanded, and its height (1 for a scalar). */
    private record Shape(long size, int height) {
    }

    private final String file;
    private final YamlLimits limits;

    /**
     * Anchored nodes already checked. Only an anchored node can be met twice (an alias names an
     * anchor), and only through one can a cycle close, so only those are remembered; memory stays
     * proportional to the anchors, not to the file.
     */
    private final Map<Node, Shape> checkedAnchors = new IdentityHashMap<>();
    private final Set<Node> anchorsOnPath = Collections.newSetFromMap(new IdentityHashMap<>());

    private NodeGuard(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    static void check(String file, Node root, YamlLimits limits) {
        new NodeGuard(file, limits).walk(root, 1);
    }

    /**
     * Checks a subtree met at {@code depth}. An anchored node met again through an alias is not
     * walked again, but its height still counts against the depth and its size against the total.
     */
    private Shape walk(Node node, int depth) {
        boolean anchored = node.getAnchor() != null;
        if (anchored) {
            Shape known = checkedAnchors.get(node);
            if (known != null) {
                requireDepth(node, depth + known.height() - 1);
                return known;
            }
            if (!anchorsOnPath.add(node)) {
                throw problem(node, "recursive alias: &" + node.getAnchor() + " contains itself");
            }
        }
        requireDepth(node, depth);
        checkTag(node);
        long size = 1;
        int height = 1;
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                Shape child = walk(item, depth + 1);
                size = add(node, size, child.size());
                height = Math.max(height, child.height() + 1);
            }
        } else if (node instanceof MappingNode mapping) {
            Map<String, Node> keys = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                checkKey(tuple.getKeyNode(), keys);
                size = add(node, size, walk(tuple.getKeyNode(), depth + 1).size());
                Shape value = walk(tuple.getValueNode(), depth + 1);
                size = add(node, size, value.size());
                height = Math.max(height, value.height() + 1);
            }
        }
        Shape shape = new Shape(size, height);
        if (anchored) {
            anchorsOnPath.remove(node);
            checkedAnchors.put(node, shape);
        }
        return shape;
    }

    private void requireDepth(Node node, int depth) {
        if (depth > limits.maxDepth()) {
            throw problem(node, "nested more than " + limits.maxDepth() + " levels deep (counting aliases)");
        }
    }

    private long add(Node node, long size, long more) {
        long sum = size + more;
        if (sum > limits.maxNodes()) {
            throw problem(node, "expands (through aliases) to more than " + limits.maxNodes()
                    + " values; refused as a billion-laughs document");
        }
        return sum;
    }

    private void checkTag(Node node) {
        Tag tag = node.getTag();
        if (Tag.MERGE.equals(tag)) {
            throw problem(node, "merge keys (<<) are not supported; write the keys out");
        }
        if (!PLAIN_TAGS.contains(tag)) {
            throw problem(node, tagNotAllowed(tag.getValue()));
        }
    }

    static String tagNotAllowed(String tag) {
        String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
        return "tag " + Printable.quoted(shown) + " is not allowed; only plain strings, numbers, booleans, "
                + "lists and maps are";
    }

    private void checkKey(Node key, Map<String, Node> seen) {
        if (!(key instanceof ScalarNode scalar) || Tag.NULL.equals(key.getTag())) {
            throw problem(key, "a key must be a plain name, not " + YamlValue.describe(key));
        }
        Node first = seen.putIfAbsent(scalar.getValue(), key);
        if (first != null) {
            throw problem(key, "duplicate key " + Printable.quoted(scalar.getValue()) + " (first at line "
                    + (first.getStartMark().getLine() + 1) + ")");
        }
    }

    private FileProblem problem(Node node, String problem) {
        return new FileProblem(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, problem);
    }
}
