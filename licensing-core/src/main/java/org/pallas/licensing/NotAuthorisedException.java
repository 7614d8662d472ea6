package org.pallas.licensing;

/** The acting user lacks the role, organisation or team an action needs. */
public class NotAuthorisedException extends RuntimeException {

    NotAuthorisedException(String message) {
        super(message);
    }
}
