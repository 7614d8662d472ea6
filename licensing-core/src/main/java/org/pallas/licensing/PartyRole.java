package org.pallas.licensing;

/** The part a party plays in the transfer. */
public enum PartyRole {
    END_USER,
    CONSIGNEE,
    INTERMEDIARY,
    BROKER,
    ULTIMATE_END_USER
}
