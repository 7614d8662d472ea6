/**
 * Shared platform (a Spring Modulith shared module): the database, the {@link java.time.Clock}, security
 * plumbing, RFC 9457 problem details, and the contracts every capability builds on: {@link
 * org.pallas.server.platform.Caller} (tenant scoping), {@link org.pallas.server.platform.RecordedChange}
 * (events for the ledger), {@link org.pallas.server.platform.NavigationItem}, {@link
 * org.pallas.server.platform.DashboardTile}, {@link org.pallas.server.platform.DemoSeed}, {@link
 * org.pallas.server.platform.ReadLog} and {@link org.pallas.server.platform.NotFoundException}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
package org.pallas.server.platform;
