package org.pallas.classification.capability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The fields of a {@link CapabilityDescription}, with their stable ids (snake case, used as question
 * ids and JSON keys) and their answer options.
 */
public enum Field {
    ITEM_KIND(ItemKind.class, false, CapabilityDescription::itemKind, (b, v) -> b.itemKind((ItemKind) single(v))),
    ITEM_FORMS(ItemForm.class, true, CapabilityDescription::itemForms, (b, v) -> b.itemForms(setOf(ItemForm.class, v))),
    EXCLUDED_CATEGORY(
            ExcludedCategory.class,
            false,
            CapabilityDescription::excludedCategory,
            (b, v) -> b.excludedCategory((ExcludedCategory) single(v))),
    DEVELOPMENT_TOOLING(
            Tri.class,
            false,
            CapabilityDescription::developmentTooling,
            (b, v) -> b.developmentTooling((Tri) single(v))),
    EXTRACTION_METHOD(
            ExtractionMethod.class,
            false,
            CapabilityDescription::extractionMethod,
            (b, v) -> b.extractionMethod((ExtractionMethod) single(v))),
    SOFTWARE_UPDATE_ONLY(
            Tri.class,
            false,
            CapabilityDescription::softwareUpdateOnly,
            (b, v) -> b.softwareUpdateOnly((Tri) single(v))),
    OWNER_AUTHORISATION(
            Tri.class,
            false,
            CapabilityDescription::ownerAuthorisation,
            (b, v) -> b.ownerAuthorisation((Tri) single(v))),
    UPDATED_SOFTWARE_CONTROLLED(
            Tri.class,
            false,
            CapabilityDescription::updatedSoftwareControlled,
            (b, v) -> b.updatedSoftwareControlled((Tri) single(v))),
    PLATFORM_FUNCTIONS(
            PlatformFunction.class,
            true,
            CapabilityDescription::platformFunctions,
            (b, v) -> b.platformFunctions(setOf(PlatformFunction.class, v))),
    EXPLOITATION_TECHNIQUE(
            Tri.class,
            false,
            CapabilityDescription::exploitationTechnique,
            (b, v) -> b.exploitationTechnique((Tri) single(v))),
    EVADES_MONITORING(
            Tri.class, false, CapabilityDescription::evadesMonitoring, (b, v) -> b.evadesMonitoring((Tri) single(v))),
    DEFEATS_COUNTERMEASURES(
            Tri.class,
            false,
            CapabilityDescription::defeatsCountermeasures,
            (b, v) -> b.defeatsCountermeasures((Tri) single(v))),
    PAYLOAD_EFFECTS(
            PayloadEffect.class,
            true,
            CapabilityDescription::payloadEffects,
            (b, v) -> b.payloadEffects(setOf(PayloadEffect.class, v))),
    CARRIER_CLASS(Tri.class, false, CapabilityDescription::carrierClass, (b, v) -> b.carrierClass((Tri) single(v))),
    NETWORK_ANALYSIS(
            NetworkAnalysis.class,
            true,
            CapabilityDescription::networkAnalysis,
            (b, v) -> b.networkAnalysis(setOf(NetworkAnalysis.class, v))),
    HARD_SELECTOR_SEARCH(
            Tri.class,
            false,
            CapabilityDescription::hardSelectorSearch,
            (b, v) -> b.hardSelectorSearch((Tri) single(v))),
    RELATIONAL_MAPPING(
            Tri.class, false, CapabilityDescription::relationalMapping, (b, v) -> b.relationalMapping((Tri) single(v))),
    DESIGNED_FOR(
            NetworkPurpose.class,
            false,
            CapabilityDescription::designedFor,
            (b, v) -> b.designedFor((NetworkPurpose) single(v))),
    INTERCEPTION_FUNCTIONS(
            InterceptionFunction.class,
            true,
            CapabilityDescription::interceptionFunctions,
            (b, v) -> b.interceptionFunctions(setOf(InterceptionFunction.class, v))),
    INTERCEPTION_EXCLUSION(
            InterceptionExclusion.class,
            false,
            CapabilityDescription::interceptionExclusion,
            (b, v) -> b.interceptionExclusion((InterceptionExclusion) single(v))),
    HANDOVER_INTERFACE(
            Tri.class, false, CapabilityDescription::handoverInterface, (b, v) -> b.handoverInterface((Tri) single(v))),
    OPERATION_ONLY_TECHNOLOGY(
            Tri.class,
            false,
            CapabilityDescription::operationOnlyTechnology,
            (b, v) -> b.operationOnlyTechnology((Tri) single(v))),
    TRANSFER_PURPOSE(
            TransferPurpose.class,
            false,
            CapabilityDescription::transferPurpose,
            (b, v) -> b.transferPurpose((TransferPurpose) single(v))),
    RECIPIENT(Recipient.class, false, CapabilityDescription::recipient, (b, v) -> b.recipient((Recipient) single(v))),
    PUBLISHED(Tri.class, false, CapabilityDescription::published, (b, v) -> b.published((Tri) single(v))),
    ENCRYPTION_CAT5P2(
            Tri.class, false, CapabilityDescription::encryptionCat5p2, (b, v) -> b.encryptionCat5p2((Tri) single(v))),
    TARGET_PLATFORMS(
            TargetPlatform.class,
            true,
            CapabilityDescription::targetPlatforms,
            (b, v) -> b.targetPlatforms(setOf(TargetPlatform.class, v))),
    DELIVERY_VECTORS(
            DeliveryVector.class,
            true,
            CapabilityDescription::deliveryVectors,
            (b, v) -> b.deliveryVectors(setOf(DeliveryVector.class, v))),
    PERSISTENCE(
            Persistence.class,
            false,
            CapabilityDescription::persistence,
            (b, v) -> b.persistence((Persistence) single(v))),
    DATA_COLLECTED(
            DataCategory.class,
            true,
            CapabilityDescription::dataCollected,
            (b, v) -> b.dataCollected(setOf(DataCategory.class, v))),
    SAFEGUARDS(
            Safeguard.class,
            true,
            CapabilityDescription::safeguards,
            (b, v) -> b.safeguards(setOf(Safeguard.class, v))),
    UPDATE_CHANNEL(
            UpdateChannel.class,
            false,
            CapabilityDescription::updateChannel,
            (b, v) -> b.updateChannel((UpdateChannel) single(v))),
    COVERT(Tri.class, false, CapabilityDescription::covert, (b, v) -> b.covert((Tri) single(v))),
    NATURAL_PERSONS(
            Tri.class, false, CapabilityDescription::naturalPersons, (b, v) -> b.naturalPersons((Tri) single(v))),
    ICT_DATA(Tri.class, false, CapabilityDescription::ictData, (b, v) -> b.ictData((Tri) single(v))),
    SURVEILLANCE_DESIGN(
            Tri.class,
            false,
            CapabilityDescription::surveillanceDesign,
            (b, v) -> b.surveillanceDesign((Tri) single(v)));

