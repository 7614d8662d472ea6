package org.pallas.classification.capability;

/** The 5A001.j.1 capabilities of an IP network system. */
public enum NetworkAnalysis implements Choice {
    APPLICATION_LAYER_ANALYSIS("Analyses traffic at the application layer (OSI layer 7)"),
    CONTENT_EXTRACTION("Extracts selected metadata and application content (voice, video, messages, attachments)"),
    INDEXING("Indexes the extracted data"),
    NONE("None of these");

    private final String label;

    NetworkAnalysis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
