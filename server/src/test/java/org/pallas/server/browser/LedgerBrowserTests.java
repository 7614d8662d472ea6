package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.ledger.IntegrityCheck;
import org.pallas.server.ledger.LedgerTestSequencing;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public ledger pages in a real headless Chromium, without signing in: the checkpoint and verifier key,
 * paginated entries, an entry with its inclusion proof verified; then the administrator's integrity check and the
 * auditor's reading of it. Every
 * page passes axe. Enough entries are recorded and sequenced first for two pages of entries.
 */
@Tag("browser")
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerBrowserTests {

    @LocalServerPort
    int port;

    Browser browser;

    @Autowired
    ApplicationContext context;

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    /** At least two pages of entries (50 a page), all signed. */
    private void atLeastTwoPages() {
        long size = LedgerTestSequencing.sequenceAll(context);
        if (size <= 50) {
            Caller admin = new TestCast(jdbc, tokens).caller(Who.ADMIN);
            tx.executeWithoutResult(s -> {
                for (long i = size; i <= 60; i++) {
                    organisations.create(
                            admin,
                            new OrganisationInput(
                                    "Ledger Page Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, "IE"));
                }
            });
            assertThat(LedgerTestSequencing.sequenceAll(context)).isGreaterThan(50);
        }
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anyoneReadsTheCheckpointPagesThroughEntriesAndSeesAnEntrysInclusionProofVerify() {
        atLeastTwoPages();
        browser.open("/ledger");
        assertThat(browser.find("h1").getText()).isEqualTo("Accountability ledger");
        assertThat(browser.find("#checkpoint").getText())
                .contains("\u2014 ")
                .matches("(?s)[^\\n]+\\n\\d+\\n\\S+=\\n.*");
        assertThat(browser.find("#verifier-key").getText()).matches("[^+\\s]+\\+[0-9a-f]{8}\\+\\S+");
        List<WebElement> rows = browser.findAll("table tbody tr");
        assertThat(rows).hasSize(50);
        browser.assertAccessible();

        String newest = rows.get(0).getText();
        browser.submit("a[href*='page=2']");
        assertThat(browser.path()).contains("page=2");
        assertThat(browser.find("nav[aria-label='Pages of entries']").getText()).contains("Page 2 of");
        assertThat(browser.findAll("table tbody tr")).isNotEmpty();
        assertThat(browser.findAll("table tbody tr").get(0).getText()).isNotEqualTo(newest);
        browser.assertAccessible();

        String index = browser.find("table tbody tr td a").getText();
        browser.submit("table tbody tr td a");
        assertThat(browser.path()).isEqualTo("/ledger/entries/" + index);
        assertThat(browser.find("h1").getText()).isEqualTo("Ledger entry " + index);
        assertThat(browser.find("#proof-status").getText())
                .startsWith("This entry is included in the signed tree of size")
                .contains("the proof below verifies against the checkpoint");
        assertThat(browser.find("#leaf-hash").getText()).matches("[0-9a-f]{64}");
        browser.assertAccessible();
    }

    @Test
    void theAdministratorRunsTheIntegrityCheckFromItsPage() {
        browser.signIn("admin", FoundationJourneysBrowserTests.PASSWORD).open("/admin/ledger/integrity");
        assertThat(browser.find("h1").getText()).isEqualTo("Ledger integrity");
        browser.assertAccessible();
        browser.submit("#run-check");
        assertThat(browser.find("#integrity-status").getText()).isNotBlank();
        assertThat(browser.text()).doesNotContain("Whitelabel", "Exception");
        browser.assertAccessible();
        browser.signOut();
    }

    @Test
    void anAuditorReadsTheIntegrityCheckWithoutTheButtonToRunIt() {
        context.getBean(IntegrityCheck.class).run();
        browser.signIn("auditor", FoundationJourneysBrowserTests.PASSWORD).open("/integrity");
        assertThat(browser.find("h1").getText()).isEqualTo("Ledger integrity");
        assertThat(browser.find("#integrity-status").getText()).contains("full check");
        assertThat(browser.text()).doesNotContain("Run the full check now");
        browser.assertAccessible();
        browser.signOut();
    }
}
