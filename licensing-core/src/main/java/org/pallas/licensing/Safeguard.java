package org.pallas.licensing;

/**
 * Contractual and technical safeguards an exporter commits to (PMP-PRE-2 [R], derived vendor checks PMP-IND-D3 and
 * PMP-IND-D4 from regulation.md §5.3, which are "derived", not sourced Pall Mall text).
 */
public enum Safeguard {
    AUDIT_RIGHTS,
    NO_ONWARD_TRANSFER,
    KILL_SWITCH,
    LOGGING,
    TERMINATION_ON_MISUSE
}
