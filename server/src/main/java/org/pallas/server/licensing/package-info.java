/**
 * Licensing: applications and their cases (routing by the policy assessment, advice, decisions, countersignature,
 * appeals, service levels), licences and their lifecycle, general authorisations, and notifications to exporters and
 * officers. Its changes are published as {@link org.pallas.server.licensing.LicensingChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licensing",
        allowedDependencies = {"platform", "classification", "screening", "policy", "ledger"})
package org.pallas.server.licensing;
