package org.lodestar.execution.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.shared.Progress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Projects; every statement is bound to one district. A project whose strategy planning removed is archived, not
 * deleted, and the reads here leave it out.
 */
@Repository
public class ProjectStore {

    private static final String SELECT = """
            select id, strategy_id, title, owner_id, position, status, start_date, due_date, percent_complete, description, version from project
             where district_id = ? and archived_at is null""";

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The projects of the given strategies, each strategy's in their order, in one statement. */
    public List<Project> ofStrategies(UUID districtId, Collection<UUID> strategyIds) {
        if (strategyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " and strategy_id = any(?) order by position")
                .params(districtId, strategyIds.toArray(UUID[]::new))
                .query(ProjectStore::project)
                .list();
    }

    /** A project beside the progress of one of its tasks (null for a project without any), as a left join reads them. */
    record ProjectTask(Project project, Progress task) {}

    /**
     * The projects of the given strategies, each strategy's in their order, each beside each of its tasks: a plan's
     * projects and what rolls up into them in one statement.
     */
    List<ProjectTask> ofStrategiesWithTasks(UUID districtId, Collection<UUID> strategyIds) {
        return jdbc.sql("""
                        select p.id, p.strategy_id, p.title, p.owner_id, p.position, p.status, p.start_date, p.due_date,
                               p.percent_complete, p.description, p.version,
                               t.id as task_id, t.status as task_status, t.percent_complete as task_percent,
                               t.start_date as task_start, t.due_date as task_due
                          from project p left join task t on t.district_id = p.district_id and t.project_id = p.id
                         where p.district_id = ? and p.archived_at is null and p.strategy_id = any(?)
                         order by p.position, p.id""")
                .params(districtId, strategyIds.toArray(UUID[]::new))
                .query((rs, row) -> new ProjectTask(project(rs, row), WorkStore.taskProgress(rs)))
                .list();
    }

    public Optional<Project> find(UUID districtId, UUID id) {
        return jdbc.sql(SELECT + " and id = ?")
                .params(districtId, id)
                .query(ProjectStore::project)
                .optional();
    }

    /** A new project, last under its strategy, not started. */
    public void insert(UUID districtId, UUID id, UUID strategyId, String title, UUID ownerId) {
        jdbc.sql("""
                        insert into project (district_id, id, strategy_id, title, owner_id, position)
                        select ?, ?, ?, ?, ?, coalesce(max(position), 0) + 1 from project
                         where district_id = ? and strategy_id = ?""")
                .params(districtId, id, strategyId, title, ownerId, districtId, strategyId)
                .update();
    }

    /** Saves the project's fields if its version is still {@code version}; the rows changed. */
    public int update(UUID districtId, Project project, int version) {
        return jdbc.sql("""
                        update project set title = ?, owner_id = ?, status = ?, start_date = ?, due_date = ?,
                               percent_complete = ?, description = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and archived_at is null""")
                .params(
                        project.title(),
                        project.ownerId(),
                        project.status().name(),
                        project.startDate(),
                        project.dueDate(),
                        project.percentComplete(),
                        project.description(),
                        districtId,
                        project.id(),
                        version)
                .update();
    }

    /** The people involved in a project besides its owner. */
    public List<UUID> people(UUID districtId, UUID projectId) {
        return jdbc.sql("select user_id from project_person where district_id = ? and project_id = ? order by user_id")
                .params(districtId, projectId)
                .query(UUID.class)
                .list();
    }

    /** Replaces the people involved in a project. */
    public void setPeople(UUID districtId, UUID projectId, Collection<UUID> people) {
        jdbc.sql("delete from project_person where district_id = ? and project_id = ?")
                .params(districtId, projectId)
                .update();
        for (UUID person : people) {
            jdbc.sql("insert into project_person (district_id, project_id, user_id) values (?, ?, ?)")
                    .params(districtId, projectId, person)
                    .update();
        }
    }

    /** Every project of the district that is not archived, in one statement (the views' and roll-up's reading). */
    public List<Project> all(UUID districtId) {
        return jdbc.sql(SELECT + " order by position")
                .param(districtId)
                .query(ProjectStore::project)
                .list();
    }

    /** The projects with the given ids that are not archived, in one statement. */
    public List<Project> byIds(UUID districtId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " and id = any(?)")
                .params(districtId, ids.toArray(UUID[]::new))
                .query(ProjectStore::project)
                .list();
    }

    /** Deletes the project with its tasks and comments if its version is still {@code version}; the rows. */
    public int delete(UUID districtId, UUID id, int version) {
        return jdbc.sql("delete from project where district_id = ? and id = ? and version = ?")
                .params(districtId, id, version)
                .update();
    }

    /**
     * Archives the projects of strategies that planning removed, once: a project archived already (an event handed
     * out again) is not returned.
     */
    public List<Project> archiveAllOf(UUID districtId, Collection<UUID> strategyIds, String actor) {
        if (strategyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update project set archived_at = now(), archived_by = ?
                         where district_id = ? and strategy_id = any(?) and archived_at is null
                        returning id, strategy_id, title, owner_id, position, status, start_date, due_date, percent_complete, description, version""")
                .params(actor, districtId, strategyIds.toArray(UUID[]::new))
                .query(ProjectStore::project)
                .list();
    }

    /** Swaps the project with the neighbour above (up) or below it under its strategy; nothing at either end. */
    public void move(UUID districtId, UUID id, boolean up) {
        jdbc.sql("""
                        with me as (select id, strategy_id, position from project where district_id = :d and id = :id),
                        neighbour as (
                            select p.id, p.position from project p join me on p.strategy_id = me.strategy_id
                             where p.district_id = :d and p.archived_at is null and sign(p.position - me.position) = :dir
                             order by p.position * :dir limit 1)
                        update project p set position = case when p.id = me.id then neighbour.position else me.position end
                          from me, neighbour where p.district_id = :d and p.id in (me.id, neighbour.id)""")
                .param("d", districtId)
                .param("id", id)
                .param("dir", up ? -1 : 1)
                .update();
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(
                rs.getObject("id", UUID.class),
                rs.getObject("strategy_id", UUID.class),
                rs.getString("title"),
                rs.getObject("owner_id", UUID.class),
                rs.getInt("position"),
                ProjectStatus.valueOf(rs.getString("status")),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getInt("percent_complete"),
                rs.getString("description"),
                rs.getInt("version"));
    }
}
