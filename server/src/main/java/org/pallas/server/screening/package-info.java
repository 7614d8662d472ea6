/**
 * Restricted-party screening: the list versions in use (imports, reports, atomic switch), searches and batch
 * screening, the party register with continuous re-screening and alert review. Its changes are published as {@link
 * org.pallas.server.screening.ScreeningChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening", allowedDependencies = "platform")
package org.pallas.server.screening;
