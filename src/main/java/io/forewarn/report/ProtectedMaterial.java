package io.forewarn.report;

import java.util.List;

/**
 * What must never appear in a warning: descriptions of sources, collection methods, and protected
 * terms (code words, names of sources, selectors).
 */
public record ProtectedMaterial(List<String> sources, List<String> methods, List<String> terms) {

    public static final ProtectedMaterial NONE = new ProtectedMaterial(List.of(), List.of(), List.of());

    public ProtectedMaterial {
        sources = List.copyOf(sources);
        methods = List.copyOf(methods);
        terms = List.copyOf(terms);
    }

    public boolean isEmpty() {
        return sources.isEmpty() && methods.isEmpty() && terms.isEmpty();
    }
}
