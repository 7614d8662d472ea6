package org.pallas.server.licensing.licences;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pallas.licensing.Licence;
import org.pallas.licensing.Party;
import org.pallas.licensing.Product;
import org.pallas.licensing.ReportingDuty;
import org.pallas.licensing.UsageKind;
import org.pallas.server.ledger.LedgerReads;
import org.pallas.server.licensing.LicensingChanged;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.Labels;
import org.pallas.server.platform.RecordedChange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The licence as a PDF document: holder, products and control entries, terms, conditions, validity, allowed and used
 * quantities, reporting duties, and the verification block — the public ledger entry of the issue (its address, index
 * and leaf hash) against which anyone can check that this licence was issued and whether it still stands.
 *
 * <p>Addresses start with {@code pallas.public-base-url} when it is set, else with the address the request reached
 * this server on (scheme, host, port and context path).
 */
@Service
class LicenceDocuments {

    /** Where the issue is on the ledger; index and leaf hash are null until the entry is sequenced and signed. */
    record Verification(String url, Long index, String leafHash) {}

    /** Outside a request with no address configured (never for the pages and API). */
    private static final String LOCAL = "http://localhost:8080";

    private final Licences licences;
    private final LedgerReads ledger;
    private final Labels labels;
    private final String configuredBaseUrl;

    LicenceDocuments(
            Licences licences, LedgerReads ledger, Labels labels, @Value("${pallas.public-base-url:}") String baseUrl) {
        this.licences = licences;
        this.ledger = ledger;
        this.labels = labels;
        this.configuredBaseUrl = withoutTrailingSlash(baseUrl.strip());
    }

    /** The configured public address, else the one the current request came to. */
    String baseUrl() {
        if (!configuredBaseUrl.isEmpty()) {
            return configuredBaseUrl;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return withoutTrailingSlash(ServletUriComponentsBuilder.fromContextPath(request.getRequest())
                    .build()
                    .toUriString());
        }
        return LOCAL;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The ledger entries of the licence in order (index null until sequenced), for history links. */
    @Transactional(readOnly = true)
    public List<LedgerReads.Recorded> recorded(UUID licenceId) {
        return ledger.recorded("licence", licenceId.toString());
    }

    @Transactional(readOnly = true)
    public Verification verification(UUID licenceId) {
        Optional<LedgerReads.Recorded> issued = recorded(licenceId).stream()
                .filter(r -> r.type().equals(RecordedChange.typeOf(LicensingChanged.LicenceIssued.class)))
                .findFirst();
        Long index = issued.map(LedgerReads.Recorded::index).orElse(null);
        String baseUrl = baseUrl();
        if (index == null) {
            return new Verification(baseUrl + "/ledger", null, null);
        }
        String leaf = index < ledger.treeSize() ? ledger.entry(index).leafHash() : null;
        return new Verification(baseUrl + "/ledger/entries/" + index, index, leaf);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(Caller caller, UUID id) {
        LicenceStore.Loaded loaded = licences.find(caller, id);
        Licence l = loaded.licence();
        Verification v = verification(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Licence " + loaded.reference());
        doc.addCreator("Pallas");
        doc.open();
        Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
        Font h2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        doc.add(new Paragraph("Licence " + loaded.reference(), h1));
        doc.add(new Paragraph(
                labels.of(l.type()) + " licence held by " + loaded.organisationName() + ", issued on application "
                        + loaded.caseReference() + ". Status: " + labels.of(l.status()) + ".",
                body));
        doc.add(new Paragraph("Products", h2));
        for (Product p : l.products()) {
            doc.add(new Paragraph(
                    p.name() + ", control entries "
                            + (p.controlEntries().isEmpty() ? "none stated" : String.join(", ", p.controlEntries())),
                    body));
        }
        doc.add(new Paragraph("Validity", h2));
        doc.add(new Paragraph(
                "Valid from " + l.validFrom() + " to " + l.validUntil() + " inclusive. Updates and support"
                        + " for what was delivered may be given until " + l.afterSalesUntil() + ".",
                body));
        doc.add(new Paragraph("Destinations: " + labels.countries(l.destinations()), body));
        doc.add(new Paragraph("Parties", h2));
        for (Party p : l.parties()) {
            doc.add(new Paragraph(
                    labels.of(p.role()) + ": " + p.name() + " (" + labels.country(p.countryCode()) + ")", body));
        }
        doc.add(new Paragraph("Quantities", h2));
        for (Map.Entry<UsageKind, Long> e : l.allowed().entrySet()) {
            doc.add(new Paragraph(
                    labels.of(e.getKey()) + ": allowed " + e.getValue() + ", used " + l.used(e.getKey()), body));
        }
        doc.add(new Paragraph("Conditions", h2));
        if (l.conditions().isEmpty()) {
            doc.add(new Paragraph("None beyond the reporting duties.", body));
        }
        int n = 1;
        for (String c : l.conditions()) {
            doc.add(new Paragraph(n++ + ". " + c, body));
        }
        doc.add(new Paragraph("Reporting duties", h2));
        for (ReportingDuty d : l.reportingDuties()) {
            doc.add(new Paragraph(d.description() + " (every " + labels.period(d.every()) + ")", body));
        }
        doc.add(new Paragraph("Verification", h2));
        doc.add(new Paragraph("The issue of this licence is recorded on the Pallas public ledger: " + v.url(), body));
        if (v.index() != null) {
            doc.add(new Paragraph("Ledger entry index: " + v.index(), body));
        }
        doc.add(new Paragraph(
                "Leaf hash: " + (v.leafHash() == null ? "pending until the next signed checkpoint" : v.leafHash()),
                body));
        doc.add(new Paragraph(
                "Check the current status of the licence at " + baseUrl() + "/licences/" + id
                        + " (holder and authority) and the ledger entries of licence " + id + ".",
                body));
        doc.close();
        return out.toByteArray();
    }
}
