package org.pallas.server.ledger;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.pallas.ledger.EntryBundle;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.TileFormatException;
import org.pallas.ledger.TileId;
import org.pallas.ledger.TileReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's tables: entries, full records, tiles and signed checkpoints. */
@Repository
class LedgerStore {

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Pending(long seq, byte[] entry) {}

    /** A stored entry; {@code leafIndex} is null until sequenced. */
    record StoredEntry(
            long seq,
            Long leafIndex,
            String type,
            String subjectType,
            String subjectId,
            Instant recordedAt,
            byte[] entry) {}

    record StoredCheckpoint(long treeSize, byte[] rootHash, byte[] note, Instant signedAt) {}

    /** An entry with its full record, not yet written. */
    record NewEntry(String type, String subjectType, String subjectId, Instant at, byte[] entry, byte[] record) {}

    /**
     * Writes entries and their records in one statement (one round trip however many), in list order: each
     * takes the next {@code seq}. Bytes travel as hex text and are decoded by PostgreSQL.
     */
    void insertAll(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] types = new String[n];
        String[] subjectTypes = new String[n];
        String[] subjectIds = new String[n];
        String[] times = new String[n];
        String[] bytes = new String[n];
        String[] records = new String[n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            NewEntry e = entries.get(i);
            types[i] = e.type();
            subjectTypes[i] = e.subjectType();
            subjectIds[i] = e.subjectId();
            times[i] = e.at().toString();
            bytes[i] = hex.formatHex(e.entry());
            records[i] = hex.formatHex(e.record());
        }
        jdbc.sql("""
                with r as (
                    select nextval('ledger_entry_seq_seq') as seq, t.*
                    from unnest(cast(:types as text[]), cast(:subjectTypes as text[]), cast(:subjectIds as text[]),
                                cast(:times as timestamptz[]), cast(:entries as text[]), cast(:records as text[]))
                         with ordinality as t(type, subject_type, subject_id, recorded_at, entry, record, n)
                    order by t.n),
                e as (
                    insert into ledger_entry (seq, type, subject_type, subject_id, recorded_at, entry)
                    select seq, type, subject_type, subject_id, recorded_at, decode(entry, 'hex') from r order by seq)
                insert into ledger_payload (seq, record) select seq, decode(record, 'hex') from r""")
                .param("types", types)
                .param("subjectTypes", subjectTypes)
                .param("subjectIds", subjectIds)
                .param("times", times)
                .param("entries", bytes)
                .param("records", records)
                .update();
    }

    List<Pending> unsequenced(int limit) {
        return jdbc.sql("select seq, entry from ledger_entry where leaf_index is null order by seq limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong("seq"), rs.getBytes("entry")))
                .list();
    }

    void assign(List<Pending> batch, long firstIndex) {
        // One statement for the whole batch: the n-th seq of the batch gets index firstIndex + n - 1.
        jdbc.sql("""
                update ledger_entry e set leaf_index = :first + a.n - 1
                from unnest(cast(:seqs as bigint[])) with ordinality as a(seq, n)
                where e.seq = a.seq""")
                .param("seqs", batch.stream().mapToLong(Pending::seq).toArray())
                .param("first", firstIndex)
                .update();
    }

    /** Reads a tile; a partial tile is served from the stored (wider) tile of the same position, which it prefixes. */
    Optional<byte[]> tile(TileId id) throws TileFormatException {
        Optional<Map.Entry<Integer, byte[]>> stored = jdbc.sql(
                        "select width, data from ledger_tile where level = :level and idx = :idx")
                .param("level", id.isEntryBundle() ? -1 : id.level())
                .param("idx", id.index())
                .query((rs, n) -> Map.entry(rs.getInt("width"), rs.getBytes("data")))
                .optional();
        if (stored.isEmpty() || stored.get().getKey() < id.width()) {
            return Optional.empty();
        }
        byte[] data = stored.get().getValue();
        if (stored.get().getKey() == id.width()) {
            return Optional.of(data);
        }
        if (!id.isEntryBundle()) {
            return Optional.of(Arrays.copyOf(data, id.width() * MerkleHash.SIZE));
        }
        return Optional.of(EntryBundle.encode(
                EntryBundle.decode(data, stored.get().getKey(), id.path()).subList(0, id.width())));
    }

    /** The tiles as a reader; a corrupt stored bundle is an I/O error of the store. */
    TileReader tiles() {
        return id -> {
            try {
                return tile(id);
            } catch (TileFormatException e) {
                throw new IOException("stored " + e.getMessage(), e);
            }
        };
    }

    /** Writes tiles as {@link #writeTile} does, all in one statement. */
    void writeTiles(Map<TileId, byte[]> tiles) {
        if (tiles.isEmpty()) {
            return;
        }
        int n = tiles.size();
        Integer[] levels = new Integer[n];
        Long[] indexes = new Long[n];
        Integer[] widths = new Integer[n];
        String[] data = new String[n];
        HexFormat hex = HexFormat.of();
        int i = 0;
        for (Map.Entry<TileId, byte[]> t : tiles.entrySet()) {
            TileId id = t.getKey();
            levels[i] = id.isEntryBundle() ? -1 : id.level();
            indexes[i] = id.index();
            widths[i] = id.width();
            data[i] = hex.formatHex(t.getValue());
            i++;
        }
        jdbc.sql("""
                insert into ledger_tile (level, idx, width, data)
                select level, idx, width, decode(data, 'hex')
                from unnest(cast(:levels as int[]), cast(:indexes as bigint[]), cast(:widths as int[]), cast(:data as text[]))
                     as t(level, idx, width, data)
                on conflict (level, idx) do update set width = excluded.width, data = excluded.data
                where ledger_tile.width < excluded.width""")
                .param("levels", levels)
                .param("indexes", indexes)
                .param("widths", widths)
                .param("data", data)
                .update();
    }

    void writeTile(TileId id, byte[] data) {
        // Tiles only grow; never replace a tile with a narrower one, never touch a full one.
        jdbc.sql("""
                insert into ledger_tile (level, idx, width, data) values (:level, :idx, :width, :data)
                on conflict (level, idx) do update set width = excluded.width, data = excluded.data
                where ledger_tile.width < excluded.width""")
                .param("level", id.isEntryBundle() ? -1 : id.level())
                .param("idx", id.index())
                .param("width", id.width())
                .param("data", data)
                .update();
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.sql("select * from ledger_checkpoint order by tree_size desc limit 1")
                .query(LedgerStore::checkpoint)
                .optional();
    }

    Optional<StoredCheckpoint> checkpoint(long treeSize) {
        return jdbc.sql("select * from ledger_checkpoint where tree_size = :size")
                .param("size", treeSize)
                .query(LedgerStore::checkpoint)
                .optional();
    }

    void insertCheckpoint(long treeSize, byte[] root, byte[] note, Instant at) {
        jdbc.sql(
                        "insert into ledger_checkpoint (tree_size, root_hash, note, signed_at) values (:size, :root, :note, :at)")
                .param("size", treeSize)
                .param("root", root)
                .param("note", note)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<StoredEntry> entryAt(long leafIndex) {
        return jdbc.sql("select * from ledger_entry where leaf_index = :index")
                .param("index", leafIndex)
                .query(LedgerStore::entry)
                .optional();
    }

    /** Sequenced entries below {@code treeSize}, newest first. */
    List<StoredEntry> page(long treeSize, long offset, int limit) {
        return jdbc.sql(
                        "select * from ledger_entry where leaf_index < :size order by leaf_index desc offset :offset limit :limit")
                .param("size", treeSize)
                .param("offset", offset)
                .param("limit", limit)
                .query(LedgerStore::entry)
                .list();
    }

    List<StoredEntry> forSubject(String subjectType, String subjectId) {
        return jdbc.sql("select * from ledger_entry where subject_type = :type and subject_id = :id order by seq")
                .param("type", subjectType)
                .param("id", subjectId)
                .query(LedgerStore::entry)
                .list();
    }

    Optional<byte[]> record(long seq) {
        return jdbc.sql("select record from ledger_payload where seq = :seq")
                .param("seq", seq)
                .query((rs, n) -> rs.getBytes("record"))
                .optional();
    }

    /** The latest entry and record of every subject of a type. */
    List<Latest> latestPerSubject(String subjectType) {
        return jdbc.sql("""
                select distinct on (e.subject_id) e.*, p.record from ledger_entry e left join ledger_payload p on p.seq = e.seq
                where e.subject_type = :type order by e.subject_id, e.seq desc""")
                .param("type", subjectType)
                .query((rs, n) -> new Latest(entry(rs, n), rs.getBytes("record")))
                .list();
    }

    record Latest(StoredEntry entry, byte[] record) {}

    /** The latest entry and record of one subject. */
    Optional<Latest> latest(String subjectType, String subjectId) {
        return jdbc.sql("""
                select e.*, p.record from ledger_entry e left join ledger_payload p on p.seq = e.seq
                where e.subject_type = :type and e.subject_id = :id order by e.seq desc limit 1""")
                .param("type", subjectType)
                .param("id", subjectId)
                .query((rs, n) -> new Latest(entry(rs, n), rs.getBytes("record")))
                .optional();
    }

    /** The entries of these sequence numbers with their records, in sequence order. */
    List<Latest> withRecords(long[] seqs) {
        return jdbc.sql("""
                select e.*, p.record from ledger_entry e left join ledger_payload p on p.seq = e.seq
                where e.seq = any(cast(:seqs as bigint[])) order by e.seq""")
                .param("seqs", seqs)
                .query((rs, n) -> new Latest(entry(rs, n), rs.getBytes("record")))
                .list();
    }

    /** Visits every entry with its record in sequence order, in pages, for the integrity check. */
    void forEachEntry(BiConsumer<StoredEntry, byte[]> visitor) {
        long after = 0;
        while (true) {
            List<Latest> page = jdbc.sql("""
                    select e.*, p.record from ledger_entry e left join ledger_payload p on p.seq = e.seq
                    where e.seq > :after order by e.seq limit 1000""")
                    .param("after", after)
                    .query((rs, n) -> new Latest(entry(rs, n), rs.getBytes("record")))
                    .list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(l -> visitor.accept(l.entry(), l.record()));
            after = page.get(page.size() - 1).entry().seq();
        }
    }

    long countEntries() {
        return jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
    }

    private static StoredCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new StoredCheckpoint(
                rs.getLong("tree_size"),
                rs.getBytes("root_hash"),
                rs.getBytes("note"),
                rs.getTimestamp("signed_at").toInstant());
    }

    private static StoredEntry entry(ResultSet rs, int row) throws SQLException {
        long index = rs.getLong("leaf_index");
        // wasNull() answers for the last column read: ask before reading another.
        Long leafIndex = rs.wasNull() ? null : index;
        return new StoredEntry(
                rs.getLong("seq"),
                leafIndex,
                rs.getString("type"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getBytes("entry"));
    }

    static List<byte[]> entries(List<Pending> batch) {
        List<byte[]> out = new ArrayList<>(batch.size());
        batch.forEach(p -> out.add(p.entry()));
        return out;
    }
}
