package org.pallas.policy;

/** The processing route, from least to most severe; the assessment takes the most severe one any rule demands. */
public enum Route {
    FAST_TRACK,
    STANDARD,
    ENHANCED_REVIEW,
    PRESUMPTION_OF_DENIAL,
    HARD_STOP
}
