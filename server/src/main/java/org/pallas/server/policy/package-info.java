/**
 * Policy: the rulebook in use (reviewed changes with four eyes, each approved version active from its commit) and
 * the risk assessment, computed by {@code org.pallas.policy}, through {@link org.pallas.server.policy.Assessments}.
 * Its changes are published as {@link org.pallas.server.policy.RulebookChanged}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Policy",
        allowedDependencies = {"platform", "screening"})
package org.pallas.server.policy;
