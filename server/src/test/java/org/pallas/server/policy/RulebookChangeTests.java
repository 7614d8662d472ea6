package org.pallas.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.policy.Application;
import org.pallas.policy.Assessment;
import org.pallas.policy.EndUse;
import org.pallas.policy.Party;
import org.pallas.policy.Product;
import org.pallas.policy.Rulebook;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.Users;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.Role;
import org.pallas.server.screening.RestrictedLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A change to the rules is a reviewed change: four eyes, recorded, activated as a new version; old versions re-run. */
@PallasTest
class RulebookChangeTests {

    private static final String FILE = "hard-stops.yaml";
    private static final String OLD_TEXT = "listing status is re-checked at decision time.";
    private static final String NEW_TEXT = "listing status is re-checked at decision time and before shipment.";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestrictedLists lists;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Users users;

    @Autowired
    RulebookChanges changes;

    @Autowired
    Rulebooks rulebooks;

    @Autowired
    Assessments assessments;

    @Autowired
    RecordedChanges recorded;

    private TestCast cast;
    private Caller caseworker;
    private Caller senior;

    @BeforeEach
    void cast() throws InterruptedException {
        // Parties are screened against the lists in use: wait for the start-up load.
        assertThat(lists.awaitLoaded(Duration.ofMinutes(3))).isTrue();
        cast = new TestCast(jdbc, tokens);
        caseworker = cast.caller("caseworker");
        senior = cast.caller("senior");
    }

    private static String shippedFile(String name) throws IOException {
        try (InputStream in = Rulebook.class.getResourceAsStream("/org/pallas/policy/rulebook/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String version() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An OFAC-designated intermediary: HS-SANCTIONED-PARTY fires, so its explanation shows which version ran. */
    private static Application sanctionedIntermediary() {
        return new Application(
                "repro-1",
                LocalDate.of(2026, 11, 27),
                new Product("Network vulnerability scanner", List.of(), 1, null, null, Set.of()),
                List.of(
                        new Party(Party.PartyRole.EXPORTER, "Albion Cyber Ltd", "GB", null, null, null, null, null),
                        new Party(
                                Party.PartyRole.END_USER,
                                "Rhein Handelsbank AG",
                                "DE",
                                Party.EndUserType.COMMERCIAL,
                                null,
                                Party.Sector.FINANCIAL,
                                null,
                                null),
                        new Party(
                                Party.PartyRole.INTERMEDIARY,
                                "Tal Jonathan Dilian",
                                "CY",
                                null,
                                null,
                                null,
                                null,
                                null)),
                List.of("DE"),
                new EndUse(EndUse.Category.PENETRATION_TESTING, "Testing the bank's own network", true),
                Map.of(),
                List.of(),
                List.of(),
                null);
    }

    @Test
    void anApprovedChangeBecomesTheActiveVersionAndEarlierAssessmentsStillReRunUnchanged() throws IOException {
        Caller exporter = cast.caller("northbridge.lee");
        Rulebook before = rulebooks.active();
        Assessment original =
                assessments.assess(exporter, sanctionedIntermediary()).assessment();
        assertThat(original.route()).hasToString("HARD_STOP");
        assertThat(original.findingsOf("HS-SANCTIONED-PARTY"))
                .singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains(OLD_TEXT));

        String newVersion = version();
        int mark = recorded.mark();
        RulebookChanges.Change proposed = changes.propose(
                caseworker,
                FILE,
                shippedFile(FILE).replace(OLD_TEXT, NEW_TEXT),
                newVersion,
                "Say that listings are re-checked before shipment");
        assertThat(proposed.status()).isEqualTo("PROPOSED");
        assertThat(proposed.baseVersion()).isEqualTo(before.version());
        assertThat(rulebooks.active().version()).as("not active before review").isEqualTo(before.version());

        RulebookChanges.Change approved = changes.approve(senior, proposed.id());
        assertThat(approved.status()).isEqualTo("APPROVED");
        assertThat(approved.decidedBy()).isEqualTo(senior.userId());
        Rulebook after = rulebooks.active();
        assertThat(after.version()).isEqualTo(newVersion);
        assertThat(after.contentHash()).isEqualTo(proposed.newHash()).isNotEqualTo(before.contentHash());

        assertThat(recorded.since(mark))
                .extracting(s -> s.change().type())
                .containsExactly("policy.rulebook-change.proposed", "policy.rulebook-change.approved");
        assertThat(recorded.since(mark)).allSatisfy(s -> {
            assertThat(s.inTransaction()).isTrue();
            assertThat(s.change().publicMetadata())
                    .containsEntry("newVersion", newVersion)
                    .containsEntry("newHash", after.contentHash());
        });
        assertThat(recorded.since(mark).get(0).change().confidentialPayload().get("contentSha256"))
                .asString()
                .hasSize(64);

        Assessment current =
                assessments.assess(exporter, sanctionedIntermediary()).assessment();
        assertThat(current.rulebookVersion()).isEqualTo(newVersion);
        assertThat(current.rulebookHash()).isEqualTo(after.contentHash());
        assertThat(current.findingsOf("HS-SANCTIONED-PARTY"))
                .singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains(NEW_TEXT));

        Assessment rerun = assessments
                .reassess(exporter, sanctionedIntermediary(), original.rulebookVersion())
                .assessment();
        assertThat(rerun).isEqualTo(original);
    }

    @Test
    void theNextSubmittedApplicationIsAssessedByTheChangeJustApproved() throws IOException {
        String newVersion = version();
        // Keeps OLD_TEXT, which other tests of the shared context expect in the active rulebook.
        String newText = OLD_TEXT + " Version " + newVersion + ".";
        RulebookChanges.Change proposed = changes.propose(
                caseworker,
                FILE,
                shippedFile(FILE).replace(OLD_TEXT, newText),
                newVersion,
                "Name the version in the explanation");
        changes.approve(senior, proposed.id());

        ScreeningOutcome hit = new ScreeningOutcome(
                true,
                Map.of("TEST-SANCTIONS", "2026-11-01"),
                List.of(new ScreeningOutcome.Hit(
                        "TEST-SANCTIONS", "T-1", "Tal Jonathan Dilian", 0.97, "2026-11-01", true, false, (LocalDate)
                                null)));
        Application facts = sanctionedIntermediary();
        Application screened = new Application(
                facts.reference(),
                facts.asOf(),
                facts.product(),
                facts.parties().stream()
                        .map(p -> new Party(
                                p.role(),
                                p.name(),
                                p.country(),
                                p.endUserType(),
                                p.agency(),
                                p.sector(),
                                p.independentOversight(),
                                p.role() == Party.PartyRole.INTERMEDIARY
                                        ? hit
                                        : ScreeningOutcome.clear(Map.of("TEST-SANCTIONS", "2026-11-01"))))
                        .toList(),
                facts.destinations(),
                facts.endUse(),
                facts.dueDiligence(),
                facts.misuseMatches(),
                facts.priorDenials(),
                facts.exporterRecord());

        Assessment next = assessments.assessSubmitted(screened);
        assertThat(next.rulebookVersion()).isEqualTo(newVersion);
        assertThat(next.rulebookHash()).isEqualTo(proposed.newHash());
        assertThat(next.findingsOf("HS-SANCTIONED-PARTY"))
                .singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains(newText));
    }

