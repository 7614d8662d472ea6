package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fast-track journey in a real browser, without JavaScript of our own: the exporter drafts, uploads the
 * undertaking and submits; the caseworker takes the case from the queue, completes the checks and approves with the
 * assessment's conditions; the exporter sees the decision and the licence, downloads the licence PDF and reports use
 * (use beyond the licensed quantity is refused next to the field). axe-core checks every page.
 */
@Tag("browser")
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicensingJourneyBrowserTests {

    static final String PASSWORD = "pallas-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ProductRegister products;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    private void type(String id, String text) {
        var field = browser.find("#" + id);
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void exporterAppliesCaseworkerApprovesOnFastTrackAndTheExporterSeesTheLicence() throws Exception {
        // The exporter's penetration-testing framework is in its product register, which classifies it 4D004, tier 2.
        String product = new TestCast(jdbc, tokens)
                .registeredProduct(products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
        browser.signIn("northbridge.lee", PASSWORD).open("/applications");
        browser.assertAccessible();
        browser.submit("#start-application");
        assertThat(browser.path()).matches("/applications/[0-9a-f-]{36}/edit");
        String application = browser.path().replace("/edit", "");
        browser.assertAccessible();

        browser.find("#productId option[value='" + product + "']").click();
        type("productName", "Redline assessment toolkit");
        type("controlEntries", "4D004");
        type("riskTier", "2");
        type("endUserName", "Rhein Bank AG");
        type("endUserCountry", "DE");
        type("endUserAddress", "Taunusanlage 12, Frankfurt am Main");
        browser.find("#endUserType option[value=COMMERCIAL]").click();
        type("destinations", "DE");
        browser.find("#endUseCategory option[value=PENETRATION_TESTING]").click();
        type("endUseStatement", "Authorised penetration testing of the bank's own networks.");
        browser.find("#safeguard-AUDIT_RIGHTS").click();
        browser.find("#safeguard-LOGGING").click();
        type("seats", "x");
        browser.submit("#save-draft");
        assertThat(browser.find(".error-summary").getText()).contains("enter a whole number");
        browser.assertAccessible();
        type("seats", "5");
        type("concurrentTargets", "2");
        type("deployments", "1");
        type("supportMonths", "12");
        browser.submit("#save-draft");
        assertThat(browser.text()).contains("Draft saved", "upload the end-user undertaking");
        browser.assertAccessible();

        Path pdf = Files.createTempFile("undertaking", ".pdf");
        Files.write(pdf, "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        browser.find("#undertaking").sendKeys(pdf.toString());
        browser.submit("#upload-undertaking");
        assertThat(browser.find("#undertaking-on-file").getText()).contains("application/pdf");
        Files.delete(pdf);

        browser.open(application);
        browser.assertAccessible();
        browser.submit("#submit-application");
        assertThat(browser.find("#status").getText()).isEqualTo("Submitted");
        String reference = browser.find("h1").getText().replace("Application ", "");
        browser.assertAccessible();

        browser.signIn("caseworker", PASSWORD).open("/cases?route=FAST_TRACK");
        browser.assertAccessible();
        browser.submit("a[href$='" + application.replace("/applications/", "") + "']");
        assertThat(browser.find("h1").getText()).contains(reference);
        assertThat(browser.find("#case-route").getText()).isEqualTo("Fast track");
        browser.assertAccessible();
        browser.submit("#assign-to-me");
        browser.submit("#complete-checks");
        assertThat(browser.find("#case-status").getText()).isEqualTo("Under review");
        assertThat(browser.findAll("input[name=conditions]:checked"))
                .as("suggested conditions are pre-selected")
                .isNotEmpty();
        browser.find("#outcome-approved").click();
        type("reasons", "Legitimate security testing for a bank.");
        browser.assertAccessible();
        browser.submit("#record-decision");
        assertThat(browser.find("#case-status").getText()).isEqualTo("Finalised");
        assertThat(browser.find("#licence-reference").getText()).startsWith("LIC-");
        browser.assertAccessible();

        browser.signIn("northbridge.lee", PASSWORD).open(application);
        assertThat(browser.find("#status").getText()).isEqualTo("Approved");
        assertThat(browser.find("#reasons").getText()).isEqualTo("Legitimate security testing for a bank.");
        assertThat(browser.find("#licence").getText()).contains("Issued", "Conditions");
        assertThat(browser.find("#licence").findElements(By.tagName("li"))).isNotEmpty();
        browser.assertAccessible();

        String licenceReference = browser.find("#licence").getText().replaceAll("(?s).*(LIC-[0-9A-F]{8}).*", "$1");
        browser.open("/licences");
        browser.assertAccessible();
        browser.open(browser.findAll("#licences a").stream()
                .filter(a -> a.getText().equals(licenceReference))
                .findFirst()
                .orElseThrow()
                .getDomAttribute("href"));
        assertThat(browser.find("#licence-reference").getText()).isEqualTo(licenceReference);
        assertThat(browser.find("#licence-status").getText()).isEqualTo("Issued");
        browser.assertAccessible();
        // The download link serves the PDF to the signed-in holder (fetched in the page, with its session).
        @SuppressWarnings("unchecked")
        java.util.List<Object> download =
                (java.util.List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeAsyncScript("const done = arguments[arguments.length - 1];"
                                + "fetch(document.querySelector('#licence-document').href).then(r => r.text()"
                                + ".then(t => done([r.status, r.headers.get('content-type'), t.substring(0, 5)])))"
                                + ".catch(e => done([0, String(e), '']));");
        assertThat(download).containsExactly(200L, "application/pdf", "%PDF-");

        browser.find("#kind option[value=DELIVERIES]").click();
        type("quantity", "2");
        type(
                "occurredOn",
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString());
        browser.submit("#report-usage");
        assertThat(browser.find("#quantity-error").getText()).contains("allows 1 DELIVERIES");
        assertThat(browser.find(".error-summary").getText()).contains("allows 1 DELIVERIES");
        browser.assertAccessible();
        type("quantity", "1");
        type(
                "occurredOn",
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString());
        type("reference", "Deployment 1");
        browser.submit("#report-usage");
        assertThat(browser.find("#used-DELIVERIES").getText()).isEqualTo("1");
        assertThat(browser.find("#history").getText()).contains("UsageReported", "Deployment 1");
        browser.assertAccessible();
        browser.signOut();
    }
}
