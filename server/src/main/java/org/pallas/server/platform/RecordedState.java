package org.pallas.server.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current state of the rows of one subject type whose changes are recorded in the ledger, as a
 * module sees them. The ledger snapshots it into the confidential record of every change to a subject,
 * and its integrity check compares the snapshot of the latest change with the row as it is now: a row
 * edited outside the application no longer matches. Contribute one bean per subject type.
 */
public interface RecordedState {

    /** The subject type of {@link RecordedChange#subjectType()}, e.g. {@code user}. */
    String subjectType();

    /**
     * Every column an entry vouches for, as strings (secrets as digests), or empty when no such row
     * exists. Read inside the transaction that made the change, so it sees the change.
     */
    Optional<Map<String, String>> current(String subjectId);

    /** The ids of all rows of this type, to find rows that no entry records. */
    List<String> subjectIds();
}
