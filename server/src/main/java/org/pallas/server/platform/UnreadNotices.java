package org.pallas.server.platform;

/**
 * The signed-in user's unread notices, for the unread badge in every page's header. Contributed as a bean by the
 * module that keeps notices; without one the header shows no badge.
 */
public interface UnreadNotices {

    /** Where the notice list is, e.g. {@code /notifications}. */
    String path();

    /** How many of the caller's notices are unread. */
    long unread(Caller caller);
}
