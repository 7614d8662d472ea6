package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pallas.server.PallasTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The foundation's journeys in a real headless Chromium: sign-in per role with role-aware navigation,
 * sign-out, a tenant-isolation attempt through the address bar, hostile names, and an axe-core
 * accessibility check on every page visited.
 */
@Tag("browser")
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationJourneysBrowserTests {

    static final String PASSWORD = "pallas-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @ParameterizedTest(name = "{0} signs in, sees {2}, and not {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "northbridge.lee | Northbridge Security Ltd | My organisation | Administration",
                "calder.weber    | Calder Forensics GmbH    | My organisation | Organisations",
                "caseworker      | Office for Strategic Export Controls | Organisations | Administration",
                "adviser.hr      | Interministerial Advisory Department | Organisations | Administration",
                "senior          | Office for Strategic Export Controls | Organisations | Administration",
                "oversight       | Parliamentary Committee on Export Oversight | Organisations | Administration",
                "auditor         | National Audit Office | Organisations | Administration",
                "admin           | Office for Strategic Export Controls | Administration | NONE",
                "civil.society   | Digital Rights Observatory | Your account | Organisations"
            })
    void signsInSeesRoleAwareNavigationAndSignsOut(
            String username, String organisation, String visible, String hidden) {
        browser.signIn(username, PASSWORD).open("/");
        assertThat(browser.find(".account-who").getText()).contains(organisation);
        List<String> navigation = browser.findAll("nav[aria-label=Main] a").stream()
                .map(WebElement::getText)
                .toList();
        assertThat(navigation).contains("Home", visible);
        assertThat(navigation).doesNotContain(hidden);
        browser.assertAccessible();

        for (String label : navigation) {
            browser.open(browser.find("nav[aria-label=Main]")
                    .findElement(By.linkText(label))
                    .getAttribute("href")
                    .substring(("http://localhost:" + port).length()));
            assertThat(browser.find("h1").getText())
                    .as("heading of %s for %s", label, username)
                    .isNotBlank();
            assertThat(browser.text())
                    .as("no stack trace or framework error page")
                    .doesNotContain("Whitelabel", "Exception:", "at org.", "at java.");
            browser.assertAccessible();
        }

        browser.signOut();
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text()).contains("You have signed out");
        browser.open("/account");
        assertThat(browser.path()).as("a signed-out browser is sent to sign in").startsWith("/login");
        browser.signIn(username, PASSWORD);
        assertThat(browser.path())
                .as("after sign-in the browser returns to the page it asked for")
                .startsWith("/account");
        browser.signOut();
    }

    @Test
    void wrongPasswordIsRefusedWithTheSameMessageForKnownAndUnknownUsers() {
        browser.signIn("northbridge.patel", "not-the-password");
        String known = browser.find(".error-summary").getText();
        browser.assertAccessible();
        browser.signIn("nobody.at.all", "not-the-password");
        String unknown = browser.find(".error-summary").getText();
        assertThat(known).isEqualTo(unknown).isNotBlank();
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void exporterCannotOpenAnotherOrganisationByTypingItsAddress() {
        UUID calder = jdbc.sql("select id from organisation where name = 'Calder Forensics GmbH'")
                .query(UUID.class)
                .single();
        UUID northbridge = jdbc.sql("select id from organisation where name = 'Northbridge Security Ltd'")
                .query(UUID.class)
                .single();
        browser.signIn("northbridge.lee", PASSWORD);

        browser.open("/organisations/" + northbridge);
        assertThat(browser.find("h1").getText()).contains("Northbridge Security Ltd");

        browser.open("/organisations/" + calder);
        assertThat(browser.find("h1").getText()).containsIgnoringCase("not found");
        assertThat(browser.text()).doesNotContain("Calder");
        browser.assertAccessible();

        browser.open("/admin/organisations");
        assertThat(browser.text()).doesNotContain("Calder Forensics GmbH");
        browser.signOut();
    }

    @Test
    void hostileOrganisationNameIsShownAsTextNotRun() {
        String hostile = "<script>document.title='pwned'</script>\"'‮ Evil & Co";
        browser.signIn("admin", PASSWORD);
        browser.open("/admin/organisations");
        browser.find("#name").sendKeys(hostile);
        browser.find("#country").sendKeys("GB");
        browser.submit("form[action$='/admin/organisations'] button[type=submit]");

        browser.open("/admin/organisations");
        assertThat(browser.text()).contains("<script>document.title='pwned'</script>");
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        browser.assertAccessible();
        browser.signOut();
    }
}
