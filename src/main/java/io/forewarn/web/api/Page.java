package io.forewarn.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.forewarn.obligation.Slice;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing: at most {@code size} items, and {@code next}, the URL of the following page (the
 * same request with {@code after} set to this page's cursor), absent on the last page. Pages are asked
 * for by where the previous one ended (keyset paging), so every page costs the same: the cursor is the
 * base64url of the last item's key (its id, or its sequence number on the timeline and the ledger), opaque
 * to clients, and one not given by this API is refused with 400.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Page<T>(List<T> items, int size, String next) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    Page {
        items = List.copyOf(items);
    }

    /**
     * The slice to ask the casebook for: one item more than the page holds, so the page knows whether a
     * next one exists without counting.
     */
    static Slice slice(String after, int size) {
        requireSize(size);
        return new Slice(Optional.ofNullable(after).map(Page::key), size + 1);
    }

    static void requireSize(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
    }

    /**
     * The page of {@code fetched}, which holds up to one item more than {@code size}: the first {@code size}
     * as {@code view} shows them, and a link to the page after them when there was one more.
     */
    static <V, T> Page<T> of(List<V> fetched, int size, Function<V, String> key, Function<V, T> view) {
        List<V> kept = fetched.subList(0, Math.min(size, fetched.size()));
        String next = fetched.size() > size ? link(key.apply(kept.get(kept.size() - 1)), size) : null;
        return new Page<>(kept.stream().map(view).toList(), size, next);
    }

    /** The key a cursor stands for; a text that is not a cursor is a bad request. */
    static String key(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("after must be the cursor of a page's next link");
        }
    }

    /** A cursor standing for a number (a sequence number or ledger index); a text that is not one is a bad request. */
    static long numberKey(String cursor) {
        try {
            return Long.parseLong(key(cursor));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("after must be the cursor of a page's next link");
        }
    }

    static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The request being answered, with {@code after} and {@code size} set for the page after {@code lastKey}. */
    private static String link(String lastKey, int size) {
        UriComponents next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("after", cursor(lastKey))
                .replaceQueryParam("size", size)
                .build();
        return next.getPath() + "?" + next.getQuery();
    }
}
