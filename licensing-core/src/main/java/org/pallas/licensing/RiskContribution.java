package org.pallas.licensing;

/**
 * One factor of the automated risk assessment, by the rule that raised it. {@code internal} contributions (e.g. from
 * intelligence or screening evidence) are regulator-only and never reach an exporter view.
 */
public record RiskContribution(String ruleId, String explanation, double weight, boolean internal) {}
