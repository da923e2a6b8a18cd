package org.lodestar.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanningApi;

/**
 * Changes made after the plans were first entered, each by the person who would make it, so that the history pages
 * show how a plan lives: a goal reworded, a KPI renamed, a target raised, values corrected.
 */
final class Revisions {

    private final PlanningApi planning;
    private final MeasuresApi measures;
    private final DemoPeople people;

    Revisions(PlanningApi planning, MeasuresApi measures, DemoPeople people) {
        this.planning = planning;
        this.measures = measures;
        this.people = people;
    }

    void load(DistrictPlan plan, SchoolPlans schoolPlans, DemoSchool cedar) {
        // the superintendent's cabinet wanted the goal to speak of everyone who works in a school: a change of the
        // adopted plan, so it starts with its reason (the plan's change log and public page show it)
        SignedInUser admin = people.as("admin");
        Goal educators = planning.goal(people.district(), plan.goals().get(2)).orElseThrow();
        DemoClock.daysAgo(60, () -> {
            planning.giveChangeReason(
                    admin,
                    educators.planId(),
                    "The superintendent's cabinet asked that the educators goal speak of everyone who works in a school.");
            planning.rewordGoal(
                    admin,
                    educators.id(),
                    "Attract, grow and keep excellent teachers and staff",
                    "Atraer, formar y retener a docentes y personal excelentes",
                    educators.version());
        });

        // a strong first year: student services raises the plan's last target
        change(
                45,
                people.as("services"),
                plan.kpi("Students with disabilities in general education 80%+ of the day"),
                kpi -> {
                    TreeMap<Integer, BigDecimal> targets = new TreeMap<>(kpi.targets());
                    targets.put(2029, new BigDecimal("72.0"));
                    return copy(kpi, kpi.name(), targets);
                });

        // the help desk counts school days, not calendar days
        change(
                30,
                people.as("technology"),
                plan.kpi("Help-desk tickets resolved within two days"),
                kpi -> copy(kpi, "Help-desk tickets resolved within two school days", kpi.targets()));

        // three positions were filled the day before school started
        DemoClock.daysAgo(
                12,
                () -> measures.record(
                        people.as("hr"),
                        List.of(new Measurement(
                                plan.kpi("Teacher vacancies on the first day of school"),
                                2025,
                                0,
                                null,
                                "ALL",
                                new BigDecimal("34"),
                                null))));

        // students screened late, after the principal had entered the results
        DemoClock.daysAgo(
                5,
                () -> measures.record(
                        people.as("teacher"),
                        List.of(new Measurement(
                                schoolPlans.kpi("Cedar K-3 students at benchmark on the winter reading screener"),
                                2025,
                                0,
                                cedar.id(),
                                "ALL",
                                new BigDecimal("65.0"),
                                cedar.students(4, 1) + 6))));
    }

    private void change(int daysAgo, SignedInUser user, UUID id, UnaryOperator<Kpi> change) {
        DemoClock.daysAgo(
                daysAgo,
                () -> measures.saveKpi(
                        user, change.apply(measures.kpi(user.districtId(), id).orElseThrow())));
    }

    private static Kpi copy(Kpi kpi, String name, java.util.SortedMap<Integer, BigDecimal> targets) {
        return new Kpi(
                kpi.id(),
                kpi.outcomeId(),
                name,
                kpi.nameTranslation(),
                kpi.unit(),
                kpi.direction(),
                kpi.baselineValue(),
                kpi.baselineYear(),
                kpi.frequency(),
                kpi.dataSource(),
                kpi.ownerId(),
                kpi.byStudentGroup(),
                kpi.aboutStudents(),
                kpi.schoolLevels(),
                kpi.published(),
                kpi.position(),
                targets,
                kpi.version());
    }
}
