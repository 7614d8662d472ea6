package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authority's casework journeys in a real browser, axe-core on every page: (a) enhanced review with advice from
 * all three adviser teams, consolidation, a decision with conditions and the senior officer's countersignature; (b)
 * a refusal citing criteria, the exporter's refusal letter and appeal, and the appeal decided by an officer who took
 * no part in the refusal.
 */
@Tag("browser")
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseworkJourneyBrowserTests {

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

    /**
     * The exporter fills in and submits an application for the penetration-testing framework it picks from its product
     * register (4D004, tier 2); returns its path.
     */
    private String apply(String endUser, String endUserType, String agency, String tier, String category)
            throws Exception {
        String product = new TestCast(jdbc, tokens)
                .registeredProduct(products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
        browser.signIn("northbridge.lee", PASSWORD).open("/applications");
        browser.submit("#start-application");
        String application = browser.path().replace("/edit", "");
        browser.find("#productId option[value='" + product + "']").click();
        type("productName", "Redline assessment toolkit");
        type("controlEntries", "4D004");
        type("riskTier", tier);
        type("endUserName", endUser);
        type("endUserCountry", "DE");
        type("endUserAddress", "Taunusanlage 12, Frankfurt am Main");
        browser.find("#endUserType option[value=" + endUserType + "]").click();
        if (agency != null) {
            type("endUserAgency", agency);
        }
        type("destinations", "DE");
        browser.find("#endUseCategory option[value=" + category + "]").click();
        type("endUseStatement", "Authorised use of the toolkit by the end user's own staff.");
        browser.find("#safeguard-AUDIT_RIGHTS").click();
        browser.find("#safeguard-LOGGING").click();
        type("seats", "5");
        type("concurrentTargets", "2");
        type("deployments", "1");
        type("supportMonths", "12");
        browser.submit("#save-draft");
        Path pdf = Files.createTempFile("undertaking", ".pdf");
        Files.write(pdf, "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        browser.find("#undertaking").sendKeys(pdf.toString());
        browser.submit("#upload-undertaking");
        Files.delete(pdf);
        browser.open(application);
        browser.submit("#submit-application");
        assertThat(browser.find("#status").getText()).isEqualTo("Submitted");
        browser.assertAccessible();
        return application;
    }

    private String casePath(String application) {
        return application.replace("/applications/", "/cases/");
    }

    private void advise(String adviser, String application, String type, String reasoning) {
        browser.signIn(adviser, PASSWORD).open("/advice");
        browser.assertAccessible();
        browser.submit("#waiting a[href$='" + application.replace("/applications/", "") + "']");
        browser.assertAccessible();
        browser.find("#advice-type-" + type).click();
        type("reasoning", reasoning);
        if (type.equals("APPROVE_WITH_CONDITIONS")) {
            type("adviceConditions", "Quarterly audit report to the authority");
        }
        browser.submit("#give-advice-button");
    }

    @Test
    void enhancedReviewWithAdviceFromEveryTeamIsCountersignedAndTheExporterSeesTheLicence() throws Exception {
        // A military end user needs defence advice (REF-DEFENCE-MILITARY-END-USER): enhanced review, every team asked.
        // (A German government agency of a tier-3 tool was referred before rulebook 2026.12.07-1; with its oversight
        // not stated in a strong rule-of-law destination it is now a question to the applicant, not a referral.)
        String application = apply(
                "Kommando Cyber- und Informationsraum",
                "MILITARY",
                "Zentrum für Cyber-Operationen",
                "2",
                "PENETRATION_TESTING");
        String cases = casePath(application);

        browser.signIn("caseworker", PASSWORD).open(cases);
        assertThat(browser.find("#case-route").getText()).isEqualTo("Enhanced review");
        browser.submit("#assign-to-me");
        browser.submit("#complete-checks");
        type("adviceReason", "Military end user of an intrusion tool: please advise.");
        browser.assertAccessible();
        browser.submit("#request-advice");
        assertThat(browser.find("#case-status").getText()).isEqualTo("Awaiting advice");

        advise("adviser.hr", application, "APPROVE_WITH_CONDITIONS", "Oversight exists; audit reports needed.");
        advise("adviser.ns", application, "APPROVE", "No national-security concern.");
        advise("adviser.def", application, "NO_VIEW", "Not a defence matter.");
        assertThat(browser.find("#case-status").getText()).isEqualTo("Advice consolidation");

        browser.signIn("caseworker", PASSWORD).open(cases);
        type("summary", "All teams content; human rights asks for quarterly audit reports.");
        browser.assertAccessible();
        browser.submit("#consolidate");
        browser.find("#outcome-approved").click();
        assertThat(browser.findAll("#decision input[name=conditions]:checked")).isNotEmpty();
        type("reasons", "Oversight and safeguards are adequate with audit reports.");
        browser.assertAccessible();
        browser.submit("#record-decision");
        assertThat(browser.find("#case-status").getText()).isEqualTo("Awaiting countersignature");

        browser.signIn("senior", PASSWORD).open(cases);
        browser.assertAccessible();
        browser.find("#verdict-accept").click();
        type("countersignReasons", "Agree with the case officer.");
        browser.submit("#record-countersignature");
        assertThat(browser.find("#case-status").getText()).isEqualTo("Finalised");
        assertThat(browser.find("#licence-reference").getText()).startsWith("LIC-");
        assertThat(browser.find("#trail").getText()).contains("CaseFinalised", "AdviceGiven");
        browser.assertAccessible();

        browser.signIn("oversight", PASSWORD).open(cases);
        assertThat(browser.find("#read-only-notice").getText()).contains("oversight");
        assertThat(browser.findAll("#content form[method=post]")).isEmpty();
        browser.assertAccessible();

        browser.signIn("northbridge.lee", PASSWORD).open(application);
        assertThat(browser.find("#status").getText()).isEqualTo("Approved");
        assertThat(browser.find("#licence").getText()).contains("Issued", "Quarterly audit report to the authority");
        assertThat(browser.text()).doesNotContain("Oversight exists; audit reports needed.", "All teams content");
        browser.assertAccessible();
        browser.signOut();
    }

    @Test
    void aRefusalCitingCriteriaIsAppealedAndADifferentOfficerAllowsTheAppeal() throws Exception {
        // A bank of its own: this authority's refusal is a prior denial of the party in every later application.
        String bank = "Rhein Bank AG " + UUID.randomUUID().toString().substring(0, 6);
        String application = apply(bank, "COMMERCIAL", null, "2", "PENETRATION_TESTING");
        String cases = casePath(application);

        browser.signIn("caseworker", PASSWORD).open(cases);
        browser.submit("#assign-to-me");
        browser.submit("#complete-checks");
        browser.find("#outcome-refused").click();
        browser.find("#criterion-UK_C7").click();
        type("reasons", "Risk of diversion to an undesirable end user.");
        browser.submit("#record-decision");
        assertThat(browser.find("#case-outcome").getText()).isEqualTo("Refused");

        browser.signIn("northbridge.lee", PASSWORD).open(application);
        assertThat(browser.find("#status").getText()).isEqualTo("Refused");
        browser.submit("#refusal-letter-link");
        assertThat(browser.find("#letter-criteria").getText()).contains("UK-C7");
        assertThat(browser.find("#appeal-deadline").getText()).contains("28 days");
        browser.assertAccessible();
        browser.submit("#lodge-appeal");
        assertThat(browser.find(".error-summary").getText()).contains("grounds");
        browser.assertAccessible();
        type("grounds", "The bank's own red team is the end user.");
        browser.submit("#lodge-appeal");
        assertThat(browser.find("#status").getText()).isEqualTo("Under appeal");
        browser.assertAccessible();

        browser.signIn("senior", PASSWORD).open(cases);
        assertThat(browser.findAll("#officer option"))
                .extracting(o -> o.getText())
                .doesNotContain("Maya Okafor")
                .contains("Daniel Reyes");
        browser.findAll("#officer option").stream()
                .filter(o -> o.getText().equals("Daniel Reyes"))
                .findFirst()
                .orElseThrow()
                .click();
        browser.assertAccessible();
        browser.submit("#assign-appeal");
        browser.open(cases);
        if (browser.findAll("#appeal-allowed").isEmpty()) {
            throw new AssertionError("the senior officer was not the assigned appeal officer: "
                    + browser.find("#appeal-officer").getText());
        }
        browser.find("#appeal-allowed").click();
        type("appealReasons", "The end user is the bank itself; no diversion risk.");
        browser.submit("#record-appeal-decision");
        assertThat(browser.find("#appeal-outcome").getText()).isEqualTo("allowed");
        assertThat(browser.find("#licence-reference").getText()).startsWith("LIC-");
        browser.assertAccessible();

        browser.signIn("northbridge.lee", PASSWORD).open(application);
        assertThat(browser.find("#status").getText()).isEqualTo("Appeal allowed");
        assertThat(browser.find("#appeal-result").getText()).contains("allowed");
        browser.assertAccessible();
        browser.signOut();
    }
}
