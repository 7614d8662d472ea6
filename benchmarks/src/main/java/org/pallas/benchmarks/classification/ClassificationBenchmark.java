package org.pallas.benchmarks.classification;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pallas.classification.Classification;
import org.pallas.classification.ClassificationEngine;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.DeliveryVector;
import org.pallas.classification.capability.ExcludedCategory;
import org.pallas.classification.capability.InterceptionExclusion;
import org.pallas.classification.capability.InterceptionFunction;
import org.pallas.classification.capability.ItemForm;
import org.pallas.classification.capability.ItemKind;
import org.pallas.classification.capability.NetworkAnalysis;
import org.pallas.classification.capability.NetworkPurpose;
import org.pallas.classification.capability.PayloadEffect;
import org.pallas.classification.capability.PlatformFunction;
import org.pallas.classification.capability.Recipient;
import org.pallas.classification.capability.Safeguard;
import org.pallas.classification.capability.TransferPurpose;
import org.pallas.classification.capability.Tri;
import org.pallas.classification.questionnaire.Answers;
import org.pallas.classification.questionnaire.Question;
import org.pallas.classification.questionnaire.Questionnaire;
import org.pallas.classification.reference.ReferenceData;

/**
 * Classifications per second over a rotating mix of eight product descriptions (spyware platform,
 * bare exploit, disclosure report, DPI with and without person search, IMSI catcher, forensic kit,
 * debugger), plus the questionnaire step a form makes per post and the one-off reference-data load.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClassificationBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ClassificationBenchmark {

    private ClassificationEngine engine;
    private Questionnaire questionnaire;
    private List<CapabilityDescription> descriptions;
    private Answers partialAnswers;
    private int next;

    @Setup
    public void setUp() {
        engine = new ClassificationEngine(ReferenceData.bundled());
        questionnaire = Questionnaire.standard();
        descriptions = mix();
        partialAnswers =
                Answers.of(descriptions.get(0).toAnswers()).without("covert").without("safeguards");
    }

    @Benchmark
    public Classification classify() {
        CapabilityDescription description = descriptions.get(next);
        next = (next + 1) % descriptions.size();
        return engine.classify(description);
    }

    @Benchmark
    public List<Question> nextQuestions() {
        return questionnaire.nextQuestions(partialAnswers);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ReferenceData loadReferenceData() {
        return ReferenceData.bundled();
    }

    static List<CapabilityDescription> mix() {
        var platform = CapabilityDescription.builder()
                .itemKind(ItemKind.INTRUSION_PLATFORM)
                .itemForms(ItemForm.SOFTWARE, ItemForm.TECHNOLOGY)
                .developmentTooling(Tri.NO)
                .platformFunctions(PlatformFunction.COMMAND_AND_CONTROL, PlatformFunction.DELIVER)
                .evadesMonitoring(Tri.YES)
                .defeatsCountermeasures(Tri.YES)
                .payloadEffects(PayloadEffect.EXTRACTS_DATA)
                .transferPurpose(TransferPurpose.SALE_OR_LICENCE)
                .published(Tri.NO)
                .encryptionCat5p2(Tri.NO)
                .deliveryVectors(DeliveryVector.ZERO_CLICK)
                .safeguards(Safeguard.TAMPER_PROOF_AUDIT_LOG)
                .covert(Tri.YES)
                .naturalPersons(Tri.YES)
                .ictData(Tri.YES)
                .surveillanceDesign(Tri.YES)
                .build();
        var exploit = CapabilityDescription.builder()
                .itemKind(ItemKind.EXPLOIT)
                .itemForms(ItemForm.SOFTWARE)
                .platformFunctions(PlatformFunction.NONE)
                .evadesMonitoring(Tri.YES)
                .defeatsCountermeasures(Tri.YES)
                .payloadEffects(PayloadEffect.ALTERS_EXECUTION)
                .published(Tri.NO)
                .deliveryVectors(DeliveryVector.ONE_CLICK)
                .covert(Tri.YES)
                .naturalPersons(Tri.YES)
                .ictData(Tri.YES)
                .surveillanceDesign(Tri.YES)
                .build();
        var disclosure = CapabilityDescription.builder()
                .itemKind(ItemKind.VULNERABILITY_RESEARCH)
                .itemForms(ItemForm.TECHNOLOGY)
                .exploitationTechnique(Tri.YES)
                .evadesMonitoring(Tri.NO)
                .defeatsCountermeasures(Tri.YES)
                .payloadEffects(PayloadEffect.ALTERS_EXECUTION)
                .transferPurpose(TransferPurpose.VULNERABILITY_DISCLOSURE)
                .recipient(Recipient.AFFECTED_VENDOR)
                .published(Tri.NO)
                .build();
        var qosDpi = CapabilityDescription.builder()
                .itemKind(ItemKind.IP_NETWORK_SURVEILLANCE)
                .itemForms(ItemForm.HARDWARE)
                .developmentTooling(Tri.NO)
                .carrierClass(Tri.YES)
                .networkAnalysis(NetworkAnalysis.APPLICATION_LAYER_ANALYSIS)
                .hardSelectorSearch(Tri.NO)
                .relationalMapping(Tri.NO)
                .designedFor(NetworkPurpose.QUALITY_OF_SERVICE)
                .encryptionCat5p2(Tri.NO)
                .covert(Tri.NO)
                .naturalPersons(Tri.NO)
                .ictData(Tri.YES)
                .surveillanceDesign(Tri.NO)
                .build();
        var surveillanceDpi = qosDpi.toBuilder()
                .networkAnalysis(
                        NetworkAnalysis.APPLICATION_LAYER_ANALYSIS,
                        NetworkAnalysis.CONTENT_EXTRACTION,
                        NetworkAnalysis.INDEXING)
                .hardSelectorSearch(Tri.YES)
                .relationalMapping(Tri.YES)
                .designedFor(NetworkPurpose.SURVEILLANCE)
                .build();
        var imsiCatcher = CapabilityDescription.builder()
                .itemKind(ItemKind.MOBILE_INTERCEPTION)
                .itemForms(ItemForm.HARDWARE)
                .developmentTooling(Tri.NO)
                .interceptionFunctions(InterceptionFunction.SUBSCRIBER_IDENTIFIERS)
                .interceptionExclusion(InterceptionExclusion.NONE)
                .covert(Tri.YES)
                .naturalPersons(Tri.YES)
                .ictData(Tri.YES)
                .surveillanceDesign(Tri.YES)
                .build();
        var forensic = CapabilityDescription.builder()
                .itemKind(ItemKind.FORENSIC_EXTRACTION)
                .itemForms(ItemForm.HARDWARE, ItemForm.SOFTWARE)
                .extractionMethod(org.pallas.classification.capability.ExtractionMethod.EXPLOIT_BASED)
                .evadesMonitoring(Tri.NO)
                .defeatsCountermeasures(Tri.YES)
                .payloadEffects(PayloadEffect.EXTRACTS_DATA)
                .published(Tri.NO)
                .encryptionCat5p2(Tri.NO)
                .build();
        var debugger = CapabilityDescription.builder()
                .itemKind(ItemKind.OTHER)
                .itemForms(ItemForm.SOFTWARE)
                .excludedCategory(ExcludedCategory.DEBUGGER)
                .build();
        return List.of(platform, exploit, disclosure, qosDpi, surveillanceDpi, imsiCatcher, forensic, debugger);
    }
}
