package org.pallas.screening.importing;

/** The list file formats Pallas imports. */
public enum ListFormat {
    /** OFAC legacy CSV: {@code sdn.csv}, then optionally {@code alt.csv} and {@code add.csv} (also the non-SDN cons_*.csv). */
    OFAC_LEGACY_CSV,
    /** UN Security Council consolidated list XML. */
    UN_SC_XML,
    /** BIS Denied Persons List, tab-separated with quotes. */
    BIS_DPL_TSV,
    /** US Consolidated Screening List CSV (trade.gov). */
    US_CSL_CSV,
    /** OpenSanctions FollowTheMoney entities, one JSON object per line. */
    FTM_JSON_LINES,
    /** The project CSV format of {@code shared/data/sanctions/project/README.md}. */
    PROJECT_CSV
}
