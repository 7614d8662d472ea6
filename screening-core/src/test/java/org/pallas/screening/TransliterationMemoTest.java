package org.pallas.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.screening.evaluation.Screenings;

/**
 * The word-by-word memo of {@link NameNormaliser#transliterate} must give exactly what ICU gives for the
 * whole string, or the memo (added for batch throughput) would change scores.
 */
class TransliterationMemoTest {

    @Test
    void wordByWordTransliterationEqualsWholeStringOverAllNonAsciiEvaluationNames() throws Exception {
        Transliterator toLatin = Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
        Transliterator toAscii = Transliterator.getInstance("Latin-ASCII");
        // the synthetic negatives' non-ASCII names are extracted once (SOURCES.md): the ASCII rest is skipped below
        List<String> names =
                new ArrayList<>(Files.readAllLines(SharedData.eval("yente_negatives_non_ascii_names.txt")));
        for (String file : List.of("yente_positives_un_sc_untreated.csv", "yente_positives_un_sc_treated_typos.csv")) {
            Screenings.people(SharedData.eval(file), 1).forEach(p -> names.add(p.fullName()));
        }
        names.addAll(List.of(
                "Владимир Владимирович Путин",
                "Євген Прігожин",
                "习近平",
                "김정은",
                "山田 太郎",
                "Αλέξανδρος Παπαδόπουλος",
                "משה דוד",
                "สมชาย",
                "ហ៊ុន ម៉ាណែត",
                "Álvarez  Núñez\tØstergaard"));
        int compared = 0;
        for (String raw : names) {
            String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
            if (nfkc.chars().allMatch(c -> c < 0x80)) {
                continue;
            }
            boolean nonLatin = nfkc.codePoints()
                    .anyMatch(c ->
                            Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN);
            String whole = (nonLatin ? toLatin : toAscii).transliterate(nfkc);
            assertEquals(whole, NameNormaliser.transliterate(nfkc, nonLatin), raw);
            assertEquals(whole, NameNormaliser.transliterate(nfkc, nonLatin), raw + " (from the memo)");
            compared++;
        }
        assertTrue(compared > 10_000, "compared only " + compared + " non-ASCII names");
    }
}
