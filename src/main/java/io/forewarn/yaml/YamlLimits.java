package io.forewarn.yaml;

/**
 * The hard limits a file must stay within before it is looked at. They are generous for the
 * policy and scenario files a person writes, and small enough that a hostile file is refused
 * quickly and in bounded memory.
 *
 * @param maxBytes      files above this are refused before they are read
 * @param maxCodePoints text above this is refused before it is parsed (and SnakeYAML stops at it too)
 * @param maxAliases    aliases to lists or maps; each one can multiply the size of the expanded tree
 * @param maxDepth      nesting of lists and maps, counted through aliases; bounds every recursive walk
 * @param maxNodes      values (scalars, lists, maps) in the document as written, counted while parsing,
 *                      since each costs a few hundred bytes of heap and 4 MB of {@code [a,a,...]} would
 *                      otherwise compose into two million of them; and values with every alias expanded,
 *                      the billion-laughs guard that holds even below {@code maxAliases} (24 doubling
 *                      aliases already make 16 million). 100,000 is thousands of scenario events.
 */
public record YamlLimits(long maxBytes, int maxCodePoints, int maxAliases, int maxDepth, long maxNodes) {

    public static final YamlLimits DEFAULT = new YamlLimits(4L << 20, 4 << 20, 50, 32, 100_000);

    public YamlLimits {
        if (maxBytes < 1 || maxCodePoints < 1 || maxAliases < 0 || maxDepth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }
}
