package io.forewarn.store;

/**
 * An obligation was changed by someone else between reading it and putting its next version: the
 * stored history is not the one this change grew from. Nothing was written; the caller reloads the
 * obligation and decides again. The message names the obligation and versions only, never report content.
 */
public final class ConcurrentChangeException extends IllegalStateException {

    private final String obligationId;

    public ConcurrentChangeException(String obligationId, String detail) {
        super("obligation " + obligationId + " was changed concurrently: " + detail
                + "; nothing was written, reload it and try again");
        this.obligationId = obligationId;
    }

    public String obligationId() {
        return obligationId;
    }
}
