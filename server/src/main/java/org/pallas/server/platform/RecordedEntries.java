package org.pallas.server.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger holds for a subject, for modules that honour a row only when the ledger recorded it: a token,
 * role or decision inserted straight into the database has no entry, so it is not honoured (issue 13). Every
 * change writes its entry in its own transaction, so a row made through Pallas always has one once committed.
 * Implemented by the ledger module; reads the stored rows (the real subject ids), not the public pseudonyms.
 */
public interface RecordedEntries {

    /** Whether an entry of {@code type} was recorded for the subject. */
    boolean holds(String type, String subjectType, String subjectId);

    /** Those of {@code subjectIds} for which an entry of {@code type} was recorded (one query for a list). */
    Set<String> holding(String type, String subjectType, Collection<String> subjectIds);

    /**
     * The public facts (metadata) of the latest entry for the subject among {@code types}; empty when there is
     * none, or when that entry cannot be read (a corrupt row is honoured as nothing).
     */
    Optional<Map<String, String>> latestFacts(String subjectType, String subjectId, Collection<String> types);
}
