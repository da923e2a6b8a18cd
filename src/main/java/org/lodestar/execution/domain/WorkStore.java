package org.lodestar.execution.domain;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.WorkFilter;
import org.lodestar.execution.WorkItem;
import org.lodestar.shared.Progress;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based readings of the work views: every task matching a filter in one statement, and the rows a roll-up
 * needs in one statement, whatever the number of projects and tasks.
 */
@Repository
public class WorkStore {

    private final JdbcClient jdbc;

    WorkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tasks matching the filter's owner, status and due dates, under the given strategies (null: any), of projects
     * not archived, ordered as the board orders its columns. Goal and school are the caller's to turn into strategies.
     */
    public List<WorkItem> items(UUID districtId, Collection<UUID> strategyIds, WorkFilter filter) {
        StringBuilder sql = new StringBuilder("select " + TaskStore.COLUMNS + " " + """
                , p.title as project_title, p.strategy_id
                 from task t join project p on p.district_id = t.district_id and p.id = t.project_id
                 where t.district_id = ? and p.archived_at is null""");
        List<Object> params = new ArrayList<>(List.of(districtId));
        if (strategyIds != null) {
            sql.append(" and p.strategy_id = any(?)");
            params.add(strategyIds.toArray(UUID[]::new));
        }
        if (filter.project() != null) {
            sql.append(" and t.project_id = ?");
            params.add(filter.project());
        }
        if (filter.owner() != null) {
            sql.append(" and t.owner_id = ?");
            params.add(filter.owner());
        }
        if (filter.status() != null) {
            sql.append(" and t.status = ?");
            params.add(filter.status().name());
        }
        if (filter.dueFrom() != null) {
            sql.append(" and t.due_date >= ?");
            params.add(new SqlParameterValue(Types.DATE, filter.dueFrom()));
        }
        if (filter.dueTo() != null) {
            sql.append(" and t.due_date <= ?");
            params.add(new SqlParameterValue(Types.DATE, filter.dueTo()));
        }
        sql.append(" order by t.board_position, t.due_date nulls last, t.title");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> new WorkItem(
                        TaskStore.task(rs, row),
                        rs.getString("project_title"),
                        rs.getObject("strategy_id", UUID.class),
                        null,
                        null,
                        null,
                        null))
                .list();
    }

    /** A project's roll-up input: one row per task (its progress), or the project's own when it has no task. */
    public record ProjectRow(UUID projectId, UUID strategyId, Progress own, Progress task) {}

    /**
     * Every project under the given strategies (null: all of the district's) with its own progress and each of its
     * tasks', in one statement.
     */
    public List<ProjectRow> rollUpRows(UUID districtId, Collection<UUID> strategyIds) {
        String sql = """
                select p.id, p.strategy_id, p.status, p.percent_complete, p.start_date, p.due_date,
                       t.id as task_id, t.status as task_status, t.percent_complete as task_percent,
                       t.start_date as task_start, t.due_date as task_due
                  from project p left join task t on t.district_id = p.district_id and t.project_id = p.id
                 where p.district_id = ? and p.archived_at is null""";
        List<Object> params = new ArrayList<>(List.of(districtId));
        if (strategyIds != null) {
            sql += " and p.strategy_id = any(?)";
            params.add(strategyIds.toArray(UUID[]::new));
        }
        return jdbc.sql(sql)
                .params(params)
                .query((rs, row) -> new ProjectRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("strategy_id", UUID.class),
                        Progress.of(
                                rs.getInt("percent_complete"),
                                ProjectStatus.DONE.name().equals(rs.getString("status")),
                                rs.getObject("start_date", LocalDate.class),
                                rs.getObject("due_date", LocalDate.class)),
                        taskProgress(rs)))
                .list();
    }

    /** The progress of the task a row joined to its project, null when the project has none. */
    static Progress taskProgress(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getObject("task_id") == null
                ? null
                : Progress.of(
                        rs.getInt("task_percent"),
                        ProjectStatus.DONE.name().equals(rs.getString("task_status")),
                        rs.getObject("task_start", LocalDate.class),
                        rs.getObject("task_due", LocalDate.class));
    }
}
