package org.lodestar.planning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.ComplianceTag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A plan's items with their codes, read whole for an export and written whole by an import: a statement per table
 * whatever the number of items ({@code unnest} of arrays). Every statement is bound to one district.
 */
@Repository
class PlanTransferStore {

    /** A goal, outcome or action of a plan; {@code goalId} is the goal's own id for a goal. */
    record Item(
            ComplianceTag.Kind kind,
            UUID id,
            UUID goalId,
            String code,
            String title,
            String titleTranslation,
            UUID ownerId,
            int position) {}

    private final JdbcClient jdbc;

    PlanTransferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan's items not removed, goals by position, then each goal's outcomes and actions by position. */
    List<Item> items(UUID districtId, UUID planId) {
        return jdbc.sql("""
                        select 'GOAL' as kind, id, id as goal_id, code, title, title_translation, owner_id, position
                          from goal where district_id = :d and plan_id = :p and removed_at is null
                        union all
                        select 'OUTCOME', i.id, i.goal_id, i.code, i.title, i.title_translation, i.owner_id, i.position
                          from outcome i join goal g on g.district_id = i.district_id and g.id = i.goal_id
                         where i.district_id = :d and g.plan_id = :p and i.removed_at is null and g.removed_at is null
                        union all
                        select 'ACTION', i.id, i.goal_id, i.code, i.title, i.title_translation, i.owner_id, i.position
                          from strategy i join goal g on g.district_id = i.district_id and g.id = i.goal_id
                         where i.district_id = :d and g.plan_id = :p and i.removed_at is null and g.removed_at is null
                         order by 1, 8""")
                .param("d", districtId)
                .param("p", planId)
                .query((rs, row) -> new Item(
                        ComplianceTag.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("id", UUID.class),
                        rs.getObject("goal_id", UUID.class),
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getString("title_translation"),
                        rs.getObject("owner_id", UUID.class),
                        rs.getInt("position")))
                .list();
    }

    /** Inserts a new plan's items of one kind, in one statement. */
    void insert(UUID districtId, UUID planId, ComplianceTag.Kind kind, List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        String sql = kind == ComplianceTag.Kind.GOAL
                ? """
                insert into goal (district_id, plan_id, id, title, title_translation, owner_id, position, code)
                select ?, ?, * from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::int[], ?::text[])"""
                : """
                insert into %s (district_id, goal_id, id, title, title_translation, owner_id, position, code)
                select ?, * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::int[], ?::text[])""".formatted(kind == ComplianceTag.Kind.OUTCOME ? "outcome" : "strategy");
        Object[] columns = {
            items.stream().map(Item::id).toArray(UUID[]::new),
            items.stream().map(Item::title).toArray(String[]::new),
            items.stream().map(Item::titleTranslation).toArray(String[]::new),
            items.stream().map(Item::ownerId).toArray(UUID[]::new),
            items.stream().map(Item::position).toArray(Integer[]::new),
            items.stream().map(Item::code).toArray(String[]::new)
        };
        if (kind == ComplianceTag.Kind.GOAL) {
            jdbc.sql(sql)
                    .params(districtId, planId, columns[0], columns[1], columns[2], columns[3], columns[4], columns[5])
                    .update();
        } else {
            jdbc.sql(sql)
                    .params(
                            districtId,
                            items.stream().map(Item::goalId).toArray(UUID[]::new),
                            columns[0],
                            columns[1],
                            columns[2],
                            columns[3],
                            columns[4],
                            columns[5])
                    .update();
        }
    }

    /** Inserts what each new action says, in one statement. */
    void insertDetails(UUID districtId, List<ActionDetail> details) {
        if (details.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into action_detail (district_id, strategy_id, description, start_date, end_date, resources,
                            needs, evidence_tier, evidence_basis, implementation_evidence, impact_evidence, student_groups)
                        select ?, s, d, st::date, en::date, r, n, et, eb, ie, im,
                               case when g = '' then '{}'::text[] else string_to_array(g, ';') end
                          from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::text[], ?::text[]) as t(s, d, st, en, r, n, et, eb, ie, im, g)""")
                .params(
                        districtId,
                        details.stream().map(ActionDetail::strategyId).toArray(UUID[]::new),
                        details.stream().map(ActionDetail::description).toArray(String[]::new),
                        details.stream().map(d -> text(d.start())).toArray(String[]::new),
                        details.stream().map(d -> text(d.end())).toArray(String[]::new),
                        details.stream().map(ActionDetail::resources).toArray(String[]::new),
                        details.stream().map(ActionDetail::needs).toArray(String[]::new),
                        details.stream()
                                .map(d -> d.evidenceTier() == null
                                        ? null
                                        : d.evidenceTier().name())
                                .toArray(String[]::new),
                        details.stream().map(ActionDetail::evidenceBasis).toArray(String[]::new),
                        details.stream()
                                .map(ActionDetail::implementationEvidence)
                                .toArray(String[]::new),
                        details.stream().map(ActionDetail::impactEvidence).toArray(String[]::new),
                        details.stream()
                                .map(d -> String.join(";", d.studentGroups()))
                                .toArray(String[]::new))
                .update();
    }

    void insertCosts(UUID districtId, List<ActionCost> costs) {
        if (costs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into action_cost (district_id, id, strategy_id, fund, purpose, amount)
                        select ?, * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::numeric[])""")
                .params(
                        districtId,
                        costs.stream().map(ActionCost::id).toArray(UUID[]::new),
                        costs.stream().map(ActionCost::strategyId).toArray(UUID[]::new),
                        costs.stream().map(ActionCost::fund).toArray(String[]::new),
                        costs.stream().map(c -> c.purpose().name()).toArray(String[]::new),
                        costs.stream()
                                .map(ActionCost::amount)
                                .map(BigDecimal::toPlainString)
                                .toArray(String[]::new))
                .update();
    }

    void insertTags(UUID districtId, List<ComplianceTag> tags, String actor) {
        if (tags.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into compliance_tag (district_id, item_id, item_kind, framework_code, component_code, tagged_by)
                        select ?, i, k, f, c, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as t(i, k, f, c)""")
                .params(
                        districtId,
                        actor,
                        tags.stream().map(ComplianceTag::itemId).toArray(UUID[]::new),
                        tags.stream().map(t -> t.itemKind().name()).toArray(String[]::new),
                        tags.stream().map(ComplianceTag::frameworkCode).toArray(String[]::new),
                        tags.stream().map(ComplianceTag::componentCode).toArray(String[]::new))
                .update();
    }

    private static String text(LocalDate date) {
        return Objects.toString(date, null);
    }
}
