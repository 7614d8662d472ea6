package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.pallas.server.PallasTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Screening in a real headless Chromium: an exporter screens a misspelt spyware vendor and sees the
 * listed entry with its explanation; the alert queue, the party register and the list status pass axe.
 */
@Tag("browser")
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningBrowserTests {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void exporterScreensIntelexaAndSeesTheIntellexaHitWithItsExplanation() {
        browser.signIn("northbridge.lee", FoundationJourneysBrowserTests.PASSWORD)
                .open("/screening");
        browser.assertAccessible();
        browser.find("#name").sendKeys("Intelexa");
        browser.submit("#screen");

        WebElement first = browser.find("ol.matches li.match");
        assertThat(first.getText()).containsIgnoringCase("intellexa").contains("Alert");
        assertThat(first.findElements(org.openqa.selenium.By.cssSelector("ul.explanation li")))
                .isNotEmpty();
        assertThat(browser.find("#result-summary").getText()).contains("at or above the alert threshold");
        browser.assertAccessible();

        for (String page : new String[] {"/screening/alerts", "/screening/parties", "/screening/lists"}) {
            browser.open(page);
            assertThat(browser.find("h1").getText()).as(page).isNotBlank();
            assertThat(browser.text()).doesNotContain("Whitelabel", "Exception");
            browser.assertAccessible();
        }
        browser.open("/screening/alerts");
        assertThat(browser.text()).containsIgnoringCase("intellexa");
    }

    @Test
    void exporterUploadsASmallBatchFollowsItsProgressAndSeesTheResults() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("batch", ".csv");
        java.nio.file.Files.writeString(file, "name,kind\nIntelexa,organisation\nTal Dilian,person,extra\n");
        try {
            browser.signIn("calder.weber", FoundationJourneysBrowserTests.PASSWORD)
                    .open("/screening/batch");
            assertThat(browser.find("h1").getText()).isEqualTo("Batch screening");
            browser.assertAccessible();
            browser.find("#file").sendKeys(file.toAbsolutePath().toString());
            browser.submit("#start-batch");

            // Without JavaScript the page refreshes itself (Refresh header) until the job has finished.
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                    .until(d -> !d.findElements(org.openqa.selenium.By.id("batch-results"))
                            .isEmpty());
            assertThat(browser.find("#progress").getText())
                    .contains("2 of 2 rows done")
                    .contains("1 malformed");
            String table = browser.find("#batch-results").getText();
            assertThat(table)
                    .containsIgnoringCase("intellexa")
                    .contains("Alert")
                    .contains("Malformed");
            assertThat(browser.findAll("#download-csv")).hasSize(1);
            browser.assertAccessible();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