    private final Class<? extends Choice> optionType;
    private final boolean multiple;
    private final Function<CapabilityDescription, Object> getter;
    private final BiConsumer<CapabilityDescription.Builder, Object> setter;

    Field(
            Class<? extends Choice> optionType,
            boolean multiple,
            Function<CapabilityDescription, Object> getter,
            BiConsumer<CapabilityDescription.Builder, Object> setter) {
        this.optionType = optionType;
        this.multiple = multiple;
        this.getter = getter;
        this.setter = setter;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean multiple() {
        return multiple;
    }

    public boolean isYesNo() {
        return optionType == Tri.class;
    }

    public List<Choice> options() {
        return List.of(optionType.getEnumConstants());
    }

    public Optional<Choice> option(String id) {
        return options().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The answered values of this field; empty when not answered. */
    public List<Choice> values(CapabilityDescription description) {
        Object value = getter.apply(description);
        if (value == null || value == Tri.UNKNOWN) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(Choice.class::cast).toList();
        }
        return List.of((Choice) value);
    }

    public static Optional<Field> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }

    /** "none of these" and "not applicable" cannot be combined with another option. */
    static boolean isExclusive(Choice choice) {
        return choice.name().equals("NONE") || choice.name().equals("NOT_APPLICABLE");
    }

    Optional<List<Choice>> parse(List<String> ids, List<FieldError> errors) {
        if (ids == null || ids.isEmpty()) {
            errors.add(new FieldError(id(), "no value given"));
            return Optional.empty();
        }
        if (!multiple && ids.size() > 1) {
            errors.add(new FieldError(id(), "takes one answer, got " + ids.size() + ": " + ids));
            return Optional.empty();
        }
        var parsed = new ArrayList<Choice>();
        for (String optionId : ids) {
            var option = option(optionId);
            if (option.isEmpty()) {
                errors.add(new FieldError(
                        id(),
                        "unknown option '" + optionId + "'; expected one of "
                                + options().stream().map(Choice::id).toList()));
            } else {
                parsed.add(option.get());
            }
        }
        return parsed.size() == ids.size() ? Optional.of(parsed) : Optional.empty();
    }

    void set(CapabilityDescription.Builder builder, List<Choice> values) {
        setter.accept(builder, values);
    }

    private static Object single(Object values) {
        return ((List<?>) values).get(0);
    }

    private static <E extends Enum<E>> Set<E> setOf(Class<E> type, Object values) {
        var set = EnumSet.noneOf(type);
        for (Object value : (List<?>) values) {
            set.add(type.cast(value));
        }
        return set;
    }
}
