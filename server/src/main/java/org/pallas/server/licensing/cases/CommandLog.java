package org.pallas.server.licensing.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pallas.licensing.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored commands of one aggregate kind (cases, licences): the source of truth it is replayed from, one row per
 * command in order, with the acting {@link Actor} and the command as JSON and the command's type by simple name.
 *
 * @param table the command table, e.g. {@code licensing_case_command}
 * @param owner its column naming the aggregate, e.g. {@code case_id}
 * @param commands the sealed command type whose permitted records are stored
 */
public record CommandLog<C>(JdbcClient jdbc, String table, String owner, Class<C> commands) {

    /** One stored command as read back for replay. */
    public record Stored(int seq, String kind, String actor, String payload, Instant at) {}

    public void append(UUID id, int seq, C command, Actor actor, Instant at) {
        jdbc.sql("insert into " + table + " (" + owner + ", seq, kind, actor, payload, at) "
                        + "values (:id, :seq, :kind, cast(:actor as jsonb), cast(:payload as jsonb), :at)")
                .param("id", id)
                .param("seq", seq)
                .param("kind", command.getClass().getSimpleName())
                .param("actor", CaseStore.JSON.writeValueAsString(actor))
                .param("payload", CaseStore.JSON.writeValueAsString(command))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Every command of the aggregate, in order. */
    public List<Stored> read(UUID id) {
        return jdbc.sql("select seq, kind, actor::text, payload::text, at from " + table + " where " + owner
                        + " = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new Stored(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public Actor actor(Stored stored) {
        return CaseStore.JSON.readValue(stored.actor(), Actor.class);
    }

    /** The stored command as its own record type (the permitted subtype its kind names). */
    public C command(Stored stored) {
        return CaseStore.JSON.readValue(stored.payload(), type(stored.kind()));
    }

    /** The stored command read as a given record type (the first command of a log, e.g.). */
    public <T extends C> T command(Stored stored, Class<T> type) {
        return CaseStore.JSON.readValue(stored.payload(), type);
    }

    private Class<? extends C> type(String kind) {
        for (Class<?> k : commands.getPermittedSubclasses()) {
            if (k.getSimpleName().equals(kind)) {
                return k.asSubclass(commands);
            }
        }
        throw new IllegalStateException("unknown stored " + table + " kind '" + kind + "'");
    }
}
