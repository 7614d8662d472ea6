package org.pallas.server.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies where no controller is involved
 * (security filters, the error controller). Never includes a stack trace or exception message.
 */
@Component
public class Problems {

    /**
     * Request attribute: a sentence of our own (never an exception message) saying what was wrong with the
     * request, for the error page to show.
     */
    public static final String DETAIL = "pallas.problem.detail";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** A problem body: type, title, status, detail, instance. */
    public static Map<String, Object> body(HttpStatus status, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }

    /**
     * What is wrong with a JSON value in the caller's terms, e.g. {@code "country: Must be text"}; never a Java
     * type or Jackson's own message.
     */
    public static String describe(tools.jackson.core.JacksonException e) {
        JsonBodyProblems.BodyProblem p = JsonBodyProblems.of(e);
        return p.field().equals("body") ? p.message() : p.field() + ": " + p.message();
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = original == null ? request.getRequestURI() : original.toString();
        json.writeValue(response.getOutputStream(), body(status, detail, instance));
    }
}
