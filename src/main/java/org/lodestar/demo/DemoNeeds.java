package org.lodestar.demo;

import java.util.AbstractMap.SimpleEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;

/**
 * The district's 2025-26 needs assessment (created if the data part did not): three confirmed, prioritized needs with
 * five-whys root causes, the first two answered by actions of the district's 2025-26 improvement plan, the third
 * (family engagement) deliberately left unanswered, so the assessment page shows its flag. Marked as sample data.
 */
final class DemoNeeds {

    static final String TITLE = "2025-26 needs assessment";

    private final NeedsApi needs;
    private final PlanningApi planning;
    private final DemoPeople people;

    DemoNeeds(NeedsApi needs, PlanningApi planning, DemoPeople people) {
        this.needs = needs;
        this.planning = planning;
        this.people = people;
    }

    void load() {
        SignedInUser planner = people.as("planner");
        UUID district = planner.districtId();
        UUID assessment = needs.assessments(district).stream()
                .filter(a -> a.schoolId() == null && a.schoolYear() == DemoImprovement.YEAR)
                .map(Assessment::id)
                .findFirst()
                .orElseGet(() -> needs.startAssessment(planner, null, DemoImprovement.YEAR, TITLE));
        if (!needs.needs(district, assessment).isEmpty()) {
            return;
        }
        UUID absenteeism = fromData(
                planner,
                assessment,
                "CHRONIC_ABSENTEEISM",
                "ECON",
                "Chronic absenteeism of economically disadvantaged students",
                "Sample data: about one in four economically disadvantaged students missed 10% or more of school days,"
                        + " twice the rate of all students, and the gap grew over three years.",
                CnaArea.ATTENDANCE_AND_BEHAVIOR);
        UUID math = fromData(
                planner,
                assessment,
                "PROFICIENCY_MATHEMATICS",
                "ECON",
                "Math proficiency of economically disadvantaged students",
                "Sample data: economically disadvantaged students trail all students in math proficiency by more than"
                        + " ten points, and the gap has not closed in four years.",
                CnaArea.STUDENT_ACHIEVEMENT);
        UUID families = needs.addNeed(
                planner,
                assessment,
                "Family engagement of Spanish-speaking families",
                "Sample data: fewer than a third of Spanish-speaking families attended a conference or answered the"
                        + " climate survey.",
                CnaArea.FAMILY_ENGAGEMENT,
                true);
        Map<UUID, Integer> priorities = new LinkedHashMap<>();
        priorities.put(absenteeism, 1);
        priorities.put(math, 2);
        priorities.put(families, 3);
        needs.prioritize(planner, assessment, priorities);
        needs.writeFiveWhys(
                planner,
                absenteeism,
                List.of(
                        new SimpleEntry<>(
                                "Why are economically disadvantaged students absent more often?",
                                "Many miss school after a move, an illness or a broken-down ride."),
                        new SimpleEntry<>(
                                "Why does a move or an illness turn into weeks of absence?",
                                "Nobody calls the family until the tenth absence."),
                        new SimpleEntry<>(
                                "Why does nobody call sooner?",
                                "Attendance is checked by the office once a month, not by a team each week.")));
        needs.writeFiveWhys(
                planner,
                math,
                List.of(
                        new SimpleEntry<>(
                                "Why do economically disadvantaged students fall behind in math?",
                                "Many start grade 6 with gaps from fractions and ratios left from grade 5."),
                        new SimpleEntry<>(
                                "Why are those gaps not closed in grade 6?",
                                "Each middle school uses a different curriculum with no common checkpoints."),
                        new SimpleEntry<>(
                                "Why is there no common curriculum?",
                                "Curriculum choices were left to each school since 2016.")));
        needs.writeFiveWhys(
                planner,
                families,
                List.of(
                        new SimpleEntry<>(
                                "Why do Spanish-speaking families take part less?",
                                "Most invitations and meetings are in English only."),
                        new SimpleEntry<>(
                                "Why are they in English only?",
                                "Schools have no interpreter or bilingual staff member to plan them.")));
        // the first two are answered by actions of the district's improvement plan; family engagement is left
        // unanswered on purpose, so the assessment shows "no action answers this need yet"
        action(district, "Attendance teams").ifPresent(id -> needs.linkNeed(planner, absenteeism, id));
        action(district, "literacy and math curriculum").ifPresent(id -> needs.linkNeed(planner, math, id));
    }

    /**
     * The need the data suggests for the metric and group (so that it keeps its evidence: values, reference and trend),
     * titled by the team; written by hand if the data part loaded no such values.
     */
    private UUID fromData(
            SignedInUser planner,
            UUID assessment,
            String metricCode,
            String group,
            String title,
            String description,
            CnaArea area) {
        return needs.confirmSuggested(planner, assessment, metricCode, group, title, description)
                .orElseGet(() -> needs.addNeed(planner, assessment, title, description, area, true));
    }

    /** An action of the district's 2025-26 improvement plan whose title holds the words. */
    private Optional<UUID> action(UUID district, String words) {
        return planning.plans(district).stream()
                .filter(p ->
                        p.kind() == PlanKind.IMPROVEMENT && p.districtPlan() && p.firstYear() == DemoImprovement.YEAR)
                .map(PlanSummary::id)
                .findFirst()
                .map(plan -> planning.nodesOfPlan(district, plan))
                .map(PlanNodes::strategies)
                .flatMap(strategies -> strategies.stream()
                        .filter(s -> s.title().contains(words))
                        .map(Strategy::id)
                        .findFirst());
    }
}