    @Test
    void theProposerMayNotApproveTheirOwnChange() throws IOException {
        String proposer = cast.newUser(users, "senior", "a-long-enough-password", Role.SENIOR_OFFICER);
        RulebookChanges.Change proposed = changes.propose(
                cast.caller(proposer),
                FILE,
                shippedFile(FILE).replace(OLD_TEXT, NEW_TEXT),
                version(),
                "Four-eyes check");
        assertThatThrownBy(() -> changes.approve(cast.caller(proposer), proposed.id()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> changes.approve(caseworker, proposed.id()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("senior officer");
        RulebookChanges.Change rejected = changes.reject(senior, proposed.id());
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThatThrownBy(() -> changes.approve(senior, proposed.id())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsAProposalWhoseRulesDoNotLoadNamingFileAndLine() throws IOException {
        String broken = shippedFile(FILE).replace("when: party.sanctionScore >= 0.85", "when: party.sanctionScore >=");
        assertThatThrownBy(() -> changes.propose(caseworker, FILE, broken, version(), "Broken on purpose"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fields()).anySatisfy(f -> {
                            assertThat(f.field()).isEqualTo("content");
                            assertThat(f.message()).startsWith(FILE + ":").contains("HS-SANCTIONED-PARTY");
                        }));
        assertThatThrownBy(() -> changes.propose(caseworker, "rulebook.yaml", "version: x", version(), "manifest"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fields())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("file"));
    }

    @Test
    void exportersAndOversightCannotProposeRuleChanges() throws IOException {
        String content = shippedFile(FILE);
        for (String who : List.of("northbridge.lee", "oversight")) {
            assertThatThrownBy(() -> changes.propose(cast.caller(who), FILE, content, version(), "not allowed"))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
