package org.pallas.server.platform;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every read by an OVERSIGHT user (who read which record, when), so that oversight itself can
 * be overseen. Call it wherever a record is served; it ignores callers without the OVERSIGHT role.
 */
@Component
public class ReadLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReadLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Record that {@code caller} read the {@code subjectType} with id {@code subjectId}. */
    public void record(Caller caller, String subjectType, Object subjectId) {
        if (!caller.isOversight()) {
            return;
        }
        jdbc.sql("""
                insert into oversight_read_log (user_id, organisation_id, subject_type, subject_id, read_at)
                values (:user, :org, :type, :id, :at)""")
                .param("user", caller.userId())
                .param("org", caller.organisationId())
                .param("type", subjectType)
                .param("id", String.valueOf(subjectId))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** How many reads of a subject the log holds (for oversight of oversight, and tests). */
    public long count(String subjectType, Object subjectId) {
        return jdbc.sql("select count(*) from oversight_read_log where subject_type = :type and subject_id = :id")
                .param("type", subjectType)
                .param("id", String.valueOf(subjectId))
                .query(Long.class)
                .single();
    }
}
