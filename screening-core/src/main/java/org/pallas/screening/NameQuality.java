package org.pallas.screening;

/**
 * How much a listed name can be relied on. OFAC "weak a.k.a." names (SDN remarks) and UN aliases of
 * quality "Low" are {@link #WEAK}: they only ever match exactly, never fuzzily.
 */
public enum NameQuality {
    STRONG,
    WEAK
}
