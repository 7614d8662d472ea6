package org.pallas.server.platform;

import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * RFC 9457 problem details for every JSON API controller ({@code @RestController}); HTML controllers
 * fall through to the error pages. Validation problems list each field; a body that cannot be read names the field
 * by its JSON path and pointer (unknown fields included: {@link WebConfiguration} reads API bodies strictly); no
 * stack traces or class names, ever.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request, null);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, WebRequest request) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "The request has invalid fields.",
                request,
                e.fields().stream()
                        .map(f -> Map.of("field", f.field(), "message", f.message()))
                        .toList());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, WebRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", leaf(v.getPropertyPath().toString()), "message", v.getMessage()))
                .sorted(Comparator.comparing(m -> m.get("field")))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", request, errors);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security filter chain answers these (401/403 problem+json)
        }
        log.error("Unexpected error answering {}", path(request), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.", request, null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .sorted(Comparator.comparing((Map<String, String> m) -> m.get("field"))
                        .thenComparing(m -> m.get("message")))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", request, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> Map.of(
                                "field", String.valueOf(r.getMethodParameter().getParameterName()),
                                "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", request, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLargeException) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, t.getMessage(), request, null);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                JsonBodyProblems.BodyProblem p = JsonBodyProblems.of(j);
                String detail = j instanceof StreamReadException
                        ? "The request body is not valid JSON."
                        : "The request body has invalid fields.";
                return problem(
                        HttpStatus.BAD_REQUEST,
                        detail,
                        request,
                        List.of(Map.of("field", p.field(), "pointer", p.pointer(), "message", p.message())));
            }
        }
        // No body at all, or the JSON literal null.
        return problem(
                HttpStatus.BAD_REQUEST,
                "The request body is missing; send a JSON object.",
                request,
                List.of(Map.of("field", "body", "pointer", "#", "message", "Required: a JSON object")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own problem bodies, with the content type fixed and the instance set.
        ProblemDetail detail = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        detail.setInstance(null);
        return problemEntity(status, detail, request, headers);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request, List<?> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        return problemEntity(status, body, request, new HttpHeaders());
    }

    private static ResponseEntity<Object> problemEntity(
            HttpStatusCode status, ProblemDetail body, WebRequest request, HttpHeaders headers) {
        body.setInstance(java.net.URI.create(path(request)));
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(out).body(body);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest s ? s.getRequest().getRequestURI() : "";
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
