package org.lodestar.engagement.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.OpenComment;
import org.lodestar.planning.Consultation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stakeholders' open comments. Every statement is bound to a district. */
@Repository
public class OpenComments {

    private static final String COLUMNS = "id, source, source_id, audience, language, text, hidden, created_at";
    private static final String SHOWN = " where district_id = ? and source = ? and source_id = ? and not hidden"
            + " and (?::text is null or audience = ?)";

    private final JdbcClient jdbc;

    OpenComments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves comments as given (their ids new), in one statement however many. */
    public void add(UUID districtId, Collection<OpenComment> comments) {
        if (comments.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into engagement_comment (district_id, id, source, source_id, audience, language, text,
                            hidden, created_at)
                        select ?::uuid, c.* from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                            ?::text[], ?::boolean[], ?::timestamptz[])
                            as c(id, source, source_id, audience, language, text, hidden, created_at)""")
                .params(
                        districtId,
                        comments.stream().map(OpenComment::id).toArray(UUID[]::new),
                        comments.stream().map(c -> c.source().name()).toArray(String[]::new),
                        comments.stream().map(OpenComment::sourceId).toArray(UUID[]::new),
                        comments.stream()
                                .map(c -> c.audience() == null
                                        ? null
                                        : c.audience().name())
                                .toArray(String[]::new),
                        comments.stream().map(OpenComment::language).toArray(String[]::new),
                        comments.stream().map(OpenComment::text).toArray(String[]::new),
                        comments.stream().map(OpenComment::hidden).toArray(Boolean[]::new),
                        comments.stream()
                                .map(c -> Timestamp.from(c.createdAt()))
                                .toArray(Timestamp[]::new))
                .update();
    }

    /** The comments of a source (a survey, a session, a paste), oldest first, hidden ones included. */
    public List<OpenComment> ofSource(UUID districtId, CommentSource source, UUID sourceId) {
        return jdbc.sql("select " + COLUMNS
                        + " from engagement_comment where district_id = ? and source = ? and source_id = ?"
                        + " order by created_at, id")
                .params(districtId, source.name(), sourceId)
                .query(OpenComments::comment)
                .list();
    }

    /**
     * A page of a source's comments shown to readers (hidden ones left out), of one audience or of all (null), oldest
     * first.
     */
    public List<OpenComment> shownOfSource(
            UUID districtId, CommentSource source, UUID sourceId, Consultation.Audience audience, int skip, int count) {
        return jdbc.sql("select " + COLUMNS + " from engagement_comment" + SHOWN + " order by created_at, id"
                        + " offset ? limit ?")
                .params(
                        districtId,
                        source.name(),
                        sourceId,
                        audienceName(audience),
                        audienceName(audience),
                        skip,
                        count)
                .query(OpenComments::comment)
                .list();
    }

    /** How many of a source's comments are shown to readers (hidden ones left out), of one audience or of all (null). */
    public int countShownOfSource(
            UUID districtId, CommentSource source, UUID sourceId, Consultation.Audience audience) {
        return jdbc.sql("select count(*) from engagement_comment" + SHOWN)
                .params(districtId, source.name(), sourceId, audienceName(audience), audienceName(audience))
                .query(Integer.class)
                .single();
    }

    private static String audienceName(Consultation.Audience audience) {
        return audience == null ? null : audience.name();
    }

    /** The given comments of the district (those that exist), hidden ones included. */
    public List<OpenComment> byIds(UUID districtId, Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from engagement_comment where district_id = ? and id = any(?::uuid[])"
                        + " order by created_at, id")
                .params(districtId, ids.toArray(UUID[]::new))
                .query(OpenComments::comment)
                .list();
    }

    /** Hides or shows a comment again; says whether the district had it. */
    public boolean setHidden(UUID districtId, UUID id, boolean hidden, String by) {
        return jdbc.sql("update engagement_comment set hidden = ?, hidden_by = ? where district_id = ? and id = ?")
                        .params(hidden, hidden ? by : null, districtId, id)
                        .update()
                == 1;
    }

    private static OpenComment comment(ResultSet rs, int row) throws SQLException {
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
    }
}
