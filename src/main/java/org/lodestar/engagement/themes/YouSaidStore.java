package org.lodestar.engagement.themes;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** "You said, we did" entries of themes. Every statement is bound to a district. */
@Repository
class YouSaidStore {

    private final JdbcClient jdbc;

    YouSaidStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An entry: what was heard and what the plan changed, in English and Spanish, the quote the planner chose (null
     * for none), and the goals and actions changed.
     */
    public record Entry(
            UUID id,
            UUID themeId,
            String heardEn,
            String heardEs,
            String didEn,
            String didEs,
            UUID quoteId,
            List<UUID> itemIds,
            boolean published,
            Instant publishedAt,
            int version) {}

    /** A published entry as the public page shows it: the quote's text only when the comment is not hidden. */
    public record Published(
            UUID id,
            String heardEn,
            String heardEs,
            String didEn,
            String didEs,
            String quote,
            String quoteLanguage,
            Instant publishedAt,
            List<UUID> itemIds) {

        public String heard(String language) {
            return "es".equals(language) ? heardEs : heardEn;
        }

        public String did(String language) {
            return "es".equals(language) ? didEs : didEn;
        }
    }

    private static final String COLUMNS = """
            select id, theme_id, heard_en, heard_es, did_en, did_es, quote_id, item_ids, published, published_at, version
              from you_said_entry where district_id = ?""";

    UUID add(UUID districtId, UUID themeId, Entry entry, String by) {
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into you_said_entry (district_id, id, theme_id, heard_en, heard_es, did_en, did_es,
                          quote_id, item_ids, written_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?)""")
                .params(
                        districtId,
                        id,
                        themeId,
                        entry.heardEn(),
                        entry.heardEs(),
                        entry.didEn(),
                        entry.didEs(),
                        entry.quoteId(),
                        entry.itemIds().toArray(UUID[]::new),
                        by)
                .update();
        return id;
    }

    void update(UUID districtId, Entry entry) {
        EditConflictException.unlessSaved(
                jdbc.sql("""
                                update you_said_entry set heard_en = ?, heard_es = ?, did_en = ?, did_es = ?,
                                  quote_id = ?, item_ids = ?::uuid[], version = version + 1
                                 where district_id = ? and id = ? and version = ?""")
                        .params(
                                entry.heardEn(),
                                entry.heardEs(),
                                entry.didEn(),
                                entry.didEs(),
                                entry.quoteId(),
                                entry.itemIds().toArray(UUID[]::new),
                                districtId,
                                entry.id(),
                                entry.version())
                        .update(),
                "entry");
    }

    void publish(UUID districtId, UUID id, boolean published, int version, Instant at) {
        EditConflictException.unlessSaved(
                jdbc.sql("""
                                update you_said_entry set published = ?, published_at = ?, version = version + 1
                                 where district_id = ? and id = ? and version = ?""")
                        .params(published, published ? Timestamp.from(at) : null, districtId, id, version)
                        .update(),
                "entry");
    }

    Optional<Entry> entry(UUID districtId, UUID id) {
        return jdbc.sql(COLUMNS + " and id = ?")
                .params(districtId, id)
                .query(YouSaidStore::entry)
                .optional();
    }

    List<Entry> ofThemes(UUID districtId, Collection<UUID> themeIds) {
        return jdbc.sql(COLUMNS + " and theme_id = any(?::uuid[]) order by id")
                .params(districtId, themeIds.toArray(UUID[]::new))
                .query(YouSaidStore::entry)
                .list();
    }

    /** The district's published entries, newest first; a quote whose comment is hidden is left out. */
    List<Published> published(UUID districtId) {
        return jdbc.sql("""
                        select e.id, e.heard_en, e.heard_es, e.did_en, e.did_es, e.published_at, e.item_ids,
                          case when c.hidden then null else c.text end as quote, c.language
                          from you_said_entry e left join engagement_comment c
                            on c.district_id = e.district_id and c.id = e.quote_id
                         where e.district_id = ? and e.published order by e.published_at desc, e.id""")
                .param(districtId)
                .query((rs, row) -> new Published(
                        rs.getObject("id", UUID.class),
                        rs.getString("heard_en"),
                        rs.getString("heard_es"),
                        rs.getString("did_en"),
                        rs.getString("did_es"),
                        rs.getString("quote"),
                        rs.getString("language"),
                        rs.getTimestamp("published_at").toInstant(),
                        uuids(rs.getArray("item_ids"))))
                .list();
    }

    /** A merged theme's entries belong to the theme it was merged into. */
    void moveEntries(UUID districtId, UUID fromTheme, UUID intoTheme) {
        jdbc.sql("update you_said_entry set theme_id = ?, version = version + 1 where district_id = ? and theme_id = ?")
                .params(intoTheme, districtId, fromTheme)
                .update();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Entry(
                rs.getObject("id", UUID.class),
                rs.getObject("theme_id", UUID.class),
                rs.getString("heard_en"),
                rs.getString("heard_es"),
                rs.getString("did_en"),
                rs.getString("did_es"),
                rs.getObject("quote_id", UUID.class),
                uuids(rs.getArray("item_ids")),
                rs.getBoolean("published"),
                published == null ? null : published.toInstant(),
                rs.getInt("version"));
    }

    private static List<UUID> uuids(Array items) throws SQLException {
        return items == null ? List.of() : List.copyOf(Arrays.asList((UUID[]) items.getArray()));
    }
}
