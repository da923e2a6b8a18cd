package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Role;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.GoalPublished;
import org.lodestar.planning.OutcomeRemoved;
import org.lodestar.planning.PlanAdopted;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Tier;
import org.lodestar.planning.domain.PlanEditing;
import org.lodestar.planning.domain.TreeEditing;
import org.lodestar.shared.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Measures on its own with what it depends on (planning, directory, shared), reacting to planning's events. Platform
 * comes along because it starts the embedded database and keeps the audit log; in a data folder of its own, since the
 * whole application's tests hold {@code target/test-data} while this context runs. No demo district: each test makes
 * a district of its own.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "lodestar.data-dir=target/test-data-modules")
class PlanningEventsModuleTest {

    @Autowired
    PlanEditing editing;

    @Autowired
    PlanningApi planning;

    @Autowired
    TreeEditing tree;

    @Autowired
    JdbcClient jdbc;

    private SignedInUser planner;
    private UUID plan;
    private UUID goal;
    private UUID removed;
    private UUID kept;

    @BeforeEach
    void aDistrictWithTwoMeasuredOutcomes() {
        UUID district = Ids.next();
        jdbc.sql("insert into district (id, name, slug) values (?, 'Events', ?)")
                .params(district, "events-" + district)
                .update();
        jdbc.sql("insert into student_group (district_id, code, name_en, name_es, family, position)"
                        + " values (?, 'ALL', 'All', 'Todos', 'ALL', 0)")
                .param(district)
                .update();
        planner = new SignedInUser(
                district,
                Ids.next(),
                "planner@events.example",
                "P",
                "",
                true,
                0,
                List.of(new Grant(Role.PLANNER, null)));
        plan = Ids.next();
        editing.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Plan",
                        2025,
                        2029,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
        goal = planning.addGoal(planner, plan, "Goal", null);
        removed = planning.addOutcome(planner, goal, "Removed outcome", null);
        kept = planning.addOutcome(planner, goal, "Kept outcome", null);
        kpi(removed, "First");
        kpi(removed, "Second");
        kpi(kept, "Third");
    }

    @Test
    void removingAnOutcomeArchivesItsKpisKeepingTheirValuesWithAnAuditEntryEach(
            Scenario scenario, AssertablePublishedEvents events) {
        scenario.stimulate(() -> tree.of(Tier.OUTCOME).remove(planner, removed, 0))
                .andWaitForStateChange(() -> archived(), names -> names.size() == 2)
                .andVerify(names -> {
                    assertThat(names).containsExactlyInAnyOrder("First", "Second");
                    assertThat(count("select count(*) from measurement where district_id = ?"))
                            .isEqualTo(3);
                    assertThat(count("select count(*) from audit_event where district_id = ? and entity_type = 'KPI'"
                                    + " and action = 'UPDATED' and actor = 'planner@events.example'"))
                            .isEqualTo(2);
                    assertThat(planning.outcome(planner.districtId(), removed)).isEmpty();
                    assertThat(planning.outcome(planner.districtId(), kept)).isPresent();
                });
        assertThat(events).contains(OutcomeRemoved.class).matching(OutcomeRemoved::outcomeId, removed);
    }

    @Test
    void removingAGoalArchivesTheKpisOfAllItsOutcomes(Scenario scenario) {
        scenario.stimulate(() -> tree.of(Tier.GOAL).remove(planner, goal, 0))
                .andWaitForStateChange(() -> archived(), names -> names.size() == 3)
                .andVerify(names -> assertThat(
                                count("select count(*) from outcome where district_id = ?" + " and removed_at is null"))
                        .isZero());
    }

    @Test
    void anEventHandedOutAgainArchivesAndAuditsNothingTwice(Scenario scenario) {
        var event =
                new OutcomeRemoved(planner.districtId(), removed, goal, "Removed outcome", "planner@events.example");
        scenario.publish(event).andWaitForStateChange(() -> archived(), names -> names.size() == 2);
        scenario.publish(event)
                .andWaitForStateChange(
                        () -> completed(), done -> done == 2) // both deliveries done, in the JDBC registry
                .andVerify(done -> assertThat(
                                count("select count(*) from audit_event where district_id = ? and entity_type = 'KPI'"))
                        .isEqualTo(2));
    }

    @Test
    void adoptingAPlanAndPublishingAGoalAreAnnounced(Scenario scenario) {
        PlanSummary draft = planning.plan(planner.districtId(), plan);
        scenario.stimulate(() -> editing.savePlan(planner, adopted(draft)))
                .andWaitForEventOfType(PlanAdopted.class)
                .matching(adopted -> adopted.planId().equals(plan))
                .toArriveAndVerify(adopted -> assertThat(adopted.actor()).isEqualTo("planner@events.example"));
        scenario.stimulate(() -> planning.setPublished(planner, goal, true, 0))
                .andWaitForEventOfType(GoalPublished.class)
                .matching(published -> published.goalId().equals(goal))
                .toArriveAndVerify(
                        published -> assertThat(published.published()).isTrue());
    }

    private static PlanSummary adopted(PlanSummary p) {
        return new PlanSummary(
                p.id(),
                p.schoolId(),
                p.kind(),
                p.title(),
                p.firstYear(),
                p.lastYear(),
                p.vision(),
                p.mission(),
                p.coreValues(),
                null,
                PlanStatus.ADOPTED,
                p.version());
    }

    private void kpi(UUID outcome, String name) {
        UUID kpi = Ids.next();
        jdbc.sql("""
                        insert into kpi (district_id, id, outcome_id, name, unit, direction, baseline_value,
                            baseline_year, frequency, position)
                        values (?, ?, ?, ?, 'PERCENT', 'HIGHER_IS_BETTER', 50, 2024, 'ANNUAL', 1)""").params(planner.districtId(), kpi, outcome, name).update();
        jdbc.sql("""
                        insert into measurement (district_id, id, kpi_id, school_year, value, n, recorded_at, recorded_by)
                        values (?, ?, ?, 2025, 60, 100, now(), 'test')""").params(planner.districtId(), Ids.next(), kpi).update();
    }

    private List<String> archived() {
        return jdbc.sql("select name from kpi where district_id = ? and archived_at is not null")
                .param(planner.districtId())
                .query(String.class)
                .list();
    }

    private int completed() {
        return jdbc.sql("select count(*) from event_publication where completion_date is not null"
                        + " and serialized_event like ?")
                .param("%" + removed + "%")
                .query(Integer.class)
                .single();
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(planner.districtId()).query(Integer.class).single();
    }
}
