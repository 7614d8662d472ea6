package org.pallas.server.licensing.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ClassificationStatus;
import org.pallas.licensing.Fixtures;
import org.pallas.licensing.Product;
import org.pallas.policy.Rulebook;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ConfirmedRating;
import org.pallas.server.classification.ConfirmedRatings;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.platform.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The submission assessment takes a registered product's control entries and risk tier from the authority's
 * confirmed classification, keeping a different declaration as the exporter's claim beside it, and falls back to the
 * exporter's declarations (marked not classified, kept off the fast track) when the product is not in the submitting
 * exporter's register.
 */
@PallasTest
class SubmissionClassificationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    @Autowired
    SubmissionAssessments assessments;

    @Autowired
    ConfirmedRatings ratings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private record Decided(UUID productId, String owner, String stranger, String name) {}

    /** A demo product with a decided classification request, an exporter of its organisation and one of another. */
    private Decided decidedProduct() {
        return jdbc.sql("""
                select r.product_id, v.name,
                    (select u.username from app_user u join user_role ur on ur.user_id = u.id
                     where u.organisation_id = r.organisation_id and ur.role = 'EXPORTER' and u.enabled
                     order by u.username limit 1) as owner,
                    (select u.username from app_user u join user_role ur on ur.user_id = u.id
                     where u.organisation_id <> r.organisation_id and ur.role = 'EXPORTER' and u.enabled
                     order by u.username limit 1) as stranger
                from classification_request r
                join product_version v on v.product_id = r.product_id and v.version = r.product_version
                where r.status in ('CONFIRMED', 'AMENDED') order by r.decided_at limit 1""")
                .query((rs, n) -> new Decided(
                        rs.getObject("product_id", UUID.class),
                        rs.getString("owner"),
                        rs.getString("stranger"),
                        rs.getString("name")))
                .single();
    }

    private static ApplicationDetails declaring(String productId, String name) {
        return Fixtures.individual()
                .withProducts(List.of(new Product(productId, name, ClassificationStatus.PENDING, List.of("5A004.a"))));
    }

    private static final CaseCommand.Declarations DECLARED_TIER_1 = new CaseCommand.Declarations(1, "LAW_ENFORCEMENT");

    @Test
    void usesTheAuthoritysConfirmedRatingOfARegisteredProduct() {
        Decided product = decidedProduct();
        Caller owner = new TestCast(jdbc, tokens).caller(product.owner());
        ConfirmedRating rating = ratings.latest(owner, product.productId()).orElseThrow();

        SubmissionAssessments.Result result = assessments.assess(
                owner, "PAL-TEST-1", declaring(product.productId().toString(), product.name()), DECLARED_TIER_1, AS_OF);

        assertThat(result.summary().classifications())
                .singleElement()
                .asString()
                .startsWith(product.name() + ": confirmed classification (")
                .contains("request " + rating.requestId())
                .contains("tier " + rating.rating().riskTier())
                .contains("exporter declared tier 1, entries [5A004.a]")
                .contains("the claim differs, routed on the stricter");
        SubmissionAssessments.ProductClassification side =
                result.summary().products().get(0);
        assertThat(side.registerTier()).isEqualTo(rating.rating().riskTier());
        assertThat(side.declaredTier()).isEqualTo(1);
        assertThat(side.declaredEntries()).containsExactly("5A004.a");
        assertThat(side.routedTier()).isEqualTo(Math.max(1, rating.rating().riskTier()));
        assertThat(side.differs()).isTrue();
        rating.rating()
                .entries()
                .forEach((regime, codes) -> codes.forEach(code ->
                        assertThat(result.summary().classifications().get(0)).contains(regime.name() + " " + code)));
    }

    @Test
    void theSignedInExportersRequestUsesTheirConfirmedRatingToo() {
        Decided product = decidedProduct();
        Caller owner = new TestCast(jdbc, tokens).caller(product.owner());
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(owner, null, List.of()));
        try {
            SubmissionAssessments.Result result = assessments.assess(
                    "PAL-TEST-2", declaring(product.productId().toString(), product.name()), DECLARED_TIER_1, AS_OF);
            assertThat(result.summary().classifications())
                    .singleElement()
                    .asString()
                    .contains("confirmed classification");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void fallsBackToTheDeclaredEntriesMarkedPendingWhenTheProductHasNoConfirmedClassification() {
        Decided product = decidedProduct();
        Caller owner = new TestCast(jdbc, tokens).caller(product.owner());

        SubmissionAssessments.Result result = assessments.assess(
                owner, "PAL-TEST-3", declaring("NB-CATALOGUE-7", "Unregistered tool"), DECLARED_TIER_1, AS_OF);

        assertThat(result.summary().classifications())
                .containsExactly("Unregistered tool: not classified in the register, assessed on the exporter declared "
                        + "tier 1, entries [5A004.a]; an unclassified product cannot take the fast track");
        assertThat(result.summary().products().get(0).registerTier()).isNull();
    }

    @Test
    void doesNotLendAnotherOrganisationsConfirmedRatingToAnExporter() {
        Decided product = decidedProduct();
        Caller stranger = new TestCast(jdbc, tokens).caller(product.stranger());

        SubmissionAssessments.Result result = assessments.assess(
                stranger,
                "PAL-TEST-4",
                declaring(product.productId().toString(), product.name()),
                DECLARED_TIER_1,
                AS_OF);

        assertThat(result.summary().classifications())
                .singleElement()
                .asString()
                .isEqualTo(product.name() + ": not classified in the register, assessed on the exporter declared "
                        + "tier 1, entries [5A004.a]; an unclassified product cannot take the fast track");
    }

    @Test
    void theNextSubmissionIsAssessedByARulebookChangeApprovedThroughTheApi() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        String version = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        String file;
        try (InputStream in = Rulebook.class.getResourceAsStream("/org/pallas/policy/rulebook/hard-stops.yaml")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String proposal = json.writeValueAsString(Map.of(
                "file",
                "hard-stops.yaml",
                "content",
                file,
                "newVersion",
                version,
                "reason",
                "A new version for the submission test"));
        String created = mvc.perform(cast.as(Who.CASEWORKER, post("/api/v1/rulebook/changes"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(proposal))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(created).get("id").asString();
        mvc.perform(cast.as(Who.SENIOR_OFFICER, post("/api/v1/rulebook/changes/" + id + "/approve"), true))
                .andExpect(status().isOk());

        SubmissionAssessments.Result result = assessments.assess(
                cast.caller(Who.EXPORTER_A),
                "PAL-TEST-5",
                declaring("NB-CATALOGUE-8", "Unregistered tool"),
                DECLARED_TIER_1,
                AS_OF);

        assertThat(result.summary().rulebookVersion()).startsWith("rulebook " + version + " ");
        assertThat(result.routing().assessmentReference()).startsWith("rulebook " + version + " ");
    }
}
