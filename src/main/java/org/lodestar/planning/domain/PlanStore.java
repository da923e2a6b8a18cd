package org.lodestar.planning.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.shared.EditConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and the alignments of school goals to district goals; every statement is bound to one district. */
@Repository
public class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PlanSummary> plans(UUID districtId) {
        return jdbc.sql(
                        "select * from plan where district_id = ? order by school_id nulls first, first_year desc, title")
                .param(districtId)
                .query(PlanStore::plan)
                .list();
    }

    public Optional<PlanSummary> plan(UUID districtId, UUID planId) {
        return jdbc.sql("select * from plan where district_id = ? and id = ?")
                .params(districtId, planId)
                .query(PlanStore::plan)
                .optional();
    }

    public void insertPlan(UUID districtId, PlanSummary plan) {
        jdbc.sql("""
                        insert into plan (district_id, id, school_id, kind, title, first_year, last_year, vision,
                            mission, core_values, title_translation, vision_translation, mission_translation, core_values_translation,
                            status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        districtId,
                        plan.id(),
                        plan.schoolId(),
                        plan.kind().name(),
                        plan.title(),
                        plan.firstYear(),
                        plan.lastYear(),
                        plan.vision(),
                        plan.mission(),
                        plan.coreValues(),
                        plan.translation().title(),
                        plan.translation().vision(),
                        plan.translation().mission(),
                        plan.translation().coreValues(),
                        plan.status().name())
                .update();
    }

    /** Saves the plan if its version is still the one the change was made from; the rows changed. */
    public int updatePlan(UUID districtId, PlanSummary plan) {
        return jdbc.sql("""
                        update plan set title = ?, first_year = ?, last_year = ?, vision = ?, mission = ?,
                            core_values = ?, title_translation = ?, vision_translation = ?, mission_translation = ?,
                            core_values_translation = ?, status = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""")
                .params(
                        plan.title(),
                        plan.firstYear(),
                        plan.lastYear(),
                        plan.vision(),
                        plan.mission(),
                        plan.coreValues(),
                        plan.translation().title(),
                        plan.translation().vision(),
                        plan.translation().mission(),
                        plan.translation().coreValues(),
                        plan.status().name(),
                        districtId,
                        plan.id(),
                        plan.version())
                .update();
    }

    public List<Alignment> alignments(UUID districtId) {
        // an alignment of a removed goal, either side, no longer counts (the row stays with the removed goal)
        return jdbc.sql("""
                        select a.school_goal_id, a.district_goal_id, a.rationale, a.version from goal_alignment a
                          join goal s on s.district_id = a.district_id and s.id = a.school_goal_id
                          join goal d on d.district_id = a.district_id and d.id = a.district_goal_id
                         where a.district_id = ? and s.removed_at is null and d.removed_at is null""")
                .param(districtId)
                .query((rs, row) -> new Alignment(
                        rs.getObject("school_goal_id", UUID.class),
                        rs.getObject("district_goal_id", UUID.class),
                        rs.getString("rationale"),
                        rs.getInt("version")))
                .list();
    }

    /** Saves a new alignment; refused when the two goals are aligned already (someone aligned them meanwhile). */
    public void align(UUID districtId, Alignment alignment) {
        EditConflictException.unlessSaved(
                jdbc.sql("""
                                insert into goal_alignment (district_id, school_goal_id, district_goal_id, rationale)
                                values (?, ?, ?, ?)
                                on conflict (district_id, school_goal_id, district_goal_id) do nothing""")
                        .params(districtId, alignment.schoolGoalId(), alignment.districtGoalId(), alignment.rationale())
                        .update(),
                "alignment");
    }

    /** Changes an alignment's reason, if nobody changed it since its {@code version} was read. */
    public void changeRationale(UUID districtId, Alignment alignment) {
        EditConflictException.unlessSaved(
                jdbc.sql("""
                                update goal_alignment set rationale = ?, version = version + 1
                                 where district_id = ? and school_goal_id = ? and district_goal_id = ? and version = ?""")
                        .params(
                                alignment.rationale(),
                                districtId,
                                alignment.schoolGoalId(),
                                alignment.districtGoalId(),
                                alignment.version())
                        .update(),
                "alignment");
    }

    public void unalign(UUID districtId, UUID schoolGoalId, UUID districtGoalId) {
        jdbc.sql("delete from goal_alignment where district_id = ? and school_goal_id = ? and district_goal_id = ?")
                .params(districtId, schoolGoalId, districtGoalId)
                .update();
    }

    private static PlanSummary plan(ResultSet rs, int row) throws SQLException {
        return new PlanSummary(
                rs.getObject("id", UUID.class),
                rs.getObject("school_id", UUID.class),
                PlanKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getInt("first_year"),
                rs.getInt("last_year"),
                rs.getString("vision"),
                rs.getString("mission"),
                rs.getString("core_values"),
                new PlanTranslation(
                        rs.getString("title_translation"),
                        rs.getString("vision_translation"),
                        rs.getString("mission_translation"),
                        rs.getString("core_values_translation")),
                PlanStatus.valueOf(rs.getString("status")),
                rs.getInt("version"));
    }
}
