package org.lodestar.engagement.themes;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.OpenComment;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comment sets, their runs, themes, assignments and links. Every statement is bound to a district. */
@Repository
class ThemeStore {

    private final JdbcClient jdbc;

    ThemeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A source of comments: a survey, a session, a paste. */
    public record Source(CommentSource source, UUID sourceId) {}

    /** A set of comments, with how many it holds now (hidden ones included) and how many are in no theme yet. */
    public record ThemeSet(
            UUID id, String title, String createdBy, Instant createdAt, int comments, int unassigned, int themes) {}

    public enum RunStatus {
        WAITING,
        WORKING,
        DONE,
        FAILED
    }

    /** A finding of themes and what it changed. */
    public record Run(
            UUID id,
            UUID setId,
            RunStatus status,
            String requestedBy,
            Instant requestedAt,
            int comments,
            String choice,
            int newThemes,
            int added,
            int moved,
            int relabelled,
            int pinnedKept,
            boolean interrupted) {

        public boolean finished() {
            return status == RunStatus.DONE || status == RunStatus.FAILED;
        }
    }

    /** A theme with its size (every comment, hidden ones included). */
    public record ThemeRow(
            UUID id, UUID setId, String label, boolean renamed, List<UUID> representatives, int version, int size) {}

    public record Assignment(UUID commentId, UUID themeId, boolean pinned) {}

    public record Link(UUID themeId, String kind, UUID targetId) {}

