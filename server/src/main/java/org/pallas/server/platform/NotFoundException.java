package org.pallas.server.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A resource does not exist <em>for this caller</em>. Thrown alike for a missing resource and for
 * another organisation's resource, so that its existence is not revealed. Answers 404
 * (problem+json under {@code /api/**}, the 404 page for HTML).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
