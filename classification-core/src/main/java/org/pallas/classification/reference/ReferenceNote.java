package org.pallas.classification.reference;

import java.util.List;

/** A definition, exclusion, decontrol note or licence exception, shown to users like an entry. */
public record ReferenceNote(
        String id,
        NoteType type,
        String title,
        String summary,
        String legalText,
        String citation,
        String sourceUrl,
        List<String> rules,
        boolean unverified,
        List<String> appliesTo) {

    public enum NoteType {
        DEFINITION,
        EXCLUSION,
        DECONTROL,
        LICENCE_EXCEPTION
    }
}
