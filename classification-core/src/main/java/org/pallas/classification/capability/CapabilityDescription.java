package org.pallas.classification.capability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A structured description of a product that a vendor can give without being a lawyer. It is the
 * engine's only input. Every component corresponds to one {@link Field} (and one questionnaire
 * question of the same id).
 *
 * <p>Not answered means: {@code null} for a single choice, an empty set for a multiple choice,
 * {@link Tri#UNKNOWN} for a yes/no question. Multiple choices offer an explicit "none" option so
 * that "none of these" and "not answered" stay distinct. Sets are immutable and iterate in
 * declaration order, so equal descriptions always classify identically.
 */
public record CapabilityDescription(
        ItemKind itemKind,
        Set<ItemForm> itemForms,
        ExcludedCategory excludedCategory,
        Tri developmentTooling,
        ExtractionMethod extractionMethod,
        Tri softwareUpdateOnly,
        Tri ownerAuthorisation,
        Tri updatedSoftwareControlled,
        Set<PlatformFunction> platformFunctions,
        Tri exploitationTechnique,
        Tri evadesMonitoring,
        Tri defeatsCountermeasures,
        Set<PayloadEffect> payloadEffects,
        Tri carrierClass,
        Set<NetworkAnalysis> networkAnalysis,
        Tri hardSelectorSearch,
        Tri relationalMapping,
        NetworkPurpose designedFor,
        Set<InterceptionFunction> interceptionFunctions,
        InterceptionExclusion interceptionExclusion,
        Tri handoverInterface,
        Tri operationOnlyTechnology,
        TransferPurpose transferPurpose,
        Recipient recipient,
        Tri published,
        Tri encryptionCat5p2,
        Set<TargetPlatform> targetPlatforms,
        Set<DeliveryVector> deliveryVectors,
        Persistence persistence,
        Set<DataCategory> dataCollected,
        Set<Safeguard> safeguards,
        UpdateChannel updateChannel,
        Tri covert,
        Tri naturalPersons,
        Tri ictData,
        Tri surveillanceDesign) {

    public CapabilityDescription {
        itemForms = frozen(itemForms, ItemForm.class);
        developmentTooling = developmentTooling == null ? Tri.UNKNOWN : developmentTooling;
        softwareUpdateOnly = softwareUpdateOnly == null ? Tri.UNKNOWN : softwareUpdateOnly;
        ownerAuthorisation = ownerAuthorisation == null ? Tri.UNKNOWN : ownerAuthorisation;
        updatedSoftwareControlled = updatedSoftwareControlled == null ? Tri.UNKNOWN : updatedSoftwareControlled;
        platformFunctions = frozen(platformFunctions, PlatformFunction.class);
        exploitationTechnique = exploitationTechnique == null ? Tri.UNKNOWN : exploitationTechnique;
        evadesMonitoring = evadesMonitoring == null ? Tri.UNKNOWN : evadesMonitoring;
        defeatsCountermeasures = defeatsCountermeasures == null ? Tri.UNKNOWN : defeatsCountermeasures;
        payloadEffects = frozen(payloadEffects, PayloadEffect.class);
        carrierClass = carrierClass == null ? Tri.UNKNOWN : carrierClass;
        networkAnalysis = frozen(networkAnalysis, NetworkAnalysis.class);
        hardSelectorSearch = hardSelectorSearch == null ? Tri.UNKNOWN : hardSelectorSearch;
        relationalMapping = relationalMapping == null ? Tri.UNKNOWN : relationalMapping;
        interceptionFunctions = frozen(interceptionFunctions, InterceptionFunction.class);
        handoverInterface = handoverInterface == null ? Tri.UNKNOWN : handoverInterface;
        operationOnlyTechnology = operationOnlyTechnology == null ? Tri.UNKNOWN : operationOnlyTechnology;
        published = published == null ? Tri.UNKNOWN : published;
        encryptionCat5p2 = encryptionCat5p2 == null ? Tri.UNKNOWN : encryptionCat5p2;
        targetPlatforms = frozen(targetPlatforms, TargetPlatform.class);
        deliveryVectors = frozen(deliveryVectors, DeliveryVector.class);
        dataCollected = frozen(dataCollected, DataCategory.class);
        safeguards = frozen(safeguards, Safeguard.class);
        covert = covert == null ? Tri.UNKNOWN : covert;
        naturalPersons = naturalPersons == null ? Tri.UNKNOWN : naturalPersons;
        ictData = ictData == null ? Tri.UNKNOWN : ictData;
        surveillanceDesign = surveillanceDesign == null ? Tri.UNKNOWN : surveillanceDesign;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .itemKind(itemKind)
                .itemForms(itemForms)
                .excludedCategory(excludedCategory)
                .developmentTooling(developmentTooling)
                .extractionMethod(extractionMethod)
                .softwareUpdateOnly(softwareUpdateOnly)
                .ownerAuthorisation(ownerAuthorisation)
                .updatedSoftwareControlled(updatedSoftwareControlled)
                .platformFunctions(platformFunctions)
                .exploitationTechnique(exploitationTechnique)
                .evadesMonitoring(evadesMonitoring)
                .defeatsCountermeasures(defeatsCountermeasures)
                .payloadEffects(payloadEffects)
                .carrierClass(carrierClass)
                .networkAnalysis(networkAnalysis)
                .hardSelectorSearch(hardSelectorSearch)
                .relationalMapping(relationalMapping)
                .designedFor(designedFor)
                .interceptionFunctions(interceptionFunctions)
                .interceptionExclusion(interceptionExclusion)
                .handoverInterface(handoverInterface)
                .operationOnlyTechnology(operationOnlyTechnology)
                .transferPurpose(transferPurpose)
                .recipient(recipient)
                .published(published)
                .encryptionCat5p2(encryptionCat5p2)
                .targetPlatforms(targetPlatforms)
                .deliveryVectors(deliveryVectors)
                .persistence(persistence)
                .dataCollected(dataCollected)
                .safeguards(safeguards)
                .updateChannel(updateChannel)
                .covert(covert)
                .naturalPersons(naturalPersons)
                .ictData(ictData)
                .surveillanceDesign(surveillanceDesign);
    }

    /** The answers this description holds, keyed by question id, in the JSON form of the API. */
    public Map<String, List<String>> toAnswers() {
        var answers = new java.util.LinkedHashMap<String, List<String>>();
        for (Field field : Field.values()) {
            List<Choice> values = field.values(this);
            if (!values.isEmpty()) {
                answers.put(field.id(), values.stream().map(Choice::id).toList());
            }
        }
        return Collections.unmodifiableMap(answers);
    }

    /**
     * Builds a description from answers keyed by question id. Unknown ids, unknown option ids and
     * several values for a single-choice question are reported, all at once, with the field named.
     */
    public static CapabilityDescription fromAnswers(Map<String, List<String>> answers) {
        var builder = builder();
        var errors = new ArrayList<FieldError>();
        answers.forEach((id, values) -> {
            var field = Field.byId(id);
            if (field.isEmpty()) {
                errors.add(new FieldError(id, "unknown question id"));
                return;
            }
            field.get().parse(values, errors).ifPresent(parsed -> field.get().set(builder, parsed));
        });
        var description = builder.build();
        errors.addAll(description.validate());
        if (!errors.isEmpty()) {
            throw new InvalidDescriptionException(errors);
        }
        return description;
    }

    /** Contradictions inside the description (incompleteness is not an error: it leads to review). */
    public List<FieldError> validate() {
        var errors = new ArrayList<FieldError>();
        for (Field field : Field.values()) {
            if (field.multiple()) {
                List<Choice> values = field.values(this);
                boolean exclusive = values.stream().anyMatch(Field::isExclusive);
                if (exclusive && values.size() > 1) {
                    errors.add(new FieldError(
                            field.id(),
                            "'"
                                    + values.stream()
                                            .filter(Field::isExclusive)
                                            .findFirst()
                                            .orElseThrow()
                                            .id() + "' cannot be combined with other options"));
                }
            }
        }
        return errors;
    }

    private static <E extends Enum<E>> Set<E> frozen(Set<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        for (E value : values) {
            if (value == null) {
                throw new IllegalArgumentException("null option in a " + type.getSimpleName() + " set");
            }
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(values));
    }

    /** Mutable builder; {@link #build()} validates nothing so that partial descriptions can be built. */
    public static final class Builder {
        private ItemKind itemKind;
        private Set<ItemForm> itemForms = Set.of();
        private ExcludedCategory excludedCategory;
        private Tri developmentTooling = Tri.UNKNOWN;
        private ExtractionMethod extractionMethod;
        private Tri softwareUpdateOnly = Tri.UNKNOWN;
        private Tri ownerAuthorisation = Tri.UNKNOWN;
        private Tri updatedSoftwareControlled = Tri.UNKNOWN;
        private Set<PlatformFunction> platformFunctions = Set.of();
        private Tri exploitationTechnique = Tri.UNKNOWN;
        private Tri evadesMonitoring = Tri.UNKNOWN;
        private Tri defeatsCountermeasures = Tri.UNKNOWN;
        private Set<PayloadEffect> payloadEffects = Set.of();
        private Tri carrierClass = Tri.UNKNOWN;
        private Set<NetworkAnalysis> networkAnalysis = Set.of();
        private Tri hardSelectorSearch = Tri.UNKNOWN;
        private Tri relationalMapping = Tri.UNKNOWN;
        private NetworkPurpose designedFor;
        private Set<InterceptionFunction> interceptionFunctions = Set.of();
        private InterceptionExclusion interceptionExclusion;
        private Tri handoverInterface = Tri.UNKNOWN;
        private Tri operationOnlyTechnology = Tri.UNKNOWN;
        private TransferPurpose transferPurpose;
        private Recipient recipient;
        private Tri published = Tri.UNKNOWN;
        private Tri encryptionCat5p2 = Tri.UNKNOWN;
        private Set<TargetPlatform> targetPlatforms = Set.of();
        private Set<DeliveryVector> deliveryVectors = Set.of();
        private Persistence persistence;
        private Set<DataCategory> dataCollected = Set.of();
        private Set<Safeguard> safeguards = Set.of();
        private UpdateChannel updateChannel;
        private Tri covert = Tri.UNKNOWN;
        private Tri naturalPersons = Tri.UNKNOWN;
        private Tri ictData = Tri.UNKNOWN;
        private Tri surveillanceDesign = Tri.UNKNOWN;

        private Builder() {}

        public Builder itemKind(ItemKind value) {
            this.itemKind = value;
            return this;
        }

        public Builder itemForms(ItemForm... values) {
            this.itemForms = Set.of(values);
            return this;
        }

        public Builder itemForms(Set<ItemForm> values) {
            this.itemForms = values;
            return this;
        }

        public Builder excludedCategory(ExcludedCategory value) {
            this.excludedCategory = value;
            return this;
        }

        public Builder developmentTooling(Tri value) {
            this.developmentTooling = value;
            return this;
        }

        public Builder extractionMethod(ExtractionMethod value) {
            this.extractionMethod = value;
            return this;
        }

        public Builder softwareUpdateOnly(Tri value) {
            this.softwareUpdateOnly = value;
            return this;
        }

        public Builder ownerAuthorisation(Tri value) {
            this.ownerAuthorisation = value;
            return this;
        }

        public Builder updatedSoftwareControlled(Tri value) {
            this.updatedSoftwareControlled = value;
            return this;
        }

        public Builder platformFunctions(PlatformFunction... values) {
            this.platformFunctions = Set.of(values);
            return this;
        }

        public Builder platformFunctions(Set<PlatformFunction> values) {
            this.platformFunctions = values;
            return this;
        }

        public Builder exploitationTechnique(Tri value) {
            this.exploitationTechnique = value;
            return this;
        }

        public Builder evadesMonitoring(Tri value) {
            this.evadesMonitoring = value;
            return this;
        }

        public Builder defeatsCountermeasures(Tri value) {
            this.defeatsCountermeasures = value;
            return this;
        }

        public Builder payloadEffects(PayloadEffect... values) {
            this.payloadEffects = Set.of(values);
            return this;
        }

        public Builder payloadEffects(Set<PayloadEffect> values) {
            this.payloadEffects = values;
            return this;
        }

        public Builder carrierClass(Tri value) {
            this.carrierClass = value;
            return this;
        }

        public Builder networkAnalysis(NetworkAnalysis... values) {
            this.networkAnalysis = Set.of(values);
            return this;
        }

        public Builder networkAnalysis(Set<NetworkAnalysis> values) {
            this.networkAnalysis = values;
            return this;
        }

        public Builder hardSelectorSearch(Tri value) {
            this.hardSelectorSearch = value;
            return this;
        }

        public Builder relationalMapping(Tri value) {
            this.relationalMapping = value;
            return this;
        }

        public Builder designedFor(NetworkPurpose value) {
            this.designedFor = value;
            return this;
        }

        public Builder interceptionFunctions(InterceptionFunction... values) {
            this.interceptionFunctions = Set.of(values);
            return this;
        }

        public Builder interceptionFunctions(Set<InterceptionFunction> values) {
            this.interceptionFunctions = values;
            return this;
        }

        public Builder interceptionExclusion(InterceptionExclusion value) {
            this.interceptionExclusion = value;
            return this;
        }

        public Builder handoverInterface(Tri value) {
            this.handoverInterface = value;
            return this;
        }

        public Builder operationOnlyTechnology(Tri value) {
            this.operationOnlyTechnology = value;
            return this;
        }

        public Builder transferPurpose(TransferPurpose value) {
            this.transferPurpose = value;
            return this;
        }

        public Builder recipient(Recipient value) {
            this.recipient = value;
            return this;
        }

        public Builder published(Tri value) {
            this.published = value;
            return this;
        }

        public Builder encryptionCat5p2(Tri value) {
            this.encryptionCat5p2 = value;
            return this;
        }

        public Builder targetPlatforms(TargetPlatform... values) {
            this.targetPlatforms = Set.of(values);
            return this;
        }

        public Builder targetPlatforms(Set<TargetPlatform> values) {
            this.targetPlatforms = values;
            return this;
        }

        public Builder deliveryVectors(DeliveryVector... values) {
            this.deliveryVectors = Set.of(values);
            return this;
        }

        public Builder deliveryVectors(Set<DeliveryVector> values) {
            this.deliveryVectors = values;
            return this;
        }

        public Builder persistence(Persistence value) {
            this.persistence = value;
            return this;
        }

        public Builder dataCollected(DataCategory... values) {
            this.dataCollected = Set.of(values);
            return this;
        }

        public Builder dataCollected(Set<DataCategory> values) {
            this.dataCollected = values;
            return this;
        }

        public Builder safeguards(Safeguard... values) {
            this.safeguards = Set.of(values);
            return this;
        }

        public Builder safeguards(Set<Safeguard> values) {
            this.safeguards = values;
            return this;
        }

        public Builder updateChannel(UpdateChannel value) {
            this.updateChannel = value;
            return this;
        }

        public Builder covert(Tri value) {
            this.covert = value;
            return this;
        }

        public Builder naturalPersons(Tri value) {
            this.naturalPersons = value;
            return this;
        }

        public Builder ictData(Tri value) {
            this.ictData = value;
            return this;
        }

        public Builder surveillanceDesign(Tri value) {
            this.surveillanceDesign = value;
            return this;
        }

        public CapabilityDescription build() {
            return new CapabilityDescription(
                    itemKind,
                    itemForms,
                    excludedCategory,
                    developmentTooling,
                    extractionMethod,
                    softwareUpdateOnly,
                    ownerAuthorisation,
                    updatedSoftwareControlled,
                    platformFunctions,
                    exploitationTechnique,
                    evadesMonitoring,
                    defeatsCountermeasures,
                    payloadEffects,
                    carrierClass,
                    networkAnalysis,
                    hardSelectorSearch,
                    relationalMapping,
                    designedFor,
                    interceptionFunctions,
                    interceptionExclusion,
                    handoverInterface,
                    operationOnlyTechnology,
                    transferPurpose,
                    recipient,
                    published,
                    encryptionCat5p2,
                    targetPlatforms,
                    deliveryVectors,
                    persistence,
                    dataCollected,
                    safeguards,
                    updateChannel,
                    covert,
                    naturalPersons,
                    ictData,
                    surveillanceDesign);
        }
    }
}
