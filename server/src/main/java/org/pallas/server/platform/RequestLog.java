package org.pallas.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * One DEBUG log line per request: method, path, status, duration and the signed-in user. Deliberately never
 * the query string, headers or body, so that passwords, tokens and Authorization headers stay out of
 * the logs. A request marked {@link UnattributedRequests} is logged without its user.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLog extends OncePerRequestFilter {

    static final String USER_ATTRIBUTE = RequestLog.class.getName() + ".user";
    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!log.isDebugEnabled()) {
            // Under load the line cost ~5% of CPU (issue 19): it is DEBUG, and skipped whole when off.
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object user = UnattributedRequests.marked(request) ? null : request.getAttribute(USER_ATTRIBUTE);
            log.debug(
                    "{} {} {} {}ms user={}",
                    request.getMethod(),
                    request.getRequestURI(),
                    response.getStatus(),
                    (System.nanoTime() - start) / 1_000_000,
                    user == null ? "-" : user);
        }
    }

    /** Notes the caller's user id once security has run (the filter above runs before security). */
    @Component
    static class CallerNote implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Caller.find().ifPresent(c -> request.setAttribute(USER_ATTRIBUTE, c.userId()));
            return true;
        }
    }
}
