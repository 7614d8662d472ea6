package org.pallas.licensing;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the holder sees of a licence: everything but the regulator-only review flags and the officer's identity. */
public record ExporterLicenceView(
        String licenceId,
        String caseId,
        LicenceType type,
        LicenceStatus status,
        List<String> conditions,
        LocalDate validFrom,
        LocalDate validUntil,
        LocalDate afterSalesUntil,
        Map<UsageKind, Long> allowed,
        Map<UsageKind, Long> used,
        List<ReportingDuty> reportingDuties,
        Set<String> destinations,
        List<String> productIds) {

    public ExporterLicenceView {
        conditions = List.copyOf(conditions);
        allowed = Map.copyOf(allowed);
        used = Map.copyOf(used);
        reportingDuties = List.copyOf(reportingDuties);
        destinations = Set.copyOf(destinations);
        productIds = List.copyOf(productIds);
    }

    public static ExporterLicenceView of(Licence l, Actor viewer) {
        viewer.requireExporterOf(l.organisationId(), "view licence " + l.licenceId());
        Map<UsageKind, Long> used = new EnumMap<>(UsageKind.class);
        for (UsageKind k : UsageKind.values()) {
            used.put(k, l.used(k));
        }
        return new ExporterLicenceView(
                l.licenceId(),
                l.caseId(),
                l.type(),
                l.status(),
                l.conditions(),
                l.validFrom(),
                l.validUntil(),
                l.afterSalesUntil(),
                l.allowed(),
                used,
                l.reportingDuties(),
                l.destinations(),
                l.productIds());
    }
}
