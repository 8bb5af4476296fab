package io.forewarn.web;

/** A resource the request names does not exist (404). */
final class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotFound(String what) {
        super(what);
    }
}
