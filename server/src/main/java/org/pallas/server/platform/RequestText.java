package org.pallas.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request-wide text rules for what is not a JSON body (those are {@link RequestBounds}): a query or form
 * parameter holding a NUL character (U+0000), which PostgreSQL cannot store, and a multipart body without
 * the boundary that separates its parts, are refused with 400 naming the field, before any controller
 * sees them. API callers get problem+json; people get the error page with the same sentence.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class RequestText extends OncePerRequestFilter {

    private final Problems problems;

    RequestText(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        String refusal = null;
        if (multipart && !type.toLowerCase(Locale.ROOT).contains("boundary=")) {
            refusal = "The multipart body has no boundary in its Content-Type, so its parts cannot be read.";
        } else {
            String field = multipart ? queryField(request) : parameterField(request);
            if (field != null) {
                refusal = "The field '" + printable(field)
                        + "' contains the NUL character (U+0000), which is not allowed in text.";
            }
        }
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, refusal);
        } else {
            request.setAttribute(Problems.DETAIL, refusal);
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    /** The first parameter (query or form) whose name or a value holds a NUL, or null. */
    private static String parameterField(HttpServletRequest request) {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (p.getKey().indexOf('\u0000') >= 0) {
                return p.getKey();
            }
            for (String v : p.getValue()) {
                if (v != null && v.indexOf('\u0000') >= 0) {
                    return p.getKey();
                }
            }
        }
        return null;
    }

    /** For uploads only the query string is checked here; reading the parts is left to the controller. */
    private static String queryField(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || !query.contains("%00")) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.contains("%00")) {
                int eq = pair.indexOf('=');
                return java.net.URLDecoder.decode(
                        eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String printable(String field) {
        String shown = field.replace("\u0000", "\\0");
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }
}
