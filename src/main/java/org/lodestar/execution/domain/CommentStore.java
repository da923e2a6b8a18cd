package org.lodestar.execution.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.lodestar.execution.Comment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments on projects and tasks, kept as written; every statement bound to one district. */
@Repository
public class CommentStore {

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID districtId, UUID id, UUID projectId, UUID taskId, UUID authorId, Instant at, String body) {
        jdbc.sql("""
                        insert into work_comment (district_id, id, project_id, task_id, author_id, written_at, body)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(districtId, id, projectId, taskId, authorId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), body)
                .update();
    }

    /** A project's comments, its tasks' included, newest first. */
    public List<Comment> ofProject(UUID districtId, UUID projectId) {
        return jdbc.sql("""
                        select id, project_id, task_id, author_id, written_at, body from work_comment
                         where district_id = ? and project_id = ? order by written_at desc, id desc""")
                .params(districtId, projectId)
                .query((rs, row) -> new Comment(
                        rs.getObject("id", UUID.class),
                        rs.getObject("project_id", UUID.class),
                        rs.getObject("task_id", UUID.class),
                        rs.getObject("author_id", UUID.class),
                        rs.getObject("written_at", OffsetDateTime.class).toInstant(),
                        rs.getString("body")))
                .list();
    }
}
