package org.pallas.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ScreeningIndexTest {
    private static final ScoringConfig CONFIG = ScoringConfig.defaults();

    private static ListEntry person(String id, String name, String weakAlias, String country, String dob) {
        ListEntry.Builder b = ListEntry.builder("TEST", id)
                .kind(EntryKind.PERSON)
                .name(ListedName.strong(name))
                .country(country);
        if (weakAlias != null) {
            b.name(ListedName.weak(weakAlias));
        }
        if (dob != null) {
            b.birthDate(PartialDate.parse(dob));
        }
        return b.build();
    }

    private static final List<ListEntry> ENTRIES = List.of(
            person("P1", "DILIAN, Tal Jonathan", "The Founder", "IL", "1961-08-21"),
            person("P2", "PETROV, Aleksandr", "Sasha", "RU", "1970"),
            ListEntry.builder("TEST", "O1")
                    .kind(EntryKind.ORGANISATION)
                    .name(ListedName.strong("Intellexa S.A."))
                    .country("GR")
                    .identifier(new Identifier("Tax ID No.", "801326153", "GR"))
                    .build(),
            ListEntry.builder("TEST", "V1")
                    .kind(EntryKind.VESSEL)
                    .name(ListedName.strong("EBANO"))
                    .identifier(new Identifier("IMO", "7406784", null))
                    .build());

    private final ScreeningIndex index = ScreeningIndex.ofEntries(ENTRIES, List.of("TEST@2026-01-01"), CONFIG);

    private ScreeningResult search(String name, EntryKind kind) {
        return index.search(ScreeningQuery.of(name, kind));
    }

    @Test
    void findsAnEntryUnderATypoAndExplainsTheScore() {
        ScreeningResult r = search("Tal Dillian", EntryKind.PERSON);
        assertThat(r.listVersions()).containsExactly("TEST@2026-01-01");
        ScreeningMatch m = r.matches().get(0);
        assertThat(m.entryId()).isEqualTo("P1");
        assertThat(m.alert()).isTrue();
        assertThat(m.explanation())
                .anyMatch(s -> s.contains("dillian~dilian"))
                .last()
                .asString()
                .contains(">= alert threshold 0.80");
    }

    @Test
    void matchesWeakAliasesOnlyExactly() {
        ScreeningIndex withAlias = ScreeningIndex.ofEntries(
                List.of(person("W1", "PETROV, Aleksandr", "Sasha Bely", "RU", null)), List.of("TEST@1"), CONFIG);
        ScreeningMatch exact = withAlias
                .search(ScreeningQuery.of("Sasha Bely", EntryKind.PERSON))
                .matches()
                .get(0);
        assertThat(exact.score()).isEqualTo(CONFIG.weakAliasScore());
        assertThat(exact.alert()).isTrue();
        assertThat(exact.explanation()).anyMatch(s -> s.contains("weak aliases match only exactly"));
        assertThat(withAlias
                        .search(ScreeningQuery.of("Sasha Belyi", EntryKind.PERSON))
                        .matches())
                .isEmpty();
        assertThat(search("Sascha", EntryKind.PERSON).matches())
                .noneMatch(m -> m.entryId().equals("P2"));
    }

    @Test
    void doesNotAlertOnAOneWordWeakAliasAlone() {
        ScreeningMatch oneWord = search("Sasha", EntryKind.PERSON).matches().get(0);
        assertThat(oneWord.entryId()).isEqualTo("P2");
        assertThat(oneWord.score()).isEqualTo(CONFIG.weakOneWordAliasScore());
        assertThat(oneWord.alert()).isFalse();
        assertThat(oneWord.explanation()).anyMatch(s -> s.contains("one-word weak alias does not alert"));
    }

    @Test
    void lowersAPartialMatchWhoseWordsAreAllCommonInTheLists() {
        ListEntry target = person("C0", "Muhammad Yunis Ahmed", null, "IQ", null);
        ScreeningIndex alone = ScreeningIndex.ofEntries(List.of(target), List.of("TEST@1"), CONFIG);
        ScreeningMatch rare = alone.search(ScreeningQuery.of("Muhammad Ahmed", EntryKind.PERSON))
                .matches()
                .get(0);
        assertThat(rare.alert()).isTrue();

        List<ListEntry> crowded = new java.util.ArrayList<>(List.of(target));
        for (int i = 0; i < CONFIG.commonNameCount(); i++) {
            // other listed names that share one of the words each (letters only, all different)
            String unique = "zq" + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26) + "kv";
            crowded.add(person("M" + i, "Muhammad " + unique, null, "IQ", null));
            crowded.add(person("A" + i, "Ahmed " + unique + "x", null, "IQ", null));
        }
        ScreeningIndex common = ScreeningIndex.ofEntries(crowded, List.of("TEST@1"), CONFIG);
        ScreeningMatch m = common.search(ScreeningQuery.of("Muhammad Ahmed", EntryKind.PERSON)).matches().stream()
                .filter(x -> x.entryId().equals("C0"))
                .findFirst()
                .orElseThrow();
        assertThat(m.score())
                .isCloseTo(rare.score() * CONFIG.commonNameFactor(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m.alert()).isFalse();
        assertThat(m.explanation()).anyMatch(s -> s.contains("common in the lists"));
        // an exact match on common words is not partial and keeps its score
        assertThat(common.search(ScreeningQuery.of("Muhammad Yunis Ahmed", EntryKind.PERSON))
                        .matches()
                        .get(0)
                        .score())
                .isEqualTo(1.0);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "Intel\u200blexa S.A.", // zero-width space
                "Intel\u200clexa S.A.", // zero-width non-joiner
                "Intel\u200dlexa S.A.", // zero-width joiner
                "Intel\u2060lexa S.A.", // word joiner
                "Intel\ufefflexa S.A.", // byte-order mark
                "Intel\u00adlexa S.A.", // soft hyphen
                "I\u200bn\u200bt\u200be\u200bl\u200bl\u200be\u200bx\u200ba", // one between every letter
                "Intel-lexa S.A.",
                "Intel.lexa S.A.",
                "Intel-lexa",
                "Intel.lexa",
                "In-tel-le-xa"
            })
    void alertsOnAListedNameHiddenByInvisibleCharactersOrIntraWordPunctuation(String evasion) {
        ScreeningMatch m = search(evasion, EntryKind.ORGANISATION).matches().get(0);
        assertThat(m.entryId()).isEqualTo("O1");
        assertThat(m.alert()).isTrue();
    }

    @Test
    void keepsInitialsAndLegalFormsWrittenWithDotsApart() {
        assertThat(NameNormaliser.joinedVariant("J.R. Smith")).isNull();
        assertThat(NameNormaliser.joinedVariant("Intellexa S.A.")).isNull();
        assertThat(NameNormaliser.joinedVariant("Intel-lexa S.A.")).isEqualTo("Intellexa S.A.");
        assertThat(NameNormaliser.joinedVariant("Intel.lexa")).isEqualTo("Intellexa");
        assertThat(search("Intel-lexa S.A.", EntryKind.ORGANISATION)
                        .matches()
                        .get(0)
                        .explanation())
                .first()
                .asString()
                .contains("screened as 'Intellexa S.A.'");
    }

    @Test
    void revealsInvisibleCharactersAsVisibleMarkers() {
        assertThat(InvisibleCharacters.present("Intel\u200blexa")).isTrue();
        assertThat(InvisibleCharacters.present("Intellexa S.A.")).isFalse();
        assertThat(InvisibleCharacters.present("Ромашкін")).isFalse();
        assertThat(InvisibleCharacters.reveal("Intel\u200blexa\ufeff")).isEqualTo("Intel[U+200B]lexa[U+FEFF]");
        assertThat(InvisibleCharacters.remove("Intel\u2060lexa")).isEqualTo("Intellexa");
        assertThat(search("Intel\u200blexa", EntryKind.ORGANISATION)
                        .matches()
                        .get(0)
                        .explanation())
                .first()
                .asString()
                .contains("name 'Intel[U+200B]lexa'");
    }

    @Test
    void keepsPersonsAndOrganisationsApartUnlessTheKindIsAny() {
        assertThat(search("Intellexa", EntryKind.PERSON).matches()).isEmpty();
        assertThat(search("Intellexa", EntryKind.ANY).matches())
                .extracting(ScreeningMatch::entryId)
                .containsExactly("O1");
    }

    @Test
    void raisesAndLowersTheScoreByTheDocumentedQualifierAmounts() {
        double base = search("Tal Dilian", EntryKind.PERSON).matches().get(0).score();
        ScreeningMatch confirmed = index.search(new ScreeningQuery(
                        "Tal Dilian", EntryKind.PERSON, "IL", PartialDate.parse("1961-08-21"), List.of(), 5))
                .matches()
                .get(0);
        assertThat(confirmed.score()).isEqualTo(Math.min(1.0, base + CONFIG.countryMatch() + CONFIG.birthDateDay()));
        ScreeningMatch contradicted = index.search(new ScreeningQuery(
                        "Tal Dilian", EntryKind.PERSON, "FR", PartialDate.parse("1975"), List.of(), 5))
                .matches()
                .get(0);
        assertThat(contradicted.score())
                .isEqualTo(
                        base + CONFIG.countryMismatch() + CONFIG.birthYearMismatch(),
                        org.assertj.core.api.Assertions.within(1e-9));
        assertThat(contradicted.alert()).isFalse();
        assertThat(contradicted.explanation())
                .anyMatch(s -> s.contains("country FR is not among the listed [IL]: -0.15"))
                .anyMatch(s -> s.contains("birth year 1975 contradicts"));
        ScreeningMatch sameYear = index.search(new ScreeningQuery(
                        "Tal Dilian", EntryKind.PERSON, null, PartialDate.parse("1961-02-01"), List.of(), 5))
                .matches()
                .get(0);
        assertThat(sameYear.score())
                .isEqualTo(base + CONFIG.birthDayMismatch(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void alertsOnAStrongIdentifierAlone() {
        ScreeningResult r = index.search(
                new ScreeningQuery("Totally Different Shipping", EntryKind.ANY, null, null, List.of("IMO 7406784"), 5));
        assertThat(r.matches()).singleElement().satisfies(m -> {
            assertThat(m.entryId()).isEqualTo("V1");
            assertThat(m.score()).isEqualTo(CONFIG.strongIdentifierScore());
            assertThat(m.alert()).isTrue();
            assertThat(m.explanation()).anyMatch(s -> s.contains("strong identifier"));
        });
    }

    @Test
    void answersConcurrentQueriesLikeSequentialOnes() throws Exception {
        List<String> names = List.of("Tal Dilian", "Intellexa SA", "Aleksandr Petrov", "Sasha", "Ebano");
        List<List<ScreeningMatch>> expected =
                names.stream().map(n -> search(n, EntryKind.ANY).matches()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 50; round++) {
                List<Future<List<ScreeningMatch>>> futures = names.stream()
                        .map(n -> pool.submit(() -> search(n, EntryKind.ANY).matches()))
                        .toList();
                for (int i = 0; i < names.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsAQueryWithoutANameOrWithABadCountry() {
        assertThatThrownBy(() -> ScreeningQuery.of(" ", EntryKind.ANY)).hasMessage("name is required");
        assertThatThrownBy(() -> new ScreeningQuery("x", EntryKind.ANY, "Greece", null, List.of(), 5))
                .hasMessageContaining("ISO 3166 alpha-2");
        assertThatThrownBy(() -> new ScreeningQuery("x", EntryKind.ANY, null, null, List.of(), 0))
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> PartialDate.parse("1961-02-30")).hasMessageContaining("no such date");
    }

    @Test
    void ordersEqualScoresByConfirmingEvidence() {
        ListEntry twinA = person("T1", "Ivan Ivanov", null, "RU", "1980-01-01");
        ListEntry twinB = person("T2", "Ivan Ivanov", null, "RU", "1990-05-05");
        ScreeningIndex twins = ScreeningIndex.ofEntries(List.of(twinB, twinA), List.of(), CONFIG);
        ScreeningResult r = twins.search(new ScreeningQuery(
                "Ivan Ivanov", EntryKind.PERSON, "RU", PartialDate.parse("1980-01-01"), List.of(), 5));
        assertThat(r.matches()).extracting(ScreeningMatch::entryId).containsExactly("T1", "T2");
    }
}
