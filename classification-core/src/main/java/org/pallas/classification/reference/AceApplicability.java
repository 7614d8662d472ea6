package org.pallas.classification.reference;

/** Whether US License Exception ACE (15 CFR 740.22) can apply to a CCL entry (US-ACE-ITEMS). */
public enum AceApplicability {
    /** The entry is a "cybersecurity item". */
    YES,
    /** Only where the item is for 5A001.j (5B001.a, 5D001.a, 5D001.c, 5E001.a). */
    ONLY_FOR_5A001J,
    /** Not a "cybersecurity item". */
    NO
}
