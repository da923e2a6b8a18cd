package org.lodestar.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.EngagementApi;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.Consultation.Audience;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staged conversation of the district's 2025-26 needs assessment: the three stages held in fall 2025 and winter
 * 2026 with their attendance, notes and comments heard attached to needs, and the decision of the family night that
 * became an action of the district improvement plan. Skipped (with a log line) when the demo has no such assessment.
 */
final class DemoConversation {

    private static final Logger log = LoggerFactory.getLogger(DemoConversation.class);

    private final NeedsApi needs;
    private final EngagementApi engagement;
    private final PlanningApi planning;
    private final DemoPeople people;

    DemoConversation(NeedsApi needs, EngagementApi engagement, PlanningApi planning, DemoPeople people) {
        this.needs = needs;
        this.engagement = engagement;
        this.planning = planning;
        this.people = people;
    }

    void load() {
        SignedInUser planner = people.as("planner");
        Optional<Assessment> cna = needs.assessments(people.district()).stream()
                .filter(a -> a.schoolId() == null && a.schoolYear() == 2025)
                .findFirst();
        if (cna.isEmpty()) {
            log.info("Demo: no 2025-26 district needs assessment, so no staged conversation is loaded");
            return;
        }
        UUID assessment = cna.get().id();
        List<UUID> needIds = needs.needs(people.district(), assessment).stream()
                .map(NeedSummary::id)
                .toList();
        List<UUID> first = needIds.isEmpty() ? List.of() : needIds.subList(0, 1);
        List<UUID> second = needIds.size() < 2 ? first : needIds.subList(1, 2);
        List<UUID> stages =
                DemoClock.daysAgo(415, () -> engagement.planConversation(planner, assessment, Locale.ENGLISH));
        if (stages.size() < 3) {
            return;
        }
        DemoClock.daysAgo(410, () -> {
            engagement.planSession(
                    planner,
                    stages.get(0),
                    "Data night (sample)",
                    LocalDateTime.of(2025, 10, 16, 18, 0),
                    false,
                    "Lakeview High School library",
                    List.of(Audience.FAMILIES, Audience.TEACHERS, Audience.COMMUNITY),
                    List.of(CnaArea.STUDENT_ACHIEVEMENT, CnaArea.ATTENDANCE_AND_BEHAVIOR));
            engagement.planSession(
                    planner,
                    stages.get(1),
                    "Ideas evening online (sample)",
                    LocalDateTime.of(2025, 12, 4, 18, 30),
                    true,
                    "https://meet.example/lakeview-ideas",
                    List.of(Audience.FAMILIES, Audience.STAFF, Audience.STUDENTS),
                    List.of(CnaArea.ATTENDANCE_AND_BEHAVIOR, CnaArea.FAMILY_ENGAGEMENT));
            engagement.planSession(
                    planner,
                    stages.get(2),
                    "Family night (sample)",
                    LocalDateTime.of(2026, 3, 12, 18, 0),
                    false,
                    "Cedar Elementary cafeteria",
                    List.of(Audience.FAMILIES, Audience.COMMUNITY, Audience.ADMINISTRATORS),
                    List.of(CnaArea.ATTENDANCE_AND_BEHAVIOR));
        });
        DemoClock.daysAgo(410, () -> {
            engagement.recordAttendance(
                    planner,
                    stages.get(0),
                    Map.of(Audience.FAMILIES, 38, Audience.TEACHERS, 14, Audience.COMMUNITY, 6));
            engagement.recordSessionNote(
                    planner,
                    stages.get(0),
                    false,
                    "Families were surprised how many students miss ten percent of school days.",
                    first);
            engagement.recordCommentHeard(
                    planner,
                    stages.get(0),
                    Audience.FAMILIES,
                    "es",
                    "El autobús de la mañana llega tarde y los niños pierden la primera clase.",
                    first);
        });
        DemoClock.daysAgo(360, () -> {
            engagement.recordAttendance(
                    planner, stages.get(1), Map.of(Audience.FAMILIES, 52, Audience.STAFF, 11, Audience.STUDENTS, 9));
            engagement.recordSessionNote(
                    planner,
                    stages.get(1),
                    true,
                    "Pair families of chronically absent students with a trained attendance mentor.",
                    first);
            engagement.recordSessionNote(
                    planner, stages.get(1), true, "Send reading-at-home packs in English and Spanish.", second);
        });
        DemoClock.daysAgo(263, () -> {
            engagement.recordAttendance(
                    planner,
                    stages.get(2),
                    Map.of(Audience.FAMILIES, 61, Audience.COMMUNITY, 8, Audience.ADMINISTRATORS, 5));
            planning.plans(people.district()).stream()
                    .filter(p -> p.title().equals(DemoImprovement.DISTRICT_PLAN))
                    .map(PlanSummary::id)
                    .findFirst()
                    .flatMap(plan -> planning.nodesOfPlan(people.district(), plan).goals().stream()
                            .findFirst()
                            .map(Goal::id))
                    .ifPresent(goal -> engagement.decideNewAction(
                            planner,
                            stages.get(2),
                            "Start a walking school bus from the two largest apartment complexes.",
                            "The district leadership team",
                            LocalDate.of(2026, 3, 12),
                            goal,
                            "Walking school bus from the Riverside apartments"));
        });
    }
}
