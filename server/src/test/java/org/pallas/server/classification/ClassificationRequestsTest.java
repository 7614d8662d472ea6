package org.pallas.server.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.classification.Outcome;
import org.pallas.classification.reference.Regime;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The product register, classification requests and the caseworker's decision, against the database. */
@PallasTest
class ClassificationRequestsTest {

    @Autowired
    ProductRegister products;

    @Autowired
    ClassificationRequests requests;

    @Autowired
    ConfirmedRatings ratings;

    @Autowired
    ReadLog readLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    RecordedChanges recorded;

    private Caller exporterA;
    private Caller exporterB;
    private Caller caseworker;
    private int mark;

    @BeforeEach
    void cast() {
        TestCast cast = new TestCast(jdbc, tokens);
        exporterA = cast.caller(Who.EXPORTER_A);
        exporterB = cast.caller(Who.EXPORTER_B);
        caseworker = cast.caller(Who.CASEWORKER);
        mark = recorded.mark();
    }

    private Product register(Caller owner, Map<String, List<String>> answers) {
        return products.register(owner, new ProductInput("Test product " + UUID.randomUUID(), "T-1", null, answers));
    }

    /** The changes of this type published since the test began; each must have arrived inside its transaction. */
    private List<ClassificationChanged> changes(String type) {
        List<RecordedChanges.Seen> seen = recorded.since(mark).stream()
                .filter(s -> s.change() instanceof ClassificationChanged c
                        && c.type().equals(type))
                .toList();
        assertThat(seen)
                .allSatisfy(s -> assertThat(s.inTransaction())
                        .as("published inside the transaction")
                        .isTrue());
        return seen.stream().map(s -> (ClassificationChanged) s.change()).toList();
    }

    @Test
    void registeringWritesVersionOneAndRecordsTheChange() {
        Product product = register(exporterA, ClassificationFixtures.DEBUGGER);

        assertThat(product.version()).isEqualTo(1);
        assertThat(product.organisationId()).isEqualTo(exporterA.organisationId());
        assertThat(product.answers()).containsEntry("excluded_category", List.of("debugger"));
        assertThat(changes("classification.product.registered")).singleElement().satisfies(e -> {
            assertThat(e.subjectId()).isEqualTo(product.id().toString());
            assertThat(e.actorUserId()).isEqualTo(exporterA.userId());
            assertThat(e.publicMetadata()).containsEntry("version", 1).doesNotContainKey("name");
            assertThat(e.confidentialPayload()).containsEntry("name", product.name());
        });
    }

