package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.DEFENCE_ADVISER;
import static org.pallas.licensing.Fixtures.EXPORTER;
import static org.pallas.licensing.Fixtures.HUMAN_RIGHTS_ADVISER;
import static org.pallas.licensing.Fixtures.OTHER_EXPORTER;
import static org.pallas.licensing.Fixtures.SECURITY_ADVISER;
import static org.pallas.licensing.Fixtures.SENIOR;
import static org.pallas.licensing.Fixtures.SYSTEM;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pallas.policy.AdviserTeam;

/** Regulator-only information never reaches an exporter view, by construction and in content. */
class ExporterViewsTest {

    /** Everything an exporter view may be built from. Anything else reachable from its components fails the test. */
    private static final Set<Class<?>> EXPORTER_SAFE = Set.of(
            String.class,
            Instant.class,
            LocalDate.class,
            Period.class,
            int.class,
            long.class,
            boolean.class,
            Long.class,
            List.class,
            Set.class,
            Map.class,
            Outcome.class,
            ExporterStatus.class,
            LicenceType.class,
            LicenceStatus.class,
            UsageKind.class,
            ReportingDuty.class);

    private static final List<String> REGULATOR_WORDS = List.of(
            "advice",
            "adviser",
            "note",
            "internal",
            "countersign",
            "officer",
            "flag",
            "routing",
            "route",
            "contribution",
            "weight",
            "decidedby",
            "askedby");

    private final TestClock clock = TestClock.at(2026, 3, 2);

    @Test
    void exporterCaseViewCanReachOnlyExporterSafeTypes() {
        assertOnlyExporterSafe(ExporterCaseView.class);
    }

    @Test
    void exporterLicenceViewCanReachOnlyExporterSafeTypes() {
        assertOnlyExporterSafe(ExporterLicenceView.class);
    }

    @Test
    void theCheckWouldCatchARegulatorTypeSmuggledIntoAView() {
        record LeakyView(String caseId, List<Advice> advice) {}
        assertThat(unsafeReachable(LeakyView.class)).contains(Advice.class.getName());
        record NamedLeak(String internalNotes) {}
        assertThat(unsafeReachable(NamedLeak.class)).contains("NamedLeak.internalNotes");
    }

    @Test
    void adviceNotesInternalRiskAndCountersigningNeverAppearInTheExporterView() {
        Routing routing = new Routing(
                AssessmentRoute.ENHANCED_REVIEW,
                Set.of(),
                List.of(),
                List.of(
                        new RiskContribution("EUREC-RF-HIST", "Destination has documented spyware misuse", 0.4, false),
                        new RiskContribution("INTEL-7", "SECRET-intelligence-on-unit", 0.5, true)),
                "A-9");
        Case c = Fixtures.underReview(clock, routing);
        c.addInternalNote(CASEWORKER, "SECRET-note-about-vendor");
        c.requestInformation(CASEWORKER, "Who operates the tool?");
        c.provideInformation(EXPORTER, "The unit named on the undertaking.");
        c.requestAdvice(CASEWORKER, Set.of(), "enhanced");
        c.giveAdvice(
                HUMAN_RIGHTS_ADVISER,
                AdviserTeam.HUMAN_RIGHTS,
                AdviceType.REFUSE,
                "SECRET-hr-reasoning",
                List.of(),
                List.of(RefusalCriterion.UK_C2));
        c.giveAdvice(
                SECURITY_ADVISER,
                AdviserTeam.NATIONAL_SECURITY,
                AdviceType.APPROVE,
                "SECRET-ns-reasoning",
                List.of(),
                List.of());
        c.giveAdvice(
                DEFENCE_ADVISER,
                AdviserTeam.DEFENCE,
                AdviceType.NO_VIEW,
                "SECRET-defence-reasoning",
                List.of(),
                List.of());
        c.consolidateAdvice(CASEWORKER, "SECRET-consolidation");
        c.decide(
                CASEWORKER,
                Outcome.REFUSED,
                "Clear risk of use against journalists.",
                List.of(RefusalCriterion.UK_C2),
                List.of());

        ExporterCaseView pending = ExporterCaseView.of(c, EXPORTER);
        assertThat(pending.status()).isEqualTo(ExporterStatus.UNDER_REVIEW);
        assertThat(pending.decision())
                .as("a decision awaiting countersignature is not yet the exporter's")
                .isNull();

        c.countersign(SENIOR, "SECRET-countersign-remark");
        ExporterCaseView view = ExporterCaseView.of(c, EXPORTER);
        assertThat(view.status()).isEqualTo(ExporterStatus.REFUSED);
        assertThat(view.decision().reasons()).isEqualTo("Clear risk of use against journalists.");
        assertThat(view.decision().criteria()).singleElement().satisfies(k -> {
            assertThat(k.ruleId()).isEqualTo("UK-C2");
            assertThat(k.unverified()).isFalse();
        });
        assertThat(view.decision().appealDeadline())
                .isEqualTo(c.appealDeadline().orElseThrow());
        assertThat(view.informationRequests())
                .singleElement()
                .satisfies(q -> assertThat(q.answer()).isEqualTo("The unit named on the undertaking."));
        assertThat(view.riskFactors())
                .containsExactly(
                        new ExporterCaseView.RiskFactor("EUREC-RF-HIST", "Destination has documented spyware misuse"));
        assertThat(view.toString()).doesNotContain("SECRET", "INTEL-7", CASEWORKER.id(), SENIOR.id(), "hana");
    }

