package org.pallas.server.misuse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.DemoSeed;
import org.pallas.server.platform.KnownCallers;
import org.springframework.stereotype.Component;

/**
 * Two demo reports (fictional accounts): one anonymous, one filed by the demo civil-society organisation under its
 * name. Their receipts are not kept anywhere, as for any report.
 */
@Component
class MisuseDemoSeed implements DemoSeed {

    /** Fixed ids, so tests and the isolation matrix can name them. */
    static final UUID ANONYMOUS_REPORT = UUID.fromString("3e5e0000-0000-4000-8000-00000000a001");

    static final UUID CIVIL_SOCIETY_REPORT = UUID.fromString("3e5e0000-0000-4000-8000-00000000c001");

    /** A 1x1 PNG standing in for a screenshot of the threat notification. */
    static final byte[] SCREENSHOT = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final MisuseReports reports;
    private final KnownCallers callers;

    MisuseDemoSeed(MisuseReports reports, KnownCallers callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void seed() {
        reports.file(
                ANONYMOUS_REPORT,
                Optional.empty(),
                new MisuseReports.ReportInput(
                        null,
                        "Pegasus",
                        "A state intelligence service",
                        "MX",
                        LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 4, 15),
                        List.of(TargetKind.JOURNALIST),
                        Discovery.PLATFORM_THREAT_NOTIFICATION,
                        "A reporter covering public contracts received a threat notification from the phone maker."
                                + " (Demo data.)",
                        false),
                List.of());
        Caller ngo = callers.byUsername("civil.society");
        reports.file(
                CIVIL_SOCIETY_REPORT,
                Optional.of(ngo),
                new MisuseReports.ReportInput(
                        "Intellexa",
                        "Predator",
                        "Ministry of the Interior",
                        "GR",
                        LocalDate.of(2026, 1, 10),
                        null,
                        List.of(TargetKind.POLITICAL_OPPOSITION, TargetKind.JOURNALIST),
                        Discovery.DEVICE_FORENSICS,
                        "Forensic analysis of two phones of opposition staff found Predator infection traces."
                                + " (Demo data.)",
                        true),
                List.of(MisuseReports.Upload.file("evidence[0]", SCREENSHOT)));
    }

    @Override
    public List<String> bannerLines() {
        return List.of("Misuse reports: report at /report, follow up at /report/follow-up, triage at /misuse-reports");
    }
}
