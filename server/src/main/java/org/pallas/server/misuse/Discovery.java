package org.pallas.server.misuse;

/** How the infection or targeting was found (the evidence types of the CASE-* records, regulation.md section 6). */
public enum Discovery {
    DEVICE_FORENSICS,
    PLATFORM_THREAT_NOTIFICATION,
    INFRASTRUCTURE_MAPPING,
    LEAKED_TARGET_LIST,
    OTHER
}