    @Test
    void exporterViewsAreOnlyForTheOwningOrganisation() {
        Case c = Fixtures.approved(clock);
        assertThatThrownBy(() -> ExporterCaseView.of(c, OTHER_EXPORTER)).isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> ExporterCaseView.of(c, CASEWORKER)).isInstanceOf(NotAuthorisedException.class);
        Licence l = Licence.issue(CASEWORKER, "L-1", c, LocalDate.of(2026, 3, 2), List.of(), clock);
        assertThatThrownBy(() -> ExporterLicenceView.of(l, OTHER_EXPORTER)).isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void licenceViewShowsUseButNotReviewFlags() {
        Case c = Fixtures.approved(clock);
        Licence l = Licence.issue(CASEWORKER, "L-1", c, LocalDate.of(2026, 3, 2), List.of(), clock);
        l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 2, LocalDate.of(2026, 3, 2), null);
        l.flagForReview(SYSTEM, ReviewReason.NEW_SCREENING_HIT, "EU-1", "SECRET-sdn-hit");
        ExporterLicenceView view = ExporterLicenceView.of(l, EXPORTER);
        assertThat(view.used()).containsEntry(UsageKind.SEATS_ACTIVATED, 2L).containsEntry(UsageKind.DELIVERIES, 0L);
        assertThat(view.status()).isEqualTo(LicenceStatus.ISSUED);
        assertThat(view.toString()).doesNotContain("SECRET", CASEWORKER.id());
    }

    @Test
    void internalStepsAllReadUnderReviewToTheExporter() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.ENHANCED_REVIEW);
        c.requestAdvice(CASEWORKER, Set.of(), "enhanced");
        assertThat(ExporterCaseView.of(c, EXPORTER).status()).isEqualTo(ExporterStatus.UNDER_REVIEW);
        Case s = Fixtures.submitted(clock);
        assertThat(ExporterCaseView.of(s, EXPORTER).status()).isEqualTo(ExporterStatus.SUBMITTED);
        s.route(SYSTEM, Routing.of(AssessmentRoute.HARD_STOP));
        assertThat(ExporterCaseView.of(s, EXPORTER).status()).isEqualTo(ExporterStatus.SUBMITTED);
    }

    private static void assertOnlyExporterSafe(Class<?> view) {
        assertThat(unsafeReachable(view))
                .as("regulator-only types or fields reachable from " + view.getSimpleName())
                .isEmpty();
    }

    /** Walks every record component reachable from {@code root}; returns each type or field that is not exporter-safe. */
    private static List<String> unsafeReachable(Class<?> root) {
        List<String> unsafe = new ArrayList<>();
        Set<Type> seen = new LinkedHashSet<>();
        List<Type> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Type t = todo.remove(todo.size() - 1);
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof ParameterizedType p) {
                todo.add(p.getRawType());
                todo.addAll(List.of(p.getActualTypeArguments()));
            } else if (t instanceof GenericArrayType a) {
                todo.add(a.getGenericComponentType());
            } else if (t instanceof Class<?> k) {
                if (k.isRecord() && (k == root || isNestedViewRecord(k))) {
                    for (RecordComponent rc : k.getRecordComponents()) {
                        String name = rc.getName().toLowerCase(Locale.ROOT);
                        if (REGULATOR_WORDS.stream().anyMatch(name::contains)) {
                            unsafe.add(k.getSimpleName() + "." + rc.getName());
                        }
                        todo.add(rc.getGenericType());
                    }
                } else if (!EXPORTER_SAFE.contains(k)) {
                    unsafe.add(k.getName());
                }
            } else {
                unsafe.add(t.getTypeName());
            }
        }
        return unsafe;
    }

    private static boolean isNestedViewRecord(Class<?> k) {
        return k.getEnclosingClass() == ExporterCaseView.class || k.getEnclosingClass() == ExporterLicenceView.class;
    }
}
