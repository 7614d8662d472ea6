package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.pallas.server.PallasTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public misuse-report form in a real headless Chromium, without signing in and with JavaScript playing no part
 * (the pages have none): report with a screenshot, read the receipt once, follow up with it; then the caseworker
 * finds the report in the queue. Every page passes axe.
 */
@Tag("browser")
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MisuseReportBrowserTests {

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
    void anAnonymousReporterReportsWithEvidenceKeepsTheReceiptAndFollowsUp() throws Exception {
        browser.open("/report");
        assertThat(browser.find("h1").getText()).isEqualTo("Report misuse of spyware");
        browser.assertAccessible();

        // The required fields are marked for the browser; the server's own checks are in MisuseReportPagesTests.
        assertThat(browser.find("#account").getAttribute("required")).isNotNull();

        browser.find("#account").sendKeys("A journalist's phone showed Pegasus traces in an MVT check.");
        new Select(browser.find("#discovery")).selectByValue("DEVICE_FORENSICS");
        browser.find("#target-JOURNALIST").click();
        browser.find("#product").sendKeys("Pegasus");
        Path screenshot = Files.createTempFile("notification", ".png");
        Files.write(
                screenshot,
                java.util.Base64.getDecoder()
                        .decode(
                                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        browser.find("#evidence").sendKeys(screenshot.toAbsolutePath().toString());
        browser.submit("#send-report");
        assertThat(browser.find("h1").getText()).isEqualTo("Report received");
        String reference = browser.find("#reference").getText();
        String receipt = browser.find("#receipt").getText();
        assertThat(reference).matches("MR-\\d{4}-\\d{5}");
        assertThat(browser.path()).doesNotContain(receipt);
        browser.assertAccessible();

        browser.open("/report/follow-up");
        browser.assertAccessible();
        browser.find("#receipt").sendKeys(receipt);
        browser.submit("#follow-up");
        assertThat(browser.text()).contains(reference, "No action has been taken yet.");
        assertThat(browser.path()).doesNotContain(receipt);
        browser.assertAccessible();
        browser.find("#text").sendKeys("The phone is available for a second check.");
        browser.submit("#send-message");
        assertThat(browser.text()).contains("The phone is available for a second check.");

        browser.signIn("caseworker", FoundationJourneysBrowserTests.PASSWORD).open("/misuse-reports");
        assertThat(browser.text()).contains(reference);
        browser.assertAccessible();
        browser.submit("a[href^='/misuse-reports/']:not([href$='misuse-reports/'])");
        browser.assertAccessible();
        browser.signOut();
    }
}
