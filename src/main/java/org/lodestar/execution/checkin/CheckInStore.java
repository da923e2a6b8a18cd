package org.lodestar.execution.checkin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check-ins and their evidence files; every statement is bound to one district. Rows are only ever added. */
@Repository
class CheckInStore {

    private final JdbcClient jdbc;

    CheckInStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID districtId, CheckIn checkIn) {
        jdbc.sql("""
                        insert into check_in (district_id, id, item_kind, item_id, status, what_happened,
                            what_we_learned, what_changes, author_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        districtId,
                        checkIn.id(),
                        checkIn.item().kind().name(),
                        checkIn.item().id(),
                        checkIn.status().name(),
                        checkIn.whatHappened(),
                        checkIn.whatWeLearned(),
                        checkIn.whatChanges(),
                        checkIn.authorId(),
                        java.sql.Timestamp.from(checkIn.createdAt()))
                .update();
    }

    /** Whether the plan's quarterly review of this quarter is signed off, which locks the quarter's check-ins. */
    boolean quarterSignedOff(UUID districtId, UUID planId, int schoolYear, int quarter) {
        return jdbc.sql("""
                        select count(*) from quarterly_review where district_id = ? and plan_id = ?
                           and school_year = ? and quarter = ? and signed_off_at is not null""")
                        .params(districtId, planId, schoolYear, quarter)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether the plan's year-end evaluation is completed, which locks its whole school year's check-ins. */
    boolean yearCompleted(UUID districtId, UUID planId) {
        return jdbc.sql("""
                        select count(*) from year_end_evaluation where district_id = ? and plan_id = ?
                           and completed_at is not null""").params(districtId, planId).query(Long.class).single() > 0;
    }

    void insertFile(UUID districtId, UUID id, UUID checkInId, int position, String name, String type, byte[] bytes) {
        jdbc.sql("""
                        insert into check_in_file (district_id, id, check_in_id, position, file_name, content_type,
                            size_bytes, content) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(districtId, id, checkInId, position, name, type, bytes.length, bytes)
                .update();
    }

    /** An item's check-ins, newest first, with their files' names (not their bytes). */
    List<CheckIn> ofItem(UUID districtId, ItemRef item) {
        List<CheckIn> bare = jdbc.sql("""
                        select * from check_in where district_id = ? and item_kind = ? and item_id = ?
                         order by created_at desc, id desc""")
                .params(districtId, item.kind().name(), item.id())
                .query(CheckInStore::checkIn)
                .list();
        return withFiles(districtId, bare);
    }

    /** The check-ins with their files' names (not their bytes), in one statement. */
    private List<CheckIn> withFiles(UUID districtId, List<CheckIn> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        Map<UUID, List<EvidenceFile>> files = new HashMap<>();
        jdbc.sql("""
                        select id, check_in_id, file_name, content_type, size_bytes from check_in_file
                         where district_id = ? and check_in_id = any(?) order by position""")
                .params(districtId, bare.stream().map(CheckIn::id).toArray(UUID[]::new))
                .query((rs, row) -> new EvidenceFile(
                        rs.getObject("id", UUID.class),
                        rs.getObject("check_in_id", UUID.class),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getInt("size_bytes")))
                .list()
                .forEach(file -> files.computeIfAbsent(file.checkInId(), k -> new ArrayList<>())
                        .add(file));
        return bare.stream()
                .map(c -> new CheckIn(
                        c.id(),
                        c.item(),
                        c.status(),
                        c.whatHappened(),
                        c.whatWeLearned(),
                        c.whatChanges(),
                        c.authorId(),
                        c.createdAt(),
                        files.getOrDefault(c.id(), List.of())))
                .toList();
    }

    /**
     * Check-ins newest first, at most {@code limit}: of the given items only (null: of any), posted at or after
     * {@code since} (null: ever), with their files' names.
     */
    List<CheckIn> find(UUID districtId, Collection<ItemRef> items, Instant since, int limit) {
        if (items != null && items.isEmpty()) {
            return List.of();
        }
        List<CheckIn> bare = jdbc.sql("""
                        select * from check_in where district_id = ?
                           and (cast(? as uuid[]) is null or item_id = any(?))
                           and (cast(? as timestamptz) is null or created_at >= ?)
                         order by created_at desc, id desc limit ?""")
                .params(
                        districtId,
                        ids(items),
                        ids(items),
                        since == null ? null : java.sql.Timestamp.from(since),
                        since == null ? null : java.sql.Timestamp.from(since),
                        limit)
                .query(CheckInStore::checkIn)
                .list();
        List<CheckIn> wanted = items == null
                ? bare
                : bare.stream().filter(c -> items.contains(c.item())).toList();
        return withFiles(districtId, wanted);
    }

    /** One check-in with its files' names, if it is the district's. */
    Optional<CheckIn> one(UUID districtId, UUID id) {
        return jdbc.sql("select * from check_in where district_id = ? and id = ?")
                .params(districtId, id)
                .query(CheckInStore::checkIn)
                .optional()
                .map(c -> withFiles(districtId, List.of(c)).get(0));
    }

    private static UUID[] ids(Collection<ItemRef> items) {
        return items == null ? null : items.stream().map(ItemRef::id).distinct().toArray(UUID[]::new);
    }

    /** The latest check-in of each of the given items (those that have one), in one statement. */
    Map<ItemRef, CheckIn> latest(UUID districtId, Collection<ItemRef> items) {
        Map<ItemRef, CheckIn> latest = new HashMap<>();
        if (items.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                        select distinct on (item_kind, item_id) * from check_in
                         where district_id = ? and item_id = any(?)
                         order by item_kind, item_id, created_at desc, id desc""")
                .params(districtId, items.stream().map(ItemRef::id).distinct().toArray(UUID[]::new))
                .query(CheckInStore::checkIn)
                .list()
                .forEach(c -> latest.put(c.item(), c));
        return latest;
    }

    /** Check-ins posted since a moment, newest first (the weekly digest's changes of status). */
    List<CheckIn> since(UUID districtId, Instant from) {
        return jdbc.sql("select * from check_in where district_id = ? and created_at >= ? order by created_at desc")
                .params(districtId, java.sql.Timestamp.from(from))
                .query(CheckInStore::checkIn)
                .list();
    }

    /** The latest check-in of an item posted before a moment, if any. */
    Optional<CheckIn> latestBefore(UUID districtId, ItemRef item, Instant before) {
        return jdbc.sql("""
                        select * from check_in where district_id = ? and item_kind = ? and item_id = ? and created_at < ?
                         order by created_at desc, id desc limit 1""")
                .params(districtId, item.kind().name(), item.id(), java.sql.Timestamp.from(before))
                .query(CheckInStore::checkIn)
                .optional();
    }

    /** A file with its bytes and the item its check-in is about; empty when it is not the district's. */
    Optional<StoredFile> file(UUID districtId, UUID fileId) {
        return jdbc.sql("""
                        select f.file_name, f.content_type, f.content, c.item_kind, c.item_id
                          from check_in_file f join check_in c on c.district_id = f.district_id and c.id = f.check_in_id
                         where f.district_id = ? and f.id = ?""")
                .params(districtId, fileId)
                .query((rs, row) -> new StoredFile(
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getBytes("content"),
                        new ItemRef(ItemKind.valueOf(rs.getString("item_kind")), rs.getObject("item_id", UUID.class))))
                .optional();
    }

    record StoredFile(String name, String contentType, byte[] bytes, ItemRef item) {}

    private static CheckIn checkIn(ResultSet rs, int row) throws SQLException {
        return new CheckIn(
                rs.getObject("id", UUID.class),
                new ItemRef(ItemKind.valueOf(rs.getString("item_kind")), rs.getObject("item_id", UUID.class)),
                CheckInStatus.valueOf(rs.getString("status")),
                rs.getString("what_happened"),
                rs.getString("what_we_learned"),
                rs.getString("what_changes"),
                rs.getObject("author_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                List.of());
    }
}
