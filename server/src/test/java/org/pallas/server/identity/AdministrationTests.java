package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Administration of organisations and users: the rules an administrator cannot break. */
@PallasTest
class AdministrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Users users;

    @Autowired
    Organisations organisations;

    private TestCast cast;
    private Caller admin;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
        admin = cast.caller("admin");
    }

    @Test
    void anExporterCannotBeGivenAnAuthorityRole() {
        assertThatThrownBy(() -> users.create(
                        admin,
                        new UserInput(
                                cast.organisationOf("northbridge.lee"),
                                "sneaky-" + UUID.randomUUID().toString().substring(0, 6),
                                "Sneaky",
                                null,
                                null,
                                Set.of(Role.EXPORTER, Role.CASEWORKER),
                                "long enough password")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fields())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("roles"));
        String username = cast.newUser(users, "northbridge.lee", "long enough password", Role.EXPORTER);
        assertThatThrownBy(() -> users.changeRoles(admin, cast.userId(username), Set.of(Role.OVERSIGHT)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAdviserNeedsATeamAndOnlyAdvisersHaveOne() {
        UUID advisory = cast.organisationOf("adviser.hr");
        assertThatThrownBy(() -> users.create(
                        admin,
                        new UserInput(
                                advisory,
                                "adv-" + UUID.randomUUID().toString().substring(0, 6),
                                "No Team",
                                null,
                                null,
                                Set.of(Role.ADVISER),
                                "long enough password")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("team");
        UserAccount ok = users.create(
                admin,
                new UserInput(
                        advisory,
                        "adv-" + UUID.randomUUID().toString().substring(0, 6),
                        "Defence Adviser",
                        null,
                        AdviserTeam.DEFENCE,
                        Set.of(Role.ADVISER),
                        "long enough password"));
        assertThat(ok.team()).isEqualTo(AdviserTeam.DEFENCE);
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        assertThatThrownBy(() -> users.setEnabled(admin, admin.userId(), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> users.changeRoles(admin, admin.userId(), Set.of(Role.CASEWORKER)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyAnAdministratorChangesIdentityEvenWhenCallingTheServiceDirectly() {
        Caller exporter = cast.caller("northbridge.lee");
        assertThatThrownBy(() -> organisations.update(
                        exporter,
                        exporter.organisationId(),
                        new OrganisationInput("Renamed", org.pallas.server.platform.OrganisationKind.EXPORTER, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setEnabled(cast.caller("oversight"), cast.userId("calder.weber"), false))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void duplicateUsernamesAreRefusedNamingTheField() throws Exception {
        mvc.perform(
                        post("/api/v1/users")
                                .header("Authorization", "Bearer " + cast.token("admin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"organisationId\":\"" + cast.organisationOf("calder.weber")
                                                + "\",\"username\":\"CALDER.WEBER\","
                                                + "\"displayName\":\"Copy\",\"roles\":[\"EXPORTER\"],\"password\":\"long enough password\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].message").value("This username is already taken"));
    }

    @Test
    void validationErrorsNameEveryField() throws Exception {
        mvc.perform(
                        post("/api/v1/users")
                                .header("Authorization", "Bearer " + cast.token("admin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"x\",\"displayName\":\"\",\"email\":\"not-an-email\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "displayName", "email", "organisationId", "password", "username")));
    }

    @Test
    void theAdminFormShowsAnErrorSummaryLinkedToEachField() throws Exception {
        String html = mvc.perform(post("/admin/organisations/" + cast.organisationOf("calder.weber") + "/users")
                        .param("username", "a")
                        .param("displayName", "")
                        .param("password", "short")
                        .with(cast.session(Who.ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("There is a problem")
                .contains("href=\"#username\"")
                .contains("href=\"#displayName\"")
                .contains("href=\"#password\"")
                .contains("Password must be 12 to 128 characters");
    }

    @Test
    void roleChangesThroughTheApiTakeEffectOnTheNextRequest() throws Exception {
        String username = cast.newUser(users, "senior", "long enough password", Role.CASEWORKER);
        String token = tokens.issue(cast.caller(username), "t").token();
        mvc.perform(get("/api/v1/organisations/" + cast.organisationOf("calder.weber"))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/" + cast.userId(username) + "/roles")
                        .header("Authorization", "Bearer " + cast.token("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"SENIOR_OFFICER\",\"CASEWORKER\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.length()").value(2));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.roles")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("CASEWORKER", "SENIOR_OFFICER")));
    }

    @Test
    void exportersSeeOnlyTheirOwnOrganisationInListsSearchesAndCounts() throws Exception {
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + cast.token("northbridge.lee")))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Northbridge Security Ltd"));
        mvc.perform(get("/api/v1/organisations?q=Calder")
                        .header("Authorization", "Bearer " + cast.token("northbridge.lee")))
                .andExpect(jsonPath("$.count").value(0))
                .andExpect(jsonPath("$.items.length()").value(0));
        String page = mvc.perform(get("/organisations?q=").with(cast.session(Who.EXPORTER_B)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Calder Forensics GmbH")
                .doesNotContain("Northbridge")
                .containsPattern("<span>1</span> <span>organisation</span>");
        String members = mvc.perform(get("/api/v1/organisations/" + cast.organisationOf("calder.weber") + "/users")
                        .header("Authorization", "Bearer " + cast.token("calder.weber")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(members).contains("calder.fischer").doesNotContain("northbridge");
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + cast.token("caseworker")))
                .andExpect(jsonPath("$.count").value(org.hamcrest.Matchers.greaterThanOrEqualTo(7)));
    }
}
