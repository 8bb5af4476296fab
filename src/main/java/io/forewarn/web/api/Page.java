package io.forewarn.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page of a listing, with what is needed to ask for the next. */
record Page<T>(List<T> items, int page, int size, long total) {

    static final int MAX_SIZE = 500;

    static <T> Page<T> of(List<T> all, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, not " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }

    Map<String, Object> asMap() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("items", items);
        view.put("page", page);
        view.put("size", size);
        view.put("total", total);
        return view;
    }
}
