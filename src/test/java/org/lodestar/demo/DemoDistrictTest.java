package org.lodestar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.status.KpiStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.compliance.FundingCheck;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.ComplianceCoverage.Coverage;
import org.lodestar.planning.domain.ComplianceCoverage.FundingReview;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.shared.RecordedTime;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The demo district as a planner would find it: its KPIs, their levels and status, and a history of a year. */
@LodestarTest
class DemoDistrictTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Scorecards scorecards;

    @Autowired
    PlanningApi planning;

    @Autowired
    ComplianceCoverage compliance;

    @Autowired
    ImprovementPlans improvementPlans;

    /**
     * The 2025-26 improvement plans leave a planner one funding rule to find (Title IV-A's safe-and-healthy share: 8,000
     * of the 12,000 that 20% of 60,000 asks) and meet the other rules of the federal funds.
     */
    @Test
    void itsImprovementPlansBreakOneFundingRuleAndMeetTheOthers() {
        FundingReview review = compliance.funding(fixtures.user("planner@lakeview.example"), DemoImprovement.YEAR);

        // other tests add plans of 2025 with local and state costs only, so the rules of the federal funds are the
        // demo's
        assertThat(review.checks())
                .filteredOn(check -> check.rule().equals("funding.rule.ivaSafeHealthy"))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.result()).isEqualTo(FundingCheck.Result.NOT_MET);
                    assertThat(check.figures())
                            .extracting(
                                    FundingCheck.Figure::label,
                                    figure -> figure.value().intValue())
                            .contains(tuple("funding.figure.required", 12_000), tuple("funding.figure.planned", 8_000));
                });
        assertThat(review.checks())
                .filteredOn(check -> check.result() == FundingCheck.Result.MET)
                .extracting(FundingCheck::rule)
                .contains(
                        "funding.rule.pfeReservation",
                        "funding.rule.pfeToSchools",
                        "funding.rule.ivaWellRounded",
                        "funding.rule.ivaTechnology",
                        "funding.rule.ivaInfrastructure",
                        "funding.rule.titleIIIAdministration");
        assertThat(review.checks())
                .filteredOn(check -> check.result() == FundingCheck.Result.NOT_MET)
                .extracting(FundingCheck::rule)
                .doesNotContain(
                        "funding.rule.pfeReservation", "funding.rule.pfeToSchools", "funding.rule.ivaWellRounded");
    }

    /** The district's plan and each school's carry out the strategic plan; the schools' the district's plan too. */
    @Test
    void itsImprovementPlansAreLinkedAndTaggedWithTheRequiredPlans() {
        UUID district = fixtures.demoDistrict();
        // other tests add plans of the same year; the demo's are named "... Improvement Plan 2025-26"
        List<PlanSummary> year = improvementPlans.ofYear(district, DemoImprovement.YEAR).stream()
                .filter(plan -> plan.title().endsWith("Improvement Plan 2025-26"))
                .toList();
        UUID districtPlan = improvementPlans
                .districtImprovementPlan(district, DemoImprovement.YEAR)
                .orElseThrow();
        assertThat(planning.plan(district, districtPlan).title()).isEqualTo(DemoImprovement.DISTRICT_PLAN);
        assertThat(year)
                .filteredOn(plan -> !plan.districtPlan())
                .hasSize(3)
                .allSatisfy(plan -> assertThat(improvementPlans
                                .link(district, plan.id())
                                .orElseThrow()
                                .districtImprovementPlanId())
                        .isEqualTo(districtPlan));

        UUID cedar = year.stream()
                .filter(plan -> plan.title().startsWith("Cedar"))
                .findFirst()
                .orElseThrow()
                .id();
        Coverage schoolwide =
                compliance.coverage(fixtures.user("principal@lakeview.example"), "title-i-schoolwide", cedar);
        assertThat(schoolwide.components())
                .filteredOn(ComplianceCoverage.ComponentCoverage::covered)
                .extracting(component -> component.component().code())
                .containsExactly("SW-07", "SW-08");
        assertThat(schoolwide.missing()).hasSize(11);
    }

    private KpiOverview overview(String name) {
        UUID district = fixtures.demoDistrict();
        Kpi kpi = scorecards.kpis(district).stream()
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElseThrow();
        return scorecards
                .overviews(district, List.of(kpi), null, org.lodestar.directory.StudentGroup.ALL)
                .get(0);
    }

    @Test
    void oneKpiHasNoResultYet() {
        KpiOverview pending = overview("Students who name a trusted adult at school");
        assertThat(pending.status()).isEqualTo(KpiStatus.NO_DATA);
        assertThat(pending.latest()).isNull();
        assertThat(overview("Chronic absenteeism").status()).isNotEqualTo(KpiStatus.NO_DATA);
    }

    @Test
    void kpisAboutSomeLevelsOfSchoolSaySo() {
        assertThat(overview("Four-year graduation rate").kpi().schoolLevels()).containsExactly(SchoolLevel.HIGH);
        assertThat(overview("Grade 3 reading proficiency").kpi().schoolLevels())
                .containsExactly(SchoolLevel.ELEMENTARY);
        assertThat(overview("Chronic absenteeism").kpi().schoolLevels()).isEmpty();
        assertThat(overview("Four-year graduation rate").kpi().nameTranslation())
                .isEqualTo("Tasa de graduación en cuatro años");
    }

    @Test
    void itsHistorySpansAYearBeforeTheFirstStart() {
        List<Instant> times = fixtures
                .jdbc()
                .sql("select at from audit_event where district_id = ? order by at")
                .param(fixtures.demoDistrict())
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
        Instant now = Instant.now();
        assertThat(Duration.between(times.get(0), now)).isGreaterThan(Duration.ofDays(400));
        // the goal reworded later, some weeks before the start, comes after the plan was entered
        List<Instant> goalChanges =
                fixtures.jdbc().sql("""
                        select at from audit_event where district_id = ? and entity_type = 'Goal'
                           and summary = 'Attract, grow and keep excellent teachers and staff' order by at""").param(fixtures.demoDistrict()).query(Timestamp.class).list().stream()
                        .map(Timestamp::toInstant)
                        .toList();
        assertThat(goalChanges).isNotEmpty();
        assertThat(Duration.between(goalChanges.get(0), now)).isBetween(Duration.ofDays(55), Duration.ofDays(65));
        assertThat(times.stream()
                        .map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.DAYS))
                        .distinct())
                .hasSizeGreaterThan(5);
    }

    @Test
    @Transactional
    void noRealDistrictsHistoryCanBeBackdated() {
        SignedInUser planner = fixtures.otherDistrictUser("PLANNER");
        UUID plan = org.lodestar.shared.Ids.next();
        Instant before = Instant.now().minusSeconds(5);
        RecordedTime.during(
                () -> Instant.parse("2020-01-01T00:00:00Z"),
                () -> planning.savePlan(
                        planner,
                        new org.lodestar.planning.PlanSummary(
                                plan,
                                null,
                                org.lodestar.planning.PlanKind.STRATEGIC,
                                "Backdated?",
                                2025,
                                2029,
                                null,
                                null,
                                null,
                                null,
                                org.lodestar.planning.PlanStatus.DRAFT,
                                0)));
        Instant at = fixtures.jdbc()
                .sql("select at from audit_event where entity_id = ?")
                .param(plan)
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(at).isAfter(before);
    }
}
