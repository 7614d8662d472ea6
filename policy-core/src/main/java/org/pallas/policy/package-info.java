/**
 * Risk assessment of export-licence applications for cyber intrusion and surveillance items, as policy-as-code.
 *
 * <p>API: build an {@link org.pallas.policy.Application} (the facts: classification, screened parties,
 * destinations, end use, due-diligence answers, prior denials, exporter record) and call
 * {@link org.pallas.policy.PolicyEngine#assess}; the {@link org.pallas.policy.Assessment} gives the route, the score
 * with its contributions, red flags with evidence, adviser consultations and licence conditions, each citing rule IDs
 * of {@code shared/reference/regulation.md}, plus the rulebook version and content hash.
 * {@link org.pallas.policy.DueDiligenceQuestionnaire} chooses the questions to ask in proportion to the preliminary
 * risk. The rulebook ({@link org.pallas.policy.Rulebook}) is YAML with CEL conditions in
 * {@code src/main/resources/org/pallas/policy/rulebook}; {@link org.pallas.policy.RuleCatalogue} renders it as
 * Markdown. No Spring, no I/O after loading, no shared mutable state.
 */
package org.pallas.policy;
