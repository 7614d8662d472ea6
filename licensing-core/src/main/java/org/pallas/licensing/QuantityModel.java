package org.pallas.licensing;

/**
 * How much of an intangible capability is transferred: seats (operator licences), concurrent targets, deployments
 * (installations or tenants) and the months of updates and support that follow. Intangibles have no customs
 * declaration, so these counts are what usage reports deplete.
 */
public record QuantityModel(int seats, int concurrentTargets, int deployments, int updateAndSupportMonths) {}
