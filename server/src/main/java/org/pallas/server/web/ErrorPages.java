package org.pallas.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pallas.server.platform.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container routes to {@code /error}: problem+json for the API (and JSON clients),
 * a plain page for people. Neither ever shows a stack trace or exception message.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Asked for directly (no error being forwarded): there is no page here.
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
                ? HttpStatus.NOT_FOUND
                : status(request);
        Object detail = request.getAttribute(Problems.DETAIL);
        String message = detail instanceof String d ? d : message(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String accept = request.getHeader("Accept");
        boolean json = path.startsWith("/api/")
                || path.startsWith("/actuator/")
                || (accept != null && accept.contains("json") && !accept.contains("text/html"));
        if (json) {
            problems.write(request, response, status, message);
            return null;
        }
        ModelAndView page = new ModelAndView("error/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        // One page for every status; 403 and 404 say it in words a person reads.
        String title = switch (status) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "Access denied";
            default -> status.getReasonPhrase();
        };
        page.addObject("title", title);
        page.addObject("heading", status == HttpStatus.FORBIDDEN ? "You do not have access to this page" : title);
        page.addObject("message", message);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String message(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing here, or you do not have access to it.";
            case FORBIDDEN -> "Your roles do not allow this.";
            case UNAUTHORIZED -> "Sign in first.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that request method.";
            case CONTENT_TOO_LARGE -> "The request is too large.";
            case BAD_REQUEST -> "The request could not be understood.";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side. It has been logged; please try again later."
                        : status.getReasonPhrase() + ".";
        };
    }
}
