package org.pallas.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A present but invalid (unknown, expired,
 * revoked, malformed) token answers 401 at once; no header lets the request continue anonymously.
 * Not a bean, so that it runs only inside the security filter chains that add it.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final BearerTokens tokens;
    private final Problems problems;

    BearerTokenFilter(BearerTokens tokens, Problems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? tokens.authenticate(header.substring(PREFIX.length()).trim())
                : Optional.empty();
        if (caller.isEmpty()) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The access token is missing, malformed, expired or revoked.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
