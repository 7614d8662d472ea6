/**
 * Licensing in the server: the domain of {@code licensing-core} ({@code org.pallas.licensing}) wired to Spring,
 * stored in PostgreSQL (cases and licences as their ordered commands) and served as the exporters' pages and API,
 * the authority's casework, licences, service levels and general authorisations. Every change is published as a
 * {@link org.pallas.server.licensing.LicensingChanged} event in the transaction that makes it. Sub-packages
 * split it by audience and concept: {@code cases}, {@code exporter}, {@code casework}, {@code licences},
 * {@code servicelevels}, {@code generalauthorisations}, {@code notifications}.
 *
 * <p>It reads the product register's classifications of {@code classification}, the exporting organisation's country
 * from {@code identity} (the exporter is screened too), registers parties with {@code screening} and hears its
 * alerts, assesses submissions through {@code policy} (with the misuse evidence confirmed in {@code misuse}), reads
 * ledger entries for licence documents, and hears confirmed misuse reports to flag licences and note open cases for
 * review; nothing else.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Licensing",
        allowedDependencies = {"platform", "identity", "classification", "screening", "policy", "ledger", "misuse"})
package org.pallas.server.licensing;
