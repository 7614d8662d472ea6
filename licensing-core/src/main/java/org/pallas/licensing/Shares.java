package org.pallas.licensing;

/**
 * Of the cases decided in a group, how many within 20 and within 60 working days, against the UK's targets:
 * 70% within 20 (UK-PERF-T1) and 99% within 60 (UK-PERF-T2).
 */
public record Shares(int decided, int within20, int within60) {

    public static final double PRIMARY_TARGET = 0.70;
    public static final double SECONDARY_TARGET = 0.99;

    static final Shares NONE = new Shares(0, 0, 0);

    Shares add(int workingDays) {
        return new Shares(decided + 1, within20 + (workingDays <= 20 ? 1 : 0), within60 + (workingDays <= 60 ? 1 : 0));
    }

    /** Share decided within 20 working days, 0..1; NaN when nothing was decided. */
    public double shareWithin20() {
        return decided == 0 ? Double.NaN : (double) within20 / decided;
    }

    public double shareWithin60() {
        return decided == 0 ? Double.NaN : (double) within60 / decided;
    }

    public boolean meetsPrimaryTarget() {
        return decided > 0 && shareWithin20() >= PRIMARY_TARGET;
    }

    public boolean meetsSecondaryTarget() {
        return decided > 0 && shareWithin60() >= SECONDARY_TARGET;
    }
}
