package io.forewarn.dissemination.cap;

/** A document that is not a CAP alert Forewarn can read, or whose signature does not verify; the message says why. */
public final class CapFormatException extends RuntimeException {

    public CapFormatException(String message) {
        super(message);
    }

    public CapFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
