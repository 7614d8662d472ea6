package org.pallas.screening.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pallas.screening.ImportProgress;
import org.pallas.screening.ListVersion;
import org.pallas.screening.importing.ListFormat;
import org.pallas.screening.importing.ListImportException;
import org.pallas.screening.importing.ListImporter;

/**
 * The lists Pallas bundles (see SOURCES.md beside them). OFAC legacy CSV files state no publication date;
 * the dates below are those of SOURCES.md. In a checkout the lists the server ships lie in
 * {@value #SHIPPED}; the 2021 SDN extract, which only the tests and the evaluation use, in {@value #TEST_ONLY}.
 */
public final class BundledLists {
    /** One bundled list: its source name, format, publication date if the files lack one, and files. */
    public record Bundle(String source, ListFormat format, LocalDate publishedOn, List<String> files) {}

    public static final List<Bundle> BUNDLES = List.of(
            new Bundle(
                    "US-OFAC-SDN",
                    ListFormat.OFAC_LEGACY_CSV,
                    LocalDate.of(2024, 5, 3),
                    List.of("ofac_sdn_2024-05-03_primary.csv")),
            new Bundle(
                    "US-OFAC-SDN-2021",
                    ListFormat.OFAC_LEGACY_CSV,
                    LocalDate.of(2021, 7, 7),
                    List.of(
                            "ofac_sdn_2021-07_primary.csv",
                            "ofac_sdn_2021-07_aliases.csv",
                            "ofac_sdn_2021-07_addresses.csv")),
            new Bundle(
                    "US-OFAC-NONSDN",
                    ListFormat.OFAC_LEGACY_CSV,
                    LocalDate.of(2025, 12, 19),
                    List.of(
                            "ofac_nonsdn_consolidated_2025-12_primary.csv",
                            "ofac_nonsdn_consolidated_2025-12_aliases.csv",
                            "ofac_nonsdn_consolidated_2025-12_addresses.csv")),
            new Bundle("US-BIS-DPL", ListFormat.BIS_DPL_TSV, null, List.of("bis_denied_persons_list_2023-11.tsv")),
            new Bundle(
                    "US-CSL",
                    ListFormat.US_CSL_CSV,
                    null,
                    List.of("us_csl_consolidated_screening_list_2023-11_subset.csv")),
            new Bundle("UN-SC", ListFormat.UN_SC_XML, null, List.of("un_sc_consolidated_list_2026-02-27.xml")),
            new Bundle(
                    "PALLAS-SPYWARE",
                    ListFormat.PROJECT_CSV,
                    null,
                    List.of("project/spyware_sector_restrictions_2026.csv")));

    /** The server's shipped lists, relative to the checkout. */
    public static final String SHIPPED = "server/src/main/resources/lists";
    /** Lists used by tests and the evaluation but not shipped, relative to the checkout. */
    public static final String TEST_ONLY = "screening-core/src/test/data/sanctions";

    private BundledLists() {}

    /** The folders that hold every bundle in a checkout: the shipped lists first, then the test-only ones. */
    public static List<Path> inCheckout(Path checkout) {
        return List.of(checkout.resolve(SHIPPED), checkout.resolve(TEST_ONLY));
    }

    public static ListVersion importBundle(Path sanctionsDir, Bundle bundle, Clock clock, ImportProgress progress)
            throws ListImportException {
        ListImporter importer = new ListImporter(clock, progress);
        List<ListImporter.Input> inputs = bundle.files().stream()
                .map(f -> ListImporter.Input.of(sanctionsDir.resolve(f)))
                .toList();
        return importer.importInputs(bundle.format(), bundle.source(), bundle.publishedOn(), inputs);
    }

    public static List<ListVersion> importAll(Path sanctionsDir, Clock clock) throws ListImportException {
        return importAll(List.of(sanctionsDir), clock);
    }

    /**
     * Imports every bundle, each from the first of {@code folders} that holds its first file (from the first
     * folder if none does, so that the importer reports the missing file).
     */
    public static List<ListVersion> importAll(List<Path> folders, Clock clock) throws ListImportException {
        List<ListVersion> out = new ArrayList<>();
        for (Bundle b : BUNDLES) {
            Path folder = folders.stream()
                    .filter(f -> Files.isRegularFile(f.resolve(b.files().get(0))))
                    .findFirst()
                    .orElse(folders.get(0));
            out.add(importBundle(folder, b, clock, ImportProgress.NONE));
        }
        return out;
    }
}
