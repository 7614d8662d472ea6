package org.pallas.server.ledger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.pallas.server.platform.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests (POST, PUT, PATCH, DELETE) with 503 and {@code Retry-After} while the ledger
 * cannot sequence what is written ({@link LedgerAvailability}): a change must not be acknowledged when its entry
 * would wait unsigned indefinitely. Reads go on being served. Runs after the security filters (sign-in and
 * sign-out are theirs and never reach it), so a refused caller is an authenticated one. The API gets
 * problem+json; the web UI the error page, which says the same.
 */
@Component
class LedgerWriteGate extends OncePerRequestFilter {

    static final String REFUSED = "The accountability ledger cannot record changes at the moment, so none is accepted."
            + " Reading still works. Try again later.";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Running the integrity check records no ledger entry, and is what an administrator needs most now. */
    private static final String INTEGRITY_CHECK = "/admin/ledger/integrity";

    private final LedgerAvailability availability;
    private final Problems problems;

    LedgerWriteGate(LedgerAvailability availability, Problems problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getRequestURI().equals(INTEGRITY_CHECK);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.available()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(availability.retryAfterSeconds()));
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, REFUSED);
        } else {
            request.setAttribute(Problems.DETAIL, REFUSED);
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }
}
