package org.pallas.licensing;

/**
 * A licensing rule forbids the action even though the actor and the state are right: four eyes, the appeal
 * window, an exhausted quantity, a missing refusal criterion. The message names the rule.
 */
public class RuleViolationException extends RuntimeException {

    RuleViolationException(String message) {
        super(message);
    }
}
