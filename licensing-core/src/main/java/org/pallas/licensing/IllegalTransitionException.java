package org.pallas.licensing;

/** An action was attempted in a state that does not allow it; the message names the state and the action. */
public class IllegalTransitionException extends IllegalStateException {

    IllegalTransitionException(String message) {
        super(message);
    }
}
