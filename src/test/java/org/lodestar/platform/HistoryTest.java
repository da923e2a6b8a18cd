package org.lodestar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Tier;
import org.lodestar.planning.domain.ItemChange;
import org.lodestar.planning.domain.TierEditing;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A plan's history lists what happened to everything in it, in words: people by name, labels and values in the page's
 * language, never an id nor JSON; another district's plan shows nothing.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryTest {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    MeasuresApi measures;

    @Autowired
    List<TierEditing> tiers;

    private SignedInUser planner;
    private UUID plan;

    /**
     * A plan of its own with a goal (whose owner then changes), an outcome, a KPI and a value, made once: the demo
     * district is shared by every test.
     */
    @BeforeAll
    void planWithEverything() {
        planner = fixtures.user("planner@lakeview.example");
        plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "History test plan",
                        2025,
                        2029,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
        UUID goal = planning.addGoal(planner, plan, "History test goal", person("Priya Natarajan"));
        UUID outcome = planning.addOutcome(planner, goal, "History test outcome", null);
        TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
        targets.put(2028, new BigDecimal("80"));
        UUID kpi = measures.addKpi(
                planner,
                outcome,
                "History test reading rate",
                Kpi.Unit.PERCENT,
                true,
                new BigDecimal("60"),
                2024,
                "State test",
                false,
                false,
                false,
                targets);
        measures.record(planner, List.of(new Measurement(kpi, 2025, 0, null, "ALL", new BigDecimal("72.5"), null)));
        TierEditing goals = tiers.stream()
                .filter(tier -> tier.tier() == Tier.GOAL)
                .findFirst()
                .orElseThrow();
        goals.update(
                planner,
                goal,
                new ItemChange(
                        "History test goal",
                        null,
                        person("Sam Okafor"),
                        false,
                        Integer.parseInt(fixtures.version("goal", goal))));
    }

    @Test
    void aPlansHistoryTellsWhatHappenedToEverythingInItInWords() throws Exception {
        String history = history(plan, planner, "en");
        String plannerName = name(planner);

        assertThat(history)
                .contains(plannerName + " added the goal “History test goal”")
                .contains(plannerName + " added the outcome “History test outcome”")
                .contains(plannerName + " added the KPI “History test reading rate”")
                .contains("Unit: Percent")
                .contains("Values are about students: no")
                .contains("Targets: 2028-29 – 80")
                .contains(plannerName + " added a value of the KPI “History test reading rate”")
                .contains("Value: 72.5")
                .contains("School: the whole district")
                .contains(plannerName + " changed the goal “History test goal”")
                .contains("Owner: from Priya Natarajan to Sam Okafor")
                .doesNotContain("planner@lakeview.example")
                .doesNotContain("{")
                .doesNotContain("}");
        assertThat(UUID_SHAPE.matcher(history).find()).as(history).isFalse();
        // an update lists only what changed: the title stayed
        assertThat(history).doesNotContain("Title: from");
    }

    @Test
    void theHistoryReadsInSpanish() throws Exception {
        String history = history(plan, planner, "es");

        assertThat(history)
                .contains("añadió la meta «History test goal»")
                .contains("añadió el indicador «History test reading rate»")
                .contains("Unidad: Porcentaje")
                .contains("Valor: 72,5")
                .contains("Responsable: de Priya Natarajan a Sam Okafor");
        assertThat(UUID_SHAPE.matcher(history).find()).as(history).isFalse();
    }

    /** A row written before values were typed: ids become names, plain field names their labels. */
    @Test
    void olderRowsStayReadable() throws Exception {
        fixtures.jdbc()
                .sql("""
                        insert into audit_event (district_id, id, at, actor, entity_type, entity_id, action, summary,
                            before_state, after_state)
                        values (?, ?, now(), 'planner@lakeview.example', 'Plan', ?, 'UPDATED', 'Old plan',
                            cast(? as jsonb), cast(? as jsonb))""")
                .params(
                        fixtures.demoDistrict(),
                        Ids.next(),
                        plan,
                        "{\"owner\": \"" + person("Priya Natarajan") + "\", \"published\": false}",
                        "{\"owner\": \"" + person("Sam Okafor") + "\", \"published\": true}")
                .update();

        String history = history(plan, planner, "en");

        assertThat(history)
                .contains("changed the plan “Old plan”")
                .contains("Owner: from “Priya Natarajan” to “Sam Okafor”")
                .contains("Public: from no to yes");
        assertThat(UUID_SHAPE.matcher(history).find()).as(history).isFalse();
    }

    @Test
    void anotherDistrictSeesNothingOfThePlansHistory() throws Exception {
        String history = history(plan, fixtures.otherDistrictUser("PLANNER"), "en");

        assertThat(history).contains("No changes recorded.").doesNotContain("History test goal");
    }

    /** The page's history section: the rest of the page (the language link) carries the URL with its id. */
    private String history(UUID item, SignedInUser reader, String language) throws Exception {
        String page = mvc.perform(
                        get("/history/{id}", item).param("lang", language).with(user(reader)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int start = page.indexOf("<h1");
        return page.substring(start, page.indexOf("</section>", start));
    }

    private UUID person(String name) {
        return fixtures.jdbc()
                .sql("select id from app_user where district_id = ? and display_name = ?")
                .params(fixtures.demoDistrict(), name)
                .query(UUID.class)
                .single();
    }

    private String name(SignedInUser user) {
        return fixtures.jdbc()
                .sql("select display_name from app_user where id = ?")
                .param(user.userId())
                .query(String.class)
                .single();
    }
}
