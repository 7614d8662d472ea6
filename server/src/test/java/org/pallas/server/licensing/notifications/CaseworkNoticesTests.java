package org.pallas.server.licensing.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.LicensingJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices reach the people whose work it is (issue #19): advisers when their team is asked, senior officers when a
 * decision waits for countersignature, the case officer when the applicant answers, and the exporter with the reason
 * (the question, the decision's reasons), not just a status. The header of every page shows the unread count.
 */
@PallasTest
class CaseworkNoticesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Notifications notifications;

    @Autowired
    ProductRegister products;

    TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private JsonNode api(String who, MockHttpServletRequestBuilder request, String body, int expected)
            throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request.header("Authorization", "Bearer " + cast.token(who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return JSON.readTree(response.getContentAsString());
    }

    private String submittedEnhancedReview() throws Exception {
        // The register's tier-3 forensic kit for a government agency not under independent oversight: enhanced
        // review. An agency of its own, since a test here refuses it and this authority's refusals are prior denials.
        String kit = cast.registeredProduct(
                products, Who.EXPORTER_A, "Mobile forensic extraction kit", TestCast.FORENSIC_KIT);
        String draft = LicensingJson.enhancedReviewDraft(
                kit, "Bundesamt Cyberabwehr " + UUID.randomUUID().toString().substring(0, 6));
        String id = api("northbridge.lee", post("/api/v1/applications"), draft, 201)
                .get("id")
                .asString();
        mvc.perform(put("/api/v1/applications/" + id + "/undertaking")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(LicensingJson.PDF)
                .header("Authorization", "Bearer " + cast.token("northbridge.lee")));
        api("northbridge.lee", post("/api/v1/applications/" + id + "/submit"), null, 200);
        return id;
    }

    private List<Notifications.Notification> noticesOf(String username, String titlePart) {
        return notifications.mine(cast.caller(username)).stream()
                .filter(n -> n.title().contains(titlePart))
                .toList();
    }

    private String page(Who who, String path) throws Exception {
        return mvc.perform(get(path).with(cast.session(who)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void eachStepTellsThePeopleWhoseWorkItIsWithTheReason() throws Exception {
        String id = submittedEnhancedReview();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String reference = api("caseworker", get("/api/v1/cases/" + id), null, 200)
                .get("reference")
                .asString();
        api("caseworker", post("/api/v1/cases/" + id + "/assign"), null, 200);
        api("caseworker", post("/api/v1/cases/" + id + "/checks"), null, 200);

        api(
                "caseworker",
                post("/api/v1/cases/" + id + "/information-request"),
                "{\"question\":\"Question " + marker + "?\"}",
                200);
        assertThat(noticesOf("northbridge.lee", "Information requested on application " + reference))
                .as("the exporter hears why, not only that")
                .singleElement()
                .satisfies(n -> assertThat(n.body()).contains("Question " + marker + "?"));
        api(
                "northbridge.lee",
                post("/api/v1/applications/" + id + "/information-response"),
                "{\"answer\":\"Answer " + marker + "\"}",
                200);
        assertThat(noticesOf("caseworker", "The applicant answered on case " + reference))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.body()).contains("Answer " + marker);
                    assertThat(n.link()).isEqualTo("/cases/" + id);
                });

        api(
                "caseworker",
                post("/api/v1/cases/" + id + "/advice-request"),
                "{\"reason\":\"Look at " + marker + "\"}",
                200);
        for (String adviser : List.of("adviser.hr", "adviser.ns", "adviser.def")) {
            assertThat(noticesOf(adviser, "Advice requested on case " + reference))
                    .as(adviser)
                    .singleElement()
                    .satisfies(n -> assertThat(n.body()).contains("Look at " + marker));
        }
        assertThat(noticesOf("northbridge.lee", "Advice requested"))
                .as("advice is regulator-only")
                .isEmpty();
        for (String adviser : List.of("adviser.hr", "adviser.ns", "adviser.def")) {
            api(
                    adviser,
                    post("/api/v1/cases/" + id + "/advice"),
                    "{\"type\":\"APPROVE\",\"reasoning\":\"Fine " + marker + "\"}",
                    200);
        }
        assertThat(noticesOf("caseworker", "Advice given on case " + reference)).hasSize(3);
        api("caseworker", post("/api/v1/cases/" + id + "/consolidation"), "{\"summary\":\"All approve.\"}", 200);
        api(
                "caseworker",
                post("/api/v1/cases/" + id + "/decision"),
                "{\"outcome\":\"REFUSED\",\"reasons\":\"Reasons " + marker + "\",\"criteria\":[\"UK_C7\"]}",
                200);
        assertThat(noticesOf("senior", "Countersignature waits on case " + reference))
                .singleElement()
                .satisfies(n -> assertThat(n.link()).isEqualTo("/cases/" + id));
        assertThat(noticesOf("caseworker", "Countersignature waits"))
                .as("not the officer who decided")
                .noneMatch(n -> n.title().contains(reference));

        api(
                "senior",
                post("/api/v1/cases/" + id + "/countersignature"),
                "{\"verdict\":\"COUNTERSIGN\",\"reasons\":\"Agree.\"}",
                200);
        assertThat(noticesOf("northbridge.lee", "Decision on application " + reference))
                .singleElement()
                .satisfies(n -> assertThat(n.body()).contains("refused", "Reasons " + marker));
        assertThat(noticesOf("northbridge.lee", reference))
                .as("the exporter never hears of advice or countersignatures")
                .allSatisfy(n -> assertThat(n.body()).doesNotContain("Fine " + marker, "Agree."));
    }

    @Test
    void theHeaderOfEveryPageShowsTheUnreadCountUntilTheNoticesAreRead() throws Exception {
        String id = submittedEnhancedReview();
        api("caseworker", post("/api/v1/cases/" + id + "/assign"), null, 200);
        api("caseworker", post("/api/v1/cases/" + id + "/checks"), null, 200);
        api("caseworker", post("/api/v1/cases/" + id + "/advice-request"), "{\"reason\":\"Tier 3.\"}", 200);

        long unread = notifications.unread(cast.caller(Who.ADVISER));
        assertThat(unread).isPositive();
        for (String path : List.of("/", "/advice", "/cases/" + id)) {
            assertThat(page(Who.ADVISER, path))
                    .as(path)
                    .contains("id=\"notices-link\"", "id=\"unread-badge\">" + unread + "</span>", " unread</span>");
        }

        mvc.perform(post("/notifications/read").with(cast.session(Who.ADVISER)).with(csrf()));
        String after = page(Who.ADVISER, "/advice");
        assertThat(after).contains("id=\"notices-link\"", "(none unread)").doesNotContain("id=\"unread-badge\"");
    }
}
