package io.forewarn.web.api;

import java.util.List;

/**
 * One page of a listing, with what is needed to ask for the next; the API writes it as it is, so the
 * OpenAPI document describes every listing from this type ({@code PageReportView}, …).
 */
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
}