    UUID addSet(UUID districtId, String title, String by, Instant at, Collection<Source> sources) {
        UUID id = Ids.next();
        jdbc.sql("insert into theme_set (district_id, id, title, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(districtId, id, title, by, Timestamp.from(at))
                .update();
        for (Source source : sources) {
            jdbc.sql("insert into theme_set_source (district_id, set_id, source, source_id) values (?, ?, ?, ?)")
                    .params(districtId, id, source.source().name(), source.sourceId())
                    .update();
        }
        return id;
    }

    private static final String SET_COLUMNS = """
            select s.id, s.title, s.created_by, s.created_at,
              (select count(*) from engagement_comment c join theme_set_source ss on ss.district_id = c.district_id
                and ss.source = c.source and ss.source_id = c.source_id
                where ss.district_id = s.district_id and ss.set_id = s.id) as comments,
              (select count(*) from engagement_comment c join theme_set_source ss on ss.district_id = c.district_id
                and ss.source = c.source and ss.source_id = c.source_id
                where ss.district_id = s.district_id and ss.set_id = s.id and not exists (select 1 from theme_assignment a
                where a.district_id = c.district_id and a.set_id = s.id and a.comment_id = c.id)) as unassigned,
              (select count(*) from theme t where t.district_id = s.district_id and t.set_id = s.id
                and exists (select 1 from theme_assignment a where a.district_id = t.district_id
                and a.theme_id = t.id)) as themes
             from theme_set s where s.district_id = ?""";

    List<ThemeSet> sets(UUID districtId) {
        return jdbc.sql(SET_COLUMNS + " order by s.created_at desc, s.id")
                .param(districtId)
                .query(ThemeStore::set)
                .list();
    }

    Optional<ThemeSet> set(UUID districtId, UUID id) {
        return jdbc.sql(SET_COLUMNS + " and s.id = ?")
                .params(districtId, id)
                .query(ThemeStore::set)
                .optional();
    }

    List<Source> sources(UUID districtId, UUID setId) {
        return jdbc.sql("select source, source_id from theme_set_source where district_id = ? and set_id = ?")
                .params(districtId, setId)
                .query((rs, row) -> new Source(
                        CommentSource.valueOf(rs.getString("source")), rs.getObject("source_id", UUID.class)))
                .list();
    }

    /** The comments of a set now: every comment of its sources, hidden ones included, oldest first. */
    List<OpenComment> comments(UUID districtId, UUID setId) {
        return jdbc.sql("""
                        select c.id, c.source, c.source_id, c.audience, c.language, c.text, c.hidden, c.created_at
                          from engagement_comment c join theme_set_source ss on ss.district_id = c.district_id
                           and ss.source = c.source and ss.source_id = c.source_id
                         where ss.district_id = ? and ss.set_id = ? order by c.created_at, c.id""")
                .params(districtId, setId)
                .query((rs, row) -> {
                    String audience = rs.getString("audience");
                    return new OpenComment(
                            rs.getObject("id", UUID.class),
                            CommentSource.valueOf(rs.getString("source")),
                            rs.getObject("source_id", UUID.class),
                            audience == null ? null : Consultation.Audience.valueOf(audience),
                            rs.getString("language"),
                            rs.getString("text"),
                            rs.getBoolean("hidden"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    /**
     * Surveys and sessions that have comments, with how many, their names and the needs assessment they belong to, for
     * choosing what a new set holds, newest first.
     */
    List<SourceCount> commentSources(UUID districtId) {
        return jdbc.sql("""
                        select c.source, c.source_id, c.n, c.first, s.title_en, s.title_es,
                               coalesce(cs.title, cs.stage) as session_name,
                               coalesce(s.assessment_id, cv.assessment_id) as assessment_id
                          from (select source, source_id, count(*) as n, min(created_at) as first
                                  from engagement_comment
                                 where district_id = ? and source <> 'PASTED' group by source, source_id) c
                          left join survey s
                            on c.source = 'SURVEY' and s.district_id = ? and s.id = c.source_id
                          left join conversation_session cs
                            on c.source = 'SESSION' and cs.district_id = ? and cs.id = c.source_id
                          left join conversation cv
                            on cv.district_id = cs.district_id and cv.id = cs.conversation_id
                         order by c.first desc""")
                .params(districtId, districtId, districtId)
                .query((rs, row) -> {
                    String session = rs.getString("session_name");
                    return new SourceCount(
                            CommentSource.valueOf(rs.getString("source")),
                            rs.getObject("source_id", UUID.class),
                            rs.getInt("n"),
                            rs.getTimestamp("first").toLocalDateTime().toLocalDate(),
                            session != null ? session : rs.getString("title_en"),
                            session != null ? session : rs.getString("title_es"),
                            rs.getObject("assessment_id", UUID.class));
                })
                .list();
    }

    /**
     * A survey or session with comments: how many, since when, its name (a survey's title in English and Spanish, a
     * session's title or stage) and its needs assessment (null: none).
     */
    public record SourceCount(
            CommentSource source,
            UUID sourceId,
            int comments,
            java.time.LocalDate first,
            String name,
            String nameEs,
            UUID assessmentId) {

        /** The name in the reader's language. */
        public String name(java.util.Locale locale) {
            return "es".equals(locale.getLanguage()) && nameEs != null ? nameEs : name;
        }

        Source asSource() {
            return new Source(source, sourceId);
        }
    }

    // --- runs

    UUID addRun(UUID districtId, UUID setId, String by, Instant at) {
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into theme_run (district_id, id, set_id, requested_by, requested_at, status)
                        values (?, ?, ?, ?, ?, 'WAITING')""").params(districtId, id, setId, by, Timestamp.from(at)).update();
        return id;
    }

    void runStatus(UUID districtId, UUID runId, RunStatus status, int comments) {
        jdbc.sql("update theme_run set status = ?, comments = ? where district_id = ? and id = ?")
                .params(status.name(), comments, districtId, runId)
                .update();
    }

    void finishRun(UUID districtId, UUID runId, Instant at, String choice, int[] counts) {
        // a run another node of a cluster marked interrupted at its start-up still lands: it is done, not interrupted
        jdbc.sql("""
                        update theme_run set status = 'DONE', interrupted = false, finished_at = ?, choice = ?,
                          new_themes = ?, added = ?,
                          moved = ?, relabelled = ?, pinned_kept = ? where district_id = ? and id = ?""")
                .params(
                        Timestamp.from(at),
                        choice,
                        counts[0],
                        counts[1],
                        counts[2],
                        counts[3],
                        counts[4],
                        districtId,
                        runId)
                .update();
    }

    private static final String RUN_COLUMNS = """
            select id, set_id, status, requested_by, requested_at, comments, choice, new_themes, added, moved,
              relabelled, pinned_kept, interrupted from theme_run where district_id = ?""";

    Optional<Run> run(UUID districtId, UUID runId) {
        return jdbc.sql(RUN_COLUMNS + " and id = ?")
                .params(districtId, runId)
                .query(ThemeStore::run)
                .optional();
    }

    List<Run> runs(UUID districtId, UUID setId) {
        return jdbc.sql(RUN_COLUMNS + " and set_id = ? order by requested_at desc, id desc limit 20")
                .params(districtId, setId)
                .query(ThemeStore::run)
                .list();
    }

    /** The districts that have runs left waiting or working (by a stop of the application). */
    List<UUID> districtsWithUnfinishedRuns() {
        return jdbc.sql("select distinct district_id from theme_run where status in ('WAITING', 'WORKING')")
                .query(UUID.class)
                .list();
    }

    /** Marks the district's runs left waiting or working as failed, interrupted; how many. */
    int interruptUnfinishedRuns(UUID districtId, Instant at) {
        return jdbc.sql("""
                        update theme_run set status = 'FAILED', interrupted = true, finished_at = ?
                         where district_id = ? and status in ('WAITING', 'WORKING')""").params(Timestamp.from(at), districtId).update();
    }

    /**
     * Each source of the district's sets with the needs assessment it belongs to: a survey's, or the assessment of a
     * session's conversation; none (null) for a paste or a survey tied to no assessment.
     */
    List<SourceAssessment> sourceAssessments(UUID districtId) {
        return jdbc.sql("""
                        select ss.set_id, ss.source,
                          case ss.source
                            when 'SURVEY' then (select s.assessment_id from survey s
                                                 where s.district_id = ss.district_id and s.id = ss.source_id)
                            when 'SESSION' then (select c.assessment_id from conversation_session cs
                                                   join conversation c on c.district_id = cs.district_id
                                                    and c.id = cs.conversation_id
                                                  where cs.district_id = ss.district_id and cs.id = ss.source_id)
                          end as assessment_id
                          from theme_set_source ss where ss.district_id = ?""")
                .param(districtId)
                .query((rs, row) -> new SourceAssessment(
                        rs.getObject("set_id", UUID.class),
                        CommentSource.valueOf(rs.getString("source")),
                        rs.getObject("assessment_id", UUID.class)))
                .list();
    }

    public record SourceAssessment(UUID setId, CommentSource source, UUID assessmentId) {}

    // --- themes

    UUID addTheme(UUID districtId, UUID setId, String label, Instant at) {
        UUID id = Ids.next();
        jdbc.sql("insert into theme (district_id, id, set_id, label, created_at) values (?, ?, ?, ?, ?)")
                .params(districtId, id, setId, label, Timestamp.from(at))
                .update();
        return id;
    }

    private static final String THEME_COLUMNS = """
            select t.id, t.set_id, t.label, t.renamed, t.representatives, t.version,
              (select count(*) from theme_assignment a where a.district_id = t.district_id and a.theme_id = t.id) as size
             from theme t where t.district_id = ?""";

    /** The themes of a set that hold a comment, largest first. */
    List<ThemeRow> themes(UUID districtId, UUID setId) {
        return jdbc
                .sql(THEME_COLUMNS + " and t.set_id = ? order by size desc, t.label, t.id")
                .params(districtId, setId)
                .query(ThemeStore::theme)
                .list()
                .stream()
                .filter(t -> t.size() > 0)
                .toList();
    }

    Optional<ThemeRow> theme(UUID districtId, UUID id) {
        return jdbc.sql(THEME_COLUMNS + " and t.id = ?")
                .params(districtId, id)
                .query(ThemeStore::theme)
                .optional();
    }

    List<ThemeRow> themesById(UUID districtId, Collection<UUID> ids) {
        return jdbc.sql(THEME_COLUMNS + " and t.id = any(?::uuid[])")
                .params(districtId, ids.toArray(UUID[]::new))
                .query(ThemeStore::theme)
                .list();
    }

    /** A run's new label of a theme nobody renamed; the version moves, so a form opened before is refused. */
    void relabel(UUID districtId, UUID themeId, String label) {
        jdbc.sql("update theme set label = ?, version = version + 1 where district_id = ? and id = ? and not renamed")
                .params(label, districtId, themeId)
                .update();
    }

    void rename(UUID districtId, UUID themeId, String label, int version) {
        EditConflictException.unlessSaved(
                jdbc.sql("""
                                update theme set label = ?, renamed = true, version = version + 1
                                 where district_id = ? and id = ? and version = ?""").params(label, districtId, themeId, version).update(), "theme");
    }

    /** Checks the theme is still as read and moves its version on, for an edit of its comments. */
    void touch(UUID districtId, UUID themeId, int version) {
        EditConflictException.unlessSaved(
                jdbc.sql("update theme set version = version + 1 where district_id = ? and id = ? and version = ?")
                        .params(districtId, themeId, version)
                        .update(),
                "theme");
    }

    void representatives(UUID districtId, UUID themeId, List<UUID> commentIds) {
        jdbc.sql("update theme set representatives = ?::uuid[] where district_id = ? and id = ?")
                .params(commentIds.toArray(UUID[]::new), districtId, themeId)
                .update();
    }

    void deleteTheme(UUID districtId, UUID themeId) {
        jdbc.sql("delete from theme where district_id = ? and id = ?")
                .params(districtId, themeId)
                .update();
    }

    // --- assignments

    Map<UUID, Assignment> assignments(UUID districtId, UUID setId) {
        Map<UUID, Assignment> all = new LinkedHashMap<>();
        jdbc.sql("select comment_id, theme_id, pinned from theme_assignment where district_id = ? and set_id = ?")
                .params(districtId, setId)
                .query((rs, row) -> new Assignment(
                        rs.getObject("comment_id", UUID.class),
                        rs.getObject("theme_id", UUID.class),
                        rs.getBoolean("pinned")))
                .list()
                .forEach(a -> all.put(a.commentId(), a));
        return all;
    }

    Optional<Assignment> assignment(UUID districtId, UUID setId, UUID commentId) {
        return jdbc
                .sql("""
                        select comment_id, theme_id, pinned from theme_assignment
                         where district_id = ? and set_id = ? and comment_id = ?""")
                .params(districtId, setId, commentId)
                .query((rs, row) -> new Assignment(
                        rs.getObject("comment_id", UUID.class),
                        rs.getObject("theme_id", UUID.class),
                        rs.getBoolean("pinned")))
                .list()
                .stream()
                .findFirst();
    }

    /**
     * Puts comments into a theme (in one statement). A planner's placing ({@code pinned}) always applies; a run's never
     * replaces a pinned comment's place, even one pinned while the run was working.
     */
    void assign(UUID districtId, UUID setId, Collection<UUID> commentIds, UUID themeId, boolean pinned) {
        if (commentIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into theme_assignment (district_id, set_id, comment_id, theme_id, pinned)
                        select ?, ?, c, ?, ? from unnest(?::uuid[]) as c
                        on conflict (district_id, set_id, comment_id) do update
                          set theme_id = excluded.theme_id, pinned = excluded.pinned
                          where excluded.pinned or not theme_assignment.pinned""")
                .params(districtId, setId, themeId, pinned, commentIds.toArray(UUID[]::new))
                .update();
    }

    /** Every comment of a theme into another, pinned. */
    void moveAll(UUID districtId, UUID fromTheme, UUID toTheme) {
        jdbc.sql("update theme_assignment set theme_id = ?, pinned = true where district_id = ? and theme_id = ?")
                .params(toTheme, districtId, fromTheme)
                .update();
    }

    // --- links

    void link(UUID districtId, UUID themeId, String kind, UUID targetId, String by) {
        jdbc.sql("""
                        insert into theme_link (district_id, theme_id, kind, target_id, linked_by) values (?, ?, ?, ?, ?)
                        on conflict do nothing""").params(districtId, themeId, kind, targetId, by).update();
    }

    boolean unlink(UUID districtId, UUID themeId, String kind, UUID targetId) {
        return jdbc.sql("delete from theme_link where district_id = ? and theme_id = ? and kind = ? and target_id = ?")
                        .params(districtId, themeId, kind, targetId)
                        .update()
                == 1;
    }

    /** A merged theme's links become the theme it was merged into. */
    void moveLinks(UUID districtId, UUID fromTheme, UUID toTheme) {
        jdbc.sql("""
                        insert into theme_link (district_id, theme_id, kind, target_id, linked_by)
                        select district_id, ?, kind, target_id, linked_by from theme_link
                         where district_id = ? and theme_id = ? on conflict do nothing""").params(toTheme, districtId, fromTheme).update();
        jdbc.sql("delete from theme_link where district_id = ? and theme_id = ?")
                .params(districtId, fromTheme)
                .update();
    }

    List<Link> linksOf(UUID districtId, Collection<UUID> themeIds) {
        return jdbc.sql(
                        "select theme_id, kind, target_id from theme_link where district_id = ? and theme_id = any(?::uuid[])")
                .params(districtId, themeIds.toArray(UUID[]::new))
                .query(ThemeStore::link)
                .list();
    }

    List<Link> linksTo(UUID districtId, String kind, Collection<UUID> targetIds) {
        return jdbc.sql("""
                        select theme_id, kind, target_id from theme_link where district_id = ? and kind = ?
                           and target_id = any(?::uuid[])""")
                .params(districtId, kind, targetIds.toArray(UUID[]::new))
                .query(ThemeStore::link)
                .list();
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(
                rs.getObject("theme_id", UUID.class), rs.getString("kind"), rs.getObject("target_id", UUID.class));
    }

    private static ThemeSet set(ResultSet rs, int row) throws SQLException {
        return new ThemeSet(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("comments"),
                rs.getInt("unassigned"),
                rs.getInt("themes"));
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        return new Run(
                rs.getObject("id", UUID.class),
                rs.getObject("set_id", UUID.class),
                RunStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getInt("comments"),
                rs.getString("choice"),
                rs.getInt("new_themes"),
                rs.getInt("added"),
                rs.getInt("moved"),
                rs.getInt("relabelled"),
                rs.getInt("pinned_kept"),
                rs.getBoolean("interrupted"));
    }

    private static ThemeRow theme(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("representatives");
        List<UUID> representatives =
                array == null ? List.of() : new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
        return new ThemeRow(
                rs.getObject("id", UUID.class),
                rs.getObject("set_id", UUID.class),
                rs.getString("label"),
                rs.getBoolean("renamed"),
                List.copyOf(representatives),
                rs.getInt("version"),
                rs.getInt("size"));
    }
}
