package org.pallas.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The facts of one licence application as the assessment consumes them. Screening, classification and the matching
 * of prior denials are done elsewhere; their outcomes arrive here as data. Field names are the stable JSON names of
 * {@code POST /api/v1/assessments}.
 *
 * @param reference the applicant's or authority's reference, echoed in the assessment
 * @param asOf the date the assessment speaks for (delistings and denials are judged against it); null means "today"
 *     from the engine's clock
 * @param destinations ISO 3166-1 alpha-2 codes of the countries of final destination; the countries of end users,
 *     ultimate end users and consignees are added by the engine
 * @param dueDiligence answers to the due-diligence questions that were asked; a question not asked is absent
 * @param misuseMatches misuse evidence matched by the caller in addition to the curated CASE records
 * @param exporterRecord null when the authority holds no record of the exporter
 */
public record Application(
        String reference,
        LocalDate asOf,
        Product product,
        List<Party> parties,
        List<String> destinations,
        EndUse endUse,
        Map<DueDiligenceQuestion, Answer> dueDiligence,
        List<MisuseMatch> misuseMatches,
        List<PriorDenial> priorDenials,
        ComplianceRecord exporterRecord) {

    public Application {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(endUse, "endUse");
        parties = List.copyOf(Objects.requireNonNull(parties, "parties"));
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        dueDiligence = dueDiligence == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(dueDiligence));
        misuseMatches = misuseMatches == null ? List.of() : List.copyOf(misuseMatches);
        priorDenials = priorDenials == null ? List.of() : List.copyOf(priorDenials);
    }

    /** The answer to a due-diligence question as given by the exporter. */
    public enum Answer {
        /** The red flag the question describes is present. */
        YES,
        /** It is not present. */
        NO,
        /** The customer or exporter declined or was unable to answer (itself a sign under EUREC-RF-INFO). */
        DECLINED
    }

    /** A copy with different due-diligence answers; used when questions are asked in rounds. */
    public Application withDueDiligence(Map<DueDiligenceQuestion, Answer> answers) {
        return new Application(
                reference,
                asOf,
                product,
                parties,
                destinations,
                endUse,
                answers,
                misuseMatches,
                priorDenials,
                exporterRecord);
    }
}
