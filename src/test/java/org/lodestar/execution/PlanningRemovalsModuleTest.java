package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Role;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.GoalRemoved;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.StrategyRemoved;
import org.lodestar.planning.Tier;
import org.lodestar.planning.domain.TreeEditing;
import org.lodestar.shared.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Execution on its own with what it depends on (planning, directory, shared), reacting to planning's removals: the
 * projects of a removed strategy, or of every strategy of a removed goal, are archived (kept, with an audit entry
 * each), never deleted by a cascade. Platform comes along for the embedded database and the audit log, in a data
 * folder of its own; each test makes a district of its own.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "lodestar.data-dir=target/test-data-execution")
class PlanningRemovalsModuleTest {

    @Autowired
    PlanningApi planning;

    @Autowired
    TreeEditing tree;

    @Autowired
    ExecutionApi execution;

    @Autowired
    JdbcClient jdbc;

    private SignedInUser planner;
    private UUID plan;
    private UUID goal;
    private UUID removed;
    private UUID kept;

    @BeforeEach
    void aGoalWithTwoStrategiesAndTheirProjects() {
        UUID district = Ids.next();
        jdbc.sql("insert into district (id, name, slug) values (?, 'Execution', ?)")
                .params(district, "execution-" + district)
                .update();
        planner = new SignedInUser(
                district,
                Ids.next(),
                "planner@execution.example",
                "P",
                "",
                true,
                0,
                List.of(new Grant(Role.PLANNER, null)));
        plan = Ids.next();
        planning.savePlan(
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
        removed = planning.addStrategy(planner, goal, "Removed strategy", null);
        kept = planning.addStrategy(planner, goal, "Kept strategy", null);
        execution.addProject(planner, removed, "First", null);
        execution.addProject(planner, removed, "Second", null);
        execution.addProject(planner, kept, "Third", null);
    }

    @Test
    void removingAStrategyArchivesItsProjectsWithAnAuditEntryEach(Scenario scenario, AssertablePublishedEvents events) {
        scenario.stimulate(() -> tree.of(Tier.STRATEGY).remove(planner, removed, 0))
                .andWaitForStateChange(this::archived, titles -> titles.size() == 2)
                .andVerify(titles -> {
                    assertThat(titles).containsExactlyInAnyOrder("First", "Second");
                    assertThat(count("select count(*) from project where district_id = ?"))
                            .isEqualTo(3);
                    assertThat(count("select count(*) from audit_event where district_id = ?"
                                    + " and entity_type = 'Project' and action = 'UPDATED'"))
                            .isEqualTo(2);
                    assertThat(planning.strategy(planner.districtId(), removed)).isEmpty();
                    assertThat(planning.tree(
                                            planner.districtId(),
                                            planning.goal(planner.districtId(), goal)
                                                    .orElseThrow()
                                                    .planId())
                                    .goals()
                                    .get(0)
                                    .strategies())
                            .singleElement()
                            .satisfies(branch -> assertThat(branch.projects())
                                    .extracting(p -> p.title())
                                    .containsExactly("Third"));
                });
        assertThat(events).contains(StrategyRemoved.class).matching(StrategyRemoved::strategyId, removed);
    }

    @Test
    void removingAGoalArchivesTheProjectsOfAllItsStrategies(Scenario scenario, AssertablePublishedEvents events) {
        scenario.stimulate(() -> tree.of(Tier.GOAL).remove(planner, goal, 0))
                .andWaitForStateChange(this::archived, titles -> titles.size() == 3)
                .andVerify(titles -> assertThat(
                                count("select count(*) from strategy where district_id = ? and removed_at is null"))
                        .isZero());
        assertThat(events)
                .contains(GoalRemoved.class)
                .matching(removal -> removal.strategyIds().containsAll(List.of(removed, kept)));
    }

    @Test
    void projectsArchivedWithTheirGoalAreInThePlansHistory(Scenario scenario) {
        scenario.stimulate(() -> tree.of(Tier.GOAL).remove(planner, goal, 0))
                .andWaitForStateChange(this::archived, titles -> titles.size() == 3)
                .andVerify(titles -> assertThat(jdbc.sql("select context_id from audit_event where district_id = ?"
                                        + " and entity_type = 'Project' and action = 'UPDATED'")
                                .param(planner.districtId())
                                .query(UUID.class)
                                .list())
                        .hasSize(3)
                        .containsOnly(plan));
    }

    @Test
    void anEventHandedOutAgainArchivesAndAuditsNothingTwice(Scenario scenario) {
        var event = new StrategyRemoved(planner.districtId(), removed, goal, "Removed strategy", "planner@x");
        scenario.publish(event).andWaitForStateChange(this::archived, titles -> titles.size() == 2);
        scenario.publish(event)
                .andWaitForStateChange(this::completed, done -> done == 2)
                .andVerify(done -> assertThat(count(
                                "select count(*) from audit_event where district_id = ? and entity_type = 'Project'"
                                        + " and action = 'UPDATED'"))
                        .isEqualTo(2));
    }

    @Test
    void theDatabaseNoLongerDeletesProjectsWithTheirStrategy() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("delete from strategy where district_id = ? and id = ?")
                                .params(planner.districtId(), removed)
                                .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private List<String> archived() {
        return jdbc.sql("select title from project where district_id = ? and archived_at is not null")
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
