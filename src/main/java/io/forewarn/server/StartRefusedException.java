package io.forewarn.server;

/**
 * The server will not start, and its message is the one line that says why and what to change (no
 * logins, a database it cannot use). The command line prints that line; nothing else is logged for it.
 */
public final class StartRefusedException extends RuntimeException {

    StartRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The refusal among {@code failure} and its causes, if the failure was one. */
    static StartRefusedException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StartRefusedException refused) {
                return refused;
            }
        }
        return null;
    }
}
