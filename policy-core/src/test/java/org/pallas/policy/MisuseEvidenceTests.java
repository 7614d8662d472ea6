package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MisuseEvidenceTests {

    private final MisuseEvidence evidence = MisuseEvidence.shipped();

    @Test
    void holdsCases01To18EachWithSourceAndConfidence() {
        assertThat(evidence.cases())
                .extracting(MisuseCase::id)
                .containsExactly(java.util.stream.IntStream.rangeClosed(1, 18)
                        .mapToObj(i -> String.format(java.util.Locale.ROOT, "CASE-%02d", i))
                        .toArray(String[]::new));
        assertThat(evidence.cases()).allSatisfy(c -> {
            assertThat(c.sources()).isNotEmpty();
            assertThat(c.confidence()).isNotNull();
            assertThat(c.summary()).isNotBlank();
        });
        RegulationIndex index = RegulationIndex.shipped();
        assertThat(evidence.cases())
                .allSatisfy(c -> assertThat(index.find(c.id())).isPresent());
    }

    @Test
    void matchesOperatorCountryAndEndUserTypeForEndUsersOnly() {
        Application app = Fixtures.application()
                .party(Fixtures.endUser("Directorate", "AE", Party.EndUserType.SECURITY_INTELLIGENCE, null))
                .party(Fixtures.intermediary("Reseller", "MX"))
                .build();
        List<MisuseMatch> matches = evidence.match(app);
        assertThat(matches)
                .filteredOn(m -> m.caseId().equals("CASE-01"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.partyName()).isEqualTo("Directorate");
                    assertThat(m.matchedOn())
                            .containsExactlyInAnyOrder(
                                    MisuseMatch.Basis.OPERATOR_COUNTRY, MisuseMatch.Basis.END_USER_TYPE);
                    assertThat(m.confidence()).isEqualTo(MisuseMatch.Confidence.HIGH);
                });
        assertThat(matches).noneMatch(m -> "Reseller".equals(m.partyName()));
    }

    @Test
    void matchesVendorAndFamilyIgnoringCaseAndPunctuation() {
        Product predator = new Product("PREDATOR v9", List.of(), 4, "intellexa", "predator", null);
        Application app = Fixtures.application()
                .product(predator)
                .party(Fixtures.bank("Bank", "DE"))
                .build();
        assertThat(evidence.match(app))
                .filteredOn(m -> m.partyName() == null)
                .extracting(MisuseMatch::caseId)
                .containsExactly("CASE-10", "CASE-11", "CASE-12", "CASE-17");
    }

    @Test
    void keepsCallerSuppliedMatches() {
        MisuseMatch own = new MisuseMatch(
                "CASE-09",
                "Bank",
                java.util.Set.of(MisuseMatch.Basis.END_USER),
                MisuseMatch.Confidence.MEDIUM,
                "authority file 2026/17");
        Application base =
                Fixtures.application().party(Fixtures.bank("Bank", "DE")).build();
        Application app = new Application(
                base.reference(),
                base.asOf(),
                base.product(),
                base.parties(),
                base.destinations(),
                base.endUse(),
                base.dueDiligence(),
                List.of(own),
                base.priorDenials(),
                base.exporterRecord());
        assertThat(evidence.match(app)).contains(own);
    }
}
