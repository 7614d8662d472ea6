package org.pallas.server.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests whose sender must not be recorded even when signed in: an anonymous misuse report or its follow-up sent
 * by, say, an exporter's employee with their token. The request log then writes {@code user=-} for them, as for an
 * anonymous request (it never writes an address or user agent for any request).
 */
public final class UnattributedRequests {

    static final String ATTRIBUTE = UnattributedRequests.class.getName();

    private UnattributedRequests() {}

    /** The request log shall not name the caller of this request. */
    public static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean marked(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }
}
