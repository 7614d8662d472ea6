package org.pallas.server.misuse;

/** The source's reliability on the intelligence (Admiralty) scale, A to F. */
public enum SourceReliability {
    A_COMPLETELY_RELIABLE,
    B_USUALLY_RELIABLE,
    C_FAIRLY_RELIABLE,
    D_NOT_USUALLY_RELIABLE,
    E_UNRELIABLE,
    F_CANNOT_BE_JUDGED
}
