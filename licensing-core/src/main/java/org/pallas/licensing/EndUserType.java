package org.pallas.licensing;

/** What kind of organisation a (ultimate) end user is; government end users must name the agency or unit. */
public enum EndUserType {
    GOVERNMENT,
    COMMERCIAL,
    INDIVIDUAL,
    OTHER
}
