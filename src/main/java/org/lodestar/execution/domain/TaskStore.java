package org.lodestar.execution.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tasks and milestones, the people involved in them and their dependencies; every statement is bound to one district.
 * Tasks of an archived project are left out of every reading, like the project.
 */
@Repository
public class TaskStore {

    static final String COLUMNS = """
            t.id, t.project_id, t.title, t.owner_id, t.start_date, t.due_date, t.status, t.percent_complete,
            t.milestone, t.position, t.board_position, t.version,
            array(select tp.user_id from task_person tp
                   where tp.district_id = t.district_id and tp.task_id = t.id order by tp.user_id) as people,
            array(select d.depends_on_id from task_dependency d
                   where d.district_id = t.district_id and d.task_id = t.id order by d.depends_on_id) as depends_on""";

    private static final String SELECT = "select " + COLUMNS + " " + """
             from task t join project p on p.district_id = t.district_id and p.id = t.project_id
             where t.district_id = ? and p.archived_at is null""";

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Task> find(UUID districtId, UUID id) {
        return jdbc.sql(SELECT + " and t.id = ?")
                .params(districtId, id)
                .query(TaskStore::task)
                .optional();
    }

    /** A project's tasks in their order. */
    public List<Task> ofProject(UUID districtId, UUID projectId) {
        return jdbc.sql(SELECT + " and t.project_id = ? order by t.position")
                .params(districtId, projectId)
                .query(TaskStore::task)
                .list();
    }

    /** The tasks of the given projects, in one statement. */
    public List<Task> ofProjects(UUID districtId, Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " and t.project_id = any(?) order by t.position")
                .params(districtId, projectIds.toArray(UUID[]::new))
                .query(TaskStore::task)
                .list();
    }

    /** A new task, last of its project and at the end of its status's column on the board. */
    public void insert(UUID districtId, Task task) {
        jdbc.sql("""
                        insert into task (district_id, id, project_id, title, owner_id, start_date, due_date, status,
                            percent_complete, milestone, position, board_position)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            (select coalesce(max(position), 0) + 1 from task where district_id = ? and project_id = ?),
                            (select coalesce(max(board_position), 0) + 1 from task where district_id = ? and status = ?))""")
                .params(
                        districtId,
                        task.id(),
                        task.projectId(),
                        task.title(),
                        task.ownerId(),
                        task.startDate(),
                        task.dueDate(),
                        task.status().name(),
                        task.percentComplete(),
                        task.milestone(),
                        districtId,
                        task.projectId(),
                        districtId,
                        task.status().name())
                .update();
    }

    /** Saves the task's fields if its version is still {@code version}; the rows changed. */
    public int update(UUID districtId, Task task, int version) {
        return jdbc.sql("""
                        update task set title = ?, owner_id = ?, start_date = ?, due_date = ?, status = ?,
                               percent_complete = ?, milestone = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""")
                .params(
                        task.title(),
                        task.ownerId(),
                        task.startDate(),
                        task.dueDate(),
                        task.status().name(),
                        task.percentComplete(),
                        task.milestone(),
                        districtId,
                        task.id(),
                        version)
                .update();
    }

    public int delete(UUID districtId, UUID id, int version) {
        return jdbc.sql("delete from task where district_id = ? and id = ? and version = ?")
                .params(districtId, id, version)
                .update();
    }

    /** Replaces the people involved in a task. */
    public void setPeople(UUID districtId, UUID taskId, Collection<UUID> people) {
        jdbc.sql("delete from task_person where district_id = ? and task_id = ?")
                .params(districtId, taskId)
                .update();
        for (UUID person : people) {
            jdbc.sql("insert into task_person (district_id, task_id, user_id) values (?, ?, ?)")
                    .params(districtId, taskId, person)
                    .update();
        }
    }

    /**
     * Puts the task into the column of {@code status}, just before {@code before} (or after {@code after}; neither:
     * at the column's end), if its version is still {@code version}; the rows of the task changed (0: stale).
     */
    public int place(UUID districtId, UUID id, ProjectStatus status, UUID before, UUID after, int version) {
        Integer at = null;
        UUID neighbour = before != null ? before : after;
        if (neighbour != null) {
            at = jdbc.sql("select board_position from task where district_id = ? and id = ? and status = ?")
                    .params(districtId, neighbour, status.name())
                    .query(Integer.class)
                    .optional()
                    .map(position -> before != null ? position : position + 1)
                    .orElse(null);
        }
        if (at == null) {
            at = jdbc.sql("select coalesce(max(board_position), 0) + 1 from task where district_id = ? and status = ?")
                    .params(districtId, status.name())
                    .query(Integer.class)
                    .single();
        } else {
            // make room: everything from that place on in the column moves one down
            jdbc.sql("""
                            update task set board_position = board_position + 1
                             where district_id = ? and status = ? and board_position >= ? and id <> ?""").params(districtId, status.name(), at, id).update();
        }
        return jdbc.sql("""
                        update task set status = ?, board_position = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""").params(status.name(), at, districtId, id, version).update();
    }

    /** Every dependency (task, the task it depends on) among the given tasks' plans' tasks: the edges of the graph. */
    public List<UUID[]> dependenciesAmong(UUID districtId, Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select task_id, depends_on_id from task_dependency
                         where district_id = ? and task_id = any(?)""")
                .params(districtId, taskIds.toArray(UUID[]::new))
                .query((rs, row) ->
                        new UUID[] {rs.getObject("task_id", UUID.class), rs.getObject("depends_on_id", UUID.class)})
                .list();
    }

    public void addDependency(UUID districtId, UUID taskId, UUID dependsOn) {
        jdbc.sql("""
                        insert into task_dependency (district_id, task_id, depends_on_id) values (?, ?, ?)
                        on conflict do nothing""").params(districtId, taskId, dependsOn).update();
    }

    public int removeDependency(UUID districtId, UUID taskId, UUID dependsOn) {
        return jdbc.sql("delete from task_dependency where district_id = ? and task_id = ? and depends_on_id = ?")
                .params(districtId, taskId, dependsOn)
                .update();
    }

    /** One change to a district's dependencies at a time, so two saves cannot close a cycle between them. */
    public void lockDependencies(UUID districtId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('task_dependency:' || ?::text, 0))")
                .param(districtId)
                .query()
                .singleRow();
    }

    static Task task(ResultSet rs, int row) throws SQLException {
        return new Task(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getString("title"),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                ProjectStatus.valueOf(rs.getString("status")),
                rs.getInt("percent_complete"),
                rs.getBoolean("milestone"),
                rs.getInt("board_position"),
                uuids(rs.getArray("people")),
                uuids(rs.getArray("depends_on")),
                rs.getInt("version"));
    }

    static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
    }
}
