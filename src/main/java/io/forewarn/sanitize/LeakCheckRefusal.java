package io.forewarn.sanitize;

/**
 * A text a person wrote is refused because protected material shows through it. The message names the
 * leak check and each matched item by kind and number only ({@code protected term #0}), never the item:
 * it reaches the person, the logs and the problem answer.
 */
public class LeakCheckRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeakCheckRefusal(String message) {
        super(message);
    }
}