    @Test
    void revisingWritesANewVersionAndKeepsTheOldOne() {
        Product product = register(exporterA, ClassificationFixtures.DEBUGGER);

        Product revised = products.revise(
                exporterA,
                product.id(),
                new ProductInput("Renamed debugger", null, "now with a summary", ClassificationFixtures.DEBUGGER));

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.name()).isEqualTo("Renamed debugger");
        assertThat(products.versions(exporterA, product.id()))
                .extracting(ProductVersion::version)
                .containsExactly(2, 1);
        assertThat(products.version(exporterA, product.id(), 1).name()).isEqualTo(product.name());
        assertThat(changes("classification.product.revised"))
                .singleElement()
                .satisfies(e -> assertThat(e.publicMetadata()).containsEntry("version", 2));
    }

    @Test
    void anExporterNeverSeesOrChangesAnotherExportersProduct() {
        Product product = register(exporterA, ClassificationFixtures.DEBUGGER);

        assertThatThrownBy(() -> products.find(exporterB, product.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> products.versions(exporterB, product.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        products.revise(exporterB, product.id(), new ProductInput("Taken over", null, null, Map.of())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.submit(exporterB, product.id(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ratings.latest(exporterB, product.id())).isInstanceOf(NotFoundException.class);
        assertThat(products.list(exporterB)).extracting(Product::id).doesNotContain(product.id());
        assertThat(products.list(exporterA)).extracting(Product::id).contains(product.id());
        assertThat(products.find(caseworker, product.id()).id()).isEqualTo(product.id());
    }

    @Test
    void onlyExportersRegisterAndTheAuthorityCannotChangeAProduct() {
        Product product = register(exporterA, ClassificationFixtures.DEBUGGER);

        assertThatThrownBy(() -> products.register(caseworker, new ProductInput("x", null, null, Map.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> products.revise(caseworker, product.id(), new ProductInput("x", null, null, Map.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void answersThatNoLongerApplyAreDroppedAndUnknownOptionsAreRejectedByName() {
        Map<String, List<String>> withStale = new java.util.LinkedHashMap<>(ClassificationFixtures.DEBUGGER);
        withStale.put("carrier_class", List.of("yes"));
        assertThat(register(exporterA, withStale).answers()).doesNotContainKey("carrier_class");

        assertThatThrownBy(() -> register(exporterA, Map.of("item_kind", List.of("time_machine"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fields()).anySatisfy(f -> {
                            assertThat(f.field()).isEqualTo("item_kind");
                            assertThat(f.message()).contains("time_machine");
                        }));
    }

    @Test
    void aProductIsSentOnlyWhenEveryQuestionThatAppliesIsAnswered() {
        Product product = register(exporterA, Map.of("item_kind", List.of("exploit")));

        assertThatThrownBy(() -> requests.submit(exporterA, product.id(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fields().get(0).field()).isEqualTo("answers");
                    assertThat(e.fields().get(0).message()).contains("item_forms");
                });
        assertThat(changes("classification.request.submitted")).isEmpty();
    }

    @Test
    void submittingRecordsTheProposalWithTheReferenceDataAndAllowsOneOpenRequest() {
        Product product = register(exporterA, ClassificationFixtures.SPYWARE_PLATFORM);

        ClassificationRequest request = requests.submit(exporterA, product.id(), "first rating");

        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.productVersion()).isEqualTo(1);
        assertThat(request.proposal().regimes().get(Regime.WA).outcome()).isEqualTo(Outcome.CONTROLLED);
        assertThat(request.proposal().regimes().get(Regime.WA).entries()).contains("4D004", "4E001.a");
        assertThat(request.proposal().regimes().get(Regime.WA).rules()).contains("WA-4D004", "WA-DEF-IS");
        assertThat(request.proposal().riskTier()).isEqualTo(4);
        assertThat(request.referenceDataSha256()).hasSize(64);
        assertThat(requests.find(exporterA, request.id())).isEqualTo(request);
        assertThat(changes("classification.request.submitted"))
                .singleElement()
                .satisfies(e -> assertThat(e.publicMetadata())
                        .containsEntry("productVersion", 1)
                        .containsEntry("proposedRiskTier", 4));
        assertThatThrownBy(() -> requests.submit(exporterA, product.id(), "again"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("already open"));
    }

    @Test
    void aCaseworkerConfirmsTheProposalAndLicensingReadsItAsTheConfirmedRating() {
        Product product = register(exporterA, ClassificationFixtures.SPYWARE_PLATFORM);
        ClassificationRequest request = requests.submit(exporterA, product.id(), null);
        assertThat(ratings.latest(exporterA, product.id())).isEmpty();

        ClassificationRequest decided = requests.decide(
                caseworker,
                request.id(),
                new DecisionInput(
                        DecisionInput.Kind.CONFIRM, "C2 and delivery of intrusion software (WA-4D004).", null));

        assertThat(decided.status()).isEqualTo(RequestStatus.CONFIRMED);
        assertThat(decided.rating()).isEqualTo(request.proposal().asRating());
        ConfirmedRating rating = ratings.latest(exporterA, product.id()).orElseThrow();
        assertThat(rating.requestId()).isEqualTo(request.id());
        assertThat(rating.rating().entries(Regime.EU)).contains("4D004");
        assertThat(rating.rating().riskTier()).isEqualTo(4);
        assertThat(rating.referenceDataVersion()).isEqualTo(request.referenceDataVersion());
        assertThat(changes("classification.request.confirmed")).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(caseworker.userId());
            assertThat(e.publicMetadata()).containsEntry("riskTier", 4);
            assertThat((String) e.publicMetadata().get("entriesUS")).contains("4D004");
            assertThat(e.confidentialPayload()).containsKey("reasons");
        });
        assertThatThrownBy(() -> requests.decide(
                        caseworker, request.id(), new DecisionInput(DecisionInput.Kind.CONFIRM, "twice", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("already been decided"));
    }

    @Test
    void aProposalThatNeedsReviewCannotBeConfirmedButIsAmendedWithKnownEntries() {
        Product product = register(exporterA, ClassificationFixtures.DPI_CONFLICT);
        ClassificationRequest request = requests.submit(exporterA, product.id(), null);
        assertThat(request.proposal().decided()).isFalse();

        assertThatThrownBy(() -> requests.decide(
                        caseworker, request.id(), new DecisionInput(DecisionInput.Kind.CONFIRM, "looks fine", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fields().get(0).field()).isEqualTo("decision"));
        Rating unknownEntry = new Rating(
                Map.of(
                        Regime.WA,
                        List.of("5A001.j"),
                        Regime.EU,
                        List.of("9Z999"),
                        Regime.UK,
                        List.of("5A001.j"),
                        Regime.US,
                        List.of("5A001.j")),
                4);
        assertThatThrownBy(() -> requests.decide(
                        caseworker,
                        request.id(),
                        new DecisionInput(DecisionInput.Kind.AMEND, "selectors and mapping meet j.2", unknownEntry)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fields())
                                .singleElement()
                                .satisfies(f -> assertThat(f.field()).isEqualTo("entriesEU")));
        assertThatThrownBy(() -> requests.decide(
                        caseworker,
                        request.id(),
                        new DecisionInput(
                                DecisionInput.Kind.AMEND,
                                " ",
                                request.proposal().asRating())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fields().get(0).field()).isEqualTo("reasons"));

        Rating decidedRating = new Rating(
                Map.of(
                        Regime.WA,
                        List.of("5A001.j"),
                        Regime.EU,
                        List.of("5A001.j"),
                        Regime.UK,
                        List.of("5A001.j"),
                        Regime.US,
                        List.of("5A001.j")),
                4);
        ClassificationRequest amended = requests.decide(
                caseworker,
                request.id(),
                new DecisionInput(
                        DecisionInput.Kind.AMEND,
                        "Hard-selector search and relational mapping meet 5A001.j.2 whatever the marketing says (WA-5A001J).",
                        decidedRating));

        assertThat(amended.status()).isEqualTo(RequestStatus.AMENDED);
        assertThat(ratings.latest(exporterA, product.id()).orElseThrow().rating())
                .isEqualTo(decidedRating);
        assertThat(changes("classification.request.amended")).hasSize(1);
    }

    @Test
    void onlyTheAuthorityDecidesAndAnotherExporterDoesNotLearnTheRequestExists() {
        Product product = register(exporterA, ClassificationFixtures.SPYWARE_PLATFORM);
        ClassificationRequest request = requests.submit(exporterA, product.id(), null);
        DecisionInput confirm = new DecisionInput(DecisionInput.Kind.CONFIRM, "self-confirmed", null);

        assertThatThrownBy(() -> requests.decide(exporterA, request.id(), confirm))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.decide(exporterB, request.id(), confirm))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.find(exporterB, request.id())).isInstanceOf(NotFoundException.class);
        assertThat(requests.list(exporterB, false))
                .extracting(ClassificationRequest::id)
                .doesNotContain(request.id());
        assertThat(requests.list(caseworker, true))
                .extracting(ClassificationRequest::id)
                .contains(request.id());
    }

    @Test
    void oversightReadsOfProductsAndRequestsAreLogged() {
        Caller oversight = new TestCast(jdbc, tokens).caller(Who.OVERSIGHT);
        Product product = register(exporterA, ClassificationFixtures.SPYWARE_PLATFORM);
        ClassificationRequest request = requests.submit(exporterA, product.id(), null);

        products.find(oversight, product.id());
        requests.find(oversight, request.id());

        assertThat(readLog.count("product", product.id())).isEqualTo(1);
        assertThat(readLog.count("classification-request", request.id())).isEqualTo(1);
    }
}
