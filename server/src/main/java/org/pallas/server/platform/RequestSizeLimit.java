package org.pallas.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Rejects request bodies larger than {@code pallas.http.max-request-size} (default 1 MB) with 413:
 * at once when Content-Length says so, and while reading when the body is chunked. The raw-body upload
 * endpoints named by {@code pallas.http.upload-paths} (the undertaking, batch screening files) take up to
 * {@code pallas.http.max-upload-size} instead (default 11 MB, so that their own, smaller limits answer
 * first with the field that is too large). Multipart uploads are left to
 * {@code spring.servlet.multipart.max-file-size} and {@code max-request-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    private static final PathPatternParser PATTERNS = new PathPatternParser();

    private final long maxBytes;
    private final long maxUploadBytes;
    private final List<PathPattern> uploadPaths;
    private final Problems problems;

    RequestSizeLimit(
            @Value("${pallas.http.max-request-size:1048576}") long maxBytes,
            @Value("${pallas.http.max-upload-size:11534336}") long maxUploadBytes,
            @Value("${pallas.http.upload-paths:/api/v1/applications/*/undertaking,/api/v1/screening/batch,"
                            + "/api/v1/screening/batch-jobs}")
                    List<String> uploadPaths,
            Problems problems) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPaths = uploadPaths.stream().map(PATTERNS::parse).toList();
        this.problems = problems;
    }

    private long limit(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        return uploadPaths.stream().anyMatch(p -> p.matches(path)) ? maxUploadBytes : maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response); // uploads: spring.servlet.multipart.* limits apply
            return;
        }
        long max = limit(request);
        if (request.getContentLengthLong() > max) {
            problems.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than the limit of " + max + " bytes.");
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    /** Thrown while reading a body that exceeds the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(long max) {
            super("The request body is larger than the limit of " + max + " bytes.");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLargeException {
                        read += n;
                        if (read > max) {
                            throw new TooLargeException(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
