package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Questions depend on the risk, in a real browser without JavaScript: a police end user of a tier-3 forensic kit is
 * asked its oversight and the targeted scope once the draft is saved (a bank's pentest draft is not), the answers are
 * kept, and the caseworker's case page shows the screening matches section. axe-core checks every page.
 */
@Tag("browser")
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MitigationQuestionsBrowserTests {

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
    void aPoliceDraftOfAForensicKitIsAskedItsOversightAndTargetedScopeAndKeepsTheAnswers() {
        String kit = new TestCast(jdbc, tokens)
                .registeredProduct(products, Who.EXPORTER_A, "Mobile forensic extraction kit", TestCast.FORENSIC_KIT);
        browser.signIn("northbridge.lee", PASSWORD).open("/applications");
        browser.submit("#start-application");
        assertThat(browser.findAll("#oversight-questions"))
                .as("nothing to ask of an empty draft")
                .isEmpty();

        browser.find("#productId option[value='" + kit + "']").click();
        type("controlEntries", "4A005, 4D004");
        type("riskTier", "3");
        type("endUserName", "Politie Landelijke Eenheid");
        type("endUserCountry", "NL");
        type("endUserAddress", "Hoofdstraat 1, Driebergen");
        browser.find("#endUserType option[value=POLICE]").click();
        type("destinations", "NL");
        browser.find("#endUseCategory option[value=LAW_ENFORCEMENT]").click();
        type("endUseStatement", "Extraction of data from devices seized under warrant.");
        browser.submit("#save-draft");
        assertThat(browser.find("#oversight-questions").getText()).contains("Oversight of the end user");
        assertThat(browser.find("#targeted-questions").getText()).contains("Targeted scope of use");
        browser.assertAccessible();

        browser.find("#oversight option[value=YES]").click();
        type("oversightBody", "Rechter-commissaris (examining magistrate)");
        type("oversightLegalBasis", "Wetboek van Strafvordering art. 126nba, judicial warrant");
        type("targets", "4");
        type("targetKind", "suspects named in a warrant");
        type("targetMonths", "6");
        browser.submit("#save-draft");
        assertThat(browser.text()).contains("Draft saved");
        assertThat(browser.find("#oversightBody").getDomProperty("value"))
                .isEqualTo("Rechter-commissaris (examining magistrate)");
        assertThat(browser.find("#targets").getDomProperty("value")).isEqualTo("4");
        browser.assertAccessible();
        browser.signOut();
    }
}
