package org.pallas.classification.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapabilityDescriptionTest {

    @Test
    void unansweredFieldsAreNullEmptyOrUnknown() {
        var empty = CapabilityDescription.builder().build();
        assertThat(empty.itemKind()).isNull();
        assertThat(empty.itemForms()).isEmpty();
        assertThat(empty.covert()).isEqualTo(Tri.UNKNOWN);
        assertThat(empty.toAnswers()).isEmpty();
    }

    @Test
    void answersRoundTripThroughTheStableJsonNames() {
        var description = CapabilityDescription.builder()
                .itemKind(ItemKind.IP_NETWORK_SURVEILLANCE)
                .itemForms(ItemForm.SOFTWARE, ItemForm.HARDWARE)
                .hardSelectorSearch(Tri.YES)
                .designedFor(NetworkPurpose.QUALITY_OF_SERVICE)
                .build();
        Map<String, List<String>> answers = description.toAnswers();
        assertThat(answers)
                .containsEntry("item_kind", List.of("ip_network_surveillance"))
                .containsEntry("item_forms", List.of("hardware", "software"))
                .containsEntry("hard_selector_search", List.of("yes"))
                .containsEntry("designed_for", List.of("quality_of_service"));
        assertThat(CapabilityDescription.fromAnswers(answers)).isEqualTo(description);
    }

    @Test
    void setsAreImmutableAndInDeclarationOrder() {
        var description = CapabilityDescription.builder()
                .safeguards(java.util.EnumSet.of(Safeguard.KILL_SWITCH, Safeguard.TAMPER_PROOF_AUDIT_LOG))
                .build();
        assertThat(description.safeguards()).containsExactly(Safeguard.TAMPER_PROOF_AUDIT_LOG, Safeguard.KILL_SWITCH);
        assertThatThrownBy(() -> description.safeguards().add(Safeguard.NONE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNoneCombinedWithOtherOptionsNamingTheField() {
        assertThat(CapabilityDescription.builder()
                        .platformFunctions(PlatformFunction.NONE, PlatformFunction.DELIVER)
                        .build()
                        .validate())
                .containsExactly(new FieldError("platform_functions", "'none' cannot be combined with other options"));
    }

    @Test
    void fromAnswersReportsAllProblemsAtOnce() {
        assertThatThrownBy(() -> CapabilityDescription.fromAnswers(Map.of(
                        "covert", List.of("maybe"),
                        "persistence", List.of())))
                .isInstanceOf(InvalidDescriptionException.class)
                .satisfies(e -> assertThat(((InvalidDescriptionException) e).errors())
                        .containsExactlyInAnyOrder(
                                new FieldError("covert", "unknown option 'maybe'; expected one of [yes, no, unknown]"),
                                new FieldError("persistence", "no value given")));
    }

    @Test
    void everyFieldIdIsSnakeCaseAndEveryOptionHasALabel() {
        for (Field field : Field.values()) {
            assertThat(field.id()).matches("[a-z0-9_]+");
            for (Choice option : field.options()) {
                assertThat(option.id()).matches("[a-z0-9_]+");
                assertThat(option.label()).isNotBlank();
            }
        }
    }
}
