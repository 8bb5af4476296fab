package io.forewarn.obligation;

/** A transition the obligation state graph does not allow; the obligation is left as it was. */
public class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(String obligationId, ObligationState from, ObligationState to, String allowed) {
        super("obligation " + obligationId + " cannot move from " + from.code() + " to " + to.code()
                + " (allowed from " + from.code() + ": " + allowed + ")");
    }
}
