package org.pallas.server.licensing.generalauthorisations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pallas.server.platform.RecordedState;
import org.pallas.server.platform.RecordedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of general-authorisation registrations and reported uses that their ledger entries vouch for. */
@Configuration(proxyBeanMethods = false)
class RecordedGeneralAuthorisationState {

    @Bean
    RecordedState generalAuthorisationRegistrationState(JdbcClient jdbc) {
        return state(
                jdbc,
                GeneralAuthorisationRegistrations.REGISTRATION,
                """
                select id::text, reference, organisation_id::text, terms_id, scope::text, registered_by::text,
                    registered_at::text from licensing_ga_registration""",
                List.of("id", "reference", "organisationId", "termsId", "scope", "registeredBy", "registeredAt"));
    }

    @Bean
    RecordedState generalAuthorisationUseState(JdbcClient jdbc) {
        return state(
                jdbc,
                GeneralAuthorisationRegistrations.USE,
                """
                select id::text, registration_id::text, used_on::text, destination, end_user_name, end_user_type,
                    control_entry, quantity::text, description, reported_by::text, reported_at::text from licensing_ga_use""",
                List.of(
                        "id",
                        "registrationId",
                        "usedOn",
                        "destination",
                        "endUserName",
                        "endUserType",
                        "controlEntry",
                        "quantity",
                        "description",
                        "reportedBy",
                        "reportedAt"));
    }

    /** Every row of {@code select} (which ends in {@code from <table>}), its columns as strings in order. */
    private static RecordedState state(JdbcClient jdbc, String subjectType, String select, List<String> columns) {
        String table = select.substring(select.lastIndexOf(" from ") + 6).trim();
        return new RecordedTable(
                jdbc, subjectType, "select id from " + table + " order by id", select + " where id = :id", rs -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i), rs.getString(i + 1));
                    }
                    return row;
                });
    }
}
