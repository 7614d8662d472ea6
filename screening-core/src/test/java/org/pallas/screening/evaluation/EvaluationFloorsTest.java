package org.pallas.screening.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.screening.ListVersion;
import org.pallas.screening.NameMatcher;
import org.pallas.screening.ScoringConfig;
import org.pallas.screening.ScreeningIndex;
import org.pallas.screening.SharedData;

/**
 * Regression floors: the measured figures of docs/screening-evaluation.md rounded down. A change that
 * lowers one fails here; a change that raises one should raise the floor.
 */
class EvaluationFloorsTest {
    private static final ScoringConfig CONFIG = ScoringConfig.defaults();

    @Test
    void nameBenchBeatsTheLogicV2ReferenceWithNoStrongTierFailure() throws Exception {
        List<NameBench.Case> cases =
                NameBench.run(SharedData.eval("nomenklatura_name_bench_cases.csv"), new NameMatcher(CONFIG));
        assertThat(cases).hasSize(826);
        NameBench.Metrics m = NameBench.metrics(cases, CONFIG.alertThreshold());
        assertThat(m.f1()).isGreaterThanOrEqualTo(0.80);
        assertThat(m.precision()).isGreaterThanOrEqualTo(0.92);
        assertThat(NameBench.strongFailures(cases, CONFIG.alertThreshold())).isEmpty();
    }

    @Test
    void recallsUnPositivesAtTheAlertThreshold() throws Exception {
        ListVersion un = SharedData.bundled("UN-SC");
        ScreeningIndex unIndex = ScreeningIndex.build(List.of(un), CONFIG);
        List<Screenings.Person> untreated =
                Screenings.people(SharedData.eval("yente_positives_un_sc_untreated.csv"), 1);
        List<Screenings.Person> treated =
                Screenings.people(SharedData.eval("yente_positives_un_sc_treated_typos.csv"), 1);
        Screenings.Recall plain = Screenings.unRecall(un, unIndex, untreated, untreated, false);
        Screenings.Recall typos = Screenings.unRecall(un, unIndex, untreated, treated, false);
        assertThat(plain.resolved()).isGreaterThanOrEqualTo(680);
        assertThat(plain.recallAtThreshold()).isGreaterThanOrEqualTo(0.99);
        assertThat(plain.recallAt1()).isGreaterThanOrEqualTo(0.99);
        assertThat(typos.recallAtThreshold()).isGreaterThanOrEqualTo(0.98);
        assertThat(typos.recallAt5()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void raisesFewAlertsOnSyntheticNegatives() throws Exception {
        ScreeningIndex index = SharedData.bundledIndex();
        // every 50th person of each 50k file (the in-repo extracts) keeps the test fast; eval.sh with the full
        // files screens all 100,000
        List<Screenings.Person> people = new java.util.ArrayList<>(
                Screenings.people(SharedData.eval("yente_negatives_synthetic_global_50k_every_50th.csv"), 1));
        people.addAll(Screenings.people(SharedData.eval("yente_negatives_synthetic_us_50k_every_50th.csv"), 1));
        assertThat(people).hasSize(2_000);
        assertThat(Screenings.negatives(index, people, true).per100k()).isLessThanOrEqualTo(300);
        assertThat(Screenings.negatives(index, people, false).per100k()).isLessThanOrEqualTo(900);
    }

    @Test
    void matchesCrossScriptPairsAndOfacStyleMustAlertCases() throws Exception {
        List<Screenings.CrossScript> cross =
                Screenings.crossScript(SharedData.eval("watchman_cross_script_pairs.csv"), new NameMatcher(CONFIG));
        assertThat(cross.stream().filter(c -> c.score() >= c.minimum()).count()).isGreaterThanOrEqualTo(10);
        List<Screenings.OfacCase> ofac =
                Screenings.ofacCases(SharedData.eval("watchman_java_ofac_test_cases.csv"), SharedData.bundledIndex());
        assertThat(ofac)
                .filteredOn(c -> c.expected().equals("must_alert"))
                .hasSize(8)
                .allMatch(Screenings.OfacCase::alerted);
        assertThat(ofac)
                .filteredOn(c -> c.id().equals("EV-004"))
                .singleElement()
                .satisfies(c -> assertThat(c.alerted()).isFalse());
    }
}
