package org.pallas.server.misuse;

/**
 * The licences and cases a triage may link a report to, as the licensing module knows them (it implements this,
 * so the dependency runs from licensing to misuse and never back). A link names the public reference.
 */
public interface LinkedRecords {

    boolean licenceExists(String reference);

    boolean caseExists(String reference);
}
