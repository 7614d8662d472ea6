package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.pallas.server.PallasTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guided questionnaire in a real browser, without JavaScript help: an exporter registers a
 * product step by step (each step shows only the questions that now apply), sees the classification
 * with its cited explanation and sends it for classification; a caseworker confirms the rating with
 * reasons and the exporter sees it. axe-core checks every page on the way.
 */
@Tag("browser")
@PallasTest
class ClassificationBrowserTest {

    private static final String PASSWORD = "pallas-demo-2026";

    /** A vulnerability report with a working exploit, sent to the affected vendor: disclosure, not 4E001.c. */
    private static final Map<String, List<String>> DISCLOSURE = new LinkedHashMap<>();

    static {
        DISCLOSURE.put("item_kind", List.of("vulnerability_research"));
        DISCLOSURE.put("item_forms", List.of("technology"));
        DISCLOSURE.put("exploitation_technique", List.of("yes"));
        DISCLOSURE.put("evades_monitoring", List.of("no"));
        DISCLOSURE.put("defeats_countermeasures", List.of("yes"));
        DISCLOSURE.put("payload_effects", List.of("alters_execution"));
        DISCLOSURE.put("transfer_purpose", List.of("vulnerability_disclosure"));
        DISCLOSURE.put("recipient", List.of("affected_vendor"));
        DISCLOSURE.put("published", List.of("no"));
        DISCLOSURE.put("target_platforms", List.of("android"));
    }

    @LocalServerPort
    int port;

    @Test
    void anExporterAnswersTheQuestionnaireStepByStepAndACaseworkerConfirmsTheRating() {
        String productPath;
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.signIn("northbridge.lee", PASSWORD);
            browser.open("/products").assertAccessible();
            browser.submit("#register-product");
            assertThat(browser.path()).isEqualTo("/products/new");
            // The first step asks what the product is and in what form, nothing about networks or exploits yet.
            assertThat(questionIds(browser)).containsExactly("item_kind", "item_forms");
            browser.assertAccessible();
            browser.find("#name").sendKeys("Android disclosure report");

            int steps = 0;
            while (!browser.find("#progress").getText().startsWith("Every question")) {
                List<String> shown = questionIds(browser);
                assertThat(shown).as("questions shown at step %d", steps).isSubsetOf(DISCLOSURE.keySet());
                for (String question : shown) {
                    for (String option : DISCLOSURE.get(question)) {
                        WebElement input = browser.find("#" + question + "--" + option);
                        if (!input.isSelected()) {
                            input.click();
                        }
                    }
                }
                browser.submit("#continue");
                assertThat(++steps).as("steps to complete the questionnaire").isLessThan(10);
            }
            assertThat(steps).isGreaterThan(1);
            assertThat(questionIds(browser)).containsExactlyInAnyOrderElementsOf(DISCLOSURE.keySet());
            browser.assertAccessible();

            browser.submit("#save");
            productPath = browser.path();
            assertThat(productPath).matches("/products/[0-9a-f-]{36}");
            assertThat(browser.text()).contains("The product has been registered.");
            WebElement wassenaar = browser.find("#regime-WA");
            assertThat(wassenaar.getText())
                    .contains("Not controlled")
                    .contains("WA-4E001-N1")
                    .contains("WA-DEF-VD");
            assertThat(browser.findAll("#regime-WA .explanation li")).hasSizeGreaterThan(2);
            browser.assertAccessible();

            browser.submit("#request-classification");
            assertThat(browser.path()).startsWith("/classification/requests/");
            assertThat(browser.find("#request-status").getText()).isEqualTo("Submitted");
            browser.assertAccessible();
            String requestPath = browser.path();
            browser.signOut();

            browser.signIn("caseworker", PASSWORD);
            browser.open("/classification/requests?open=true").assertAccessible();
            browser.open(requestPath).assertAccessible();
            browser.submit("#record-decision");
            // Nothing chosen, no reasons: field-level errors, the page still accessible.
            assertThat(browser.find(".error-summary").getText()).contains("Choose whether to confirm or amend");
            browser.assertAccessible();
            browser.find("#decision-confirm").click();
            browser.find("#reasons")
                    .sendKeys("Vulnerability disclosure to the affected vendor (WA-4E001-N1, WA-DEF-VD).");
            browser.submit("#record-decision");
            assertThat(browser.find("#request-status").getText()).isEqualTo("Confirmed");
            assertThat(browser.find("#decision-reasons").getText()).contains("WA-4E001-N1");
            browser.signOut();

            browser.signIn("northbridge.lee", PASSWORD);
            browser.open(productPath);
            assertThat(browser.text()).contains("Rating confirmed by the authority for version 1");
            browser.open("/control-list").assertAccessible();
            assertThat(browser.find("#entry-4D004").getText()).contains("4D004");
            assertThat(browser.text()).contains("unverified");
        }
    }

    private static List<String> questionIds(Browser browser) {
        return browser.findAll("fieldset.question").stream()
                .map(f -> f.getAttribute("id"))
                .toList();
    }
}
