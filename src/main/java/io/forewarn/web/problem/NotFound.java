package io.forewarn.web.problem;

/** A resource the request names does not exist (404). */
public final class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

public NotFound(String what) {
        super(what);
    }
}
