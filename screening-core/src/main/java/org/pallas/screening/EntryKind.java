package org.pallas.screening;

import java.util.Locale;

/** What a list entry or a query names. {@link #ANY} is used where a list does not say (BIS DPL). */
public enum EntryKind {
    PERSON,
    ORGANISATION,
    VESSEL,
    AIRCRAFT,
    ANY;

    /** Whether a query of this kind may be compared with an entry of kind {@code entry}. */
    public boolean admits(EntryKind entry) {
        return this == ANY || entry == ANY || this == entry;
    }

    /** Parses the API spelling ("person", "organisation", "organization", "vessel", "aircraft", "any"). */
    public static EntryKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "person", "individual" -> PERSON;
            case "organisation", "organization", "entity", "company", "legalentity" -> ORGANISATION;
            case "vessel" -> VESSEL;
            case "aircraft", "airplane" -> AIRCRAFT;
            case "any", "" -> ANY;
            default ->
                throw new IllegalArgumentException(
                        "unknown kind '" + text + "' (expected person, organisation, vessel, aircraft or any)");
        };
    }
}
