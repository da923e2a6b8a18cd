package org.lodestar.planning.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.insights.InsightsApi;
import org.lodestar.planning.Indicator;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.ActionOverlaps;
import org.lodestar.planning.domain.PlanVersions;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans and their goals for scripts and other systems. Every title is given in the district's language ({@code title})
 * and in the other one ({@code titleTranslation}, null when not translated); a goal can be retitled in both.
 */
@RestController
@Tag(
        name = "Plans",
        description = "Strategic and school plans with their goals, outcomes, KPIs, strategies and projects")
class PlansApiController {

    private final PlanningApi planning;
    private final ActionOverlaps overlaps;
    private final DirectoryApi directory;

    PlansApiController(PlanningApi planning, ActionOverlaps overlaps, DirectoryApi directory) {
        this.planning = planning;
        this.overlaps = overlaps;
        this.directory = directory;
    }

    record PlanDto(
            UUID id,
            UUID schoolId,
            String kind,
            String title,
            String titleTranslation,
            String firstYear,
            String lastYear,
            String status) {
        static PlanDto of(PlanSummary plan) {
            return new PlanDto(
                    plan.id(),
                    plan.schoolId(),
                    plan.kind().name(),
                    plan.title(),
                    plan.translation().title(),
                    org.lodestar.shared.SchoolYear.of(plan.firstYear()).toString(),
                    org.lodestar.shared.SchoolYear.of(plan.lastYear()).toString(),
                    plan.status().name());
        }
    }

    record KpiRefDto(UUID id, String name, String nameTranslation, String status) {}

    record OutcomeDto(UUID id, String title, String titleTranslation, List<KpiRefDto> kpis) {}

    record StrategyDto(UUID id, String title, String titleTranslation, UUID ownerId, List<ProjectDto> projects) {}

    record ProjectDto(UUID id, String title, UUID ownerId, String status) {}

    record GoalDto(
            UUID id,
            String title,
            String titleTranslation,
            int version,
            UUID ownerId,
            boolean published,
            String status,
            List<OutcomeDto> outcomes,
            List<StrategyDto> strategies) {}

    record PlanTreeDto(PlanDto plan, List<GoalDto> goals) {}

    /** A goal's new title in the district's language and (null or empty: none) in the other, over its version. */
    /** @param reason why the goal changes, required when its plan is adopted (kept in the plan's change log) */
    record TitlesDto(String title, String titleTranslation, Integer version, String reason) {}

    @GetMapping("/api/v1/plans")
    @Operation(summary = "Every plan of the caller's district")
    List<PlanDto> plans(@AuthenticationPrincipal SignedInUser user) {
        return planning.plans(user.districtId()).stream().map(PlanDto::of).toList();
    }

    /** One action of an overlapping pair: its plan (and that plan's school, null: the district's) and total cost. */
    record OverlapActionDto(
            UUID id, String title, String titleTranslation, UUID planId, UUID schoolId, BigDecimal cost) {
        static OverlapActionDto of(ActionOverlaps.Side side) {
            return new OverlapActionDto(
                    side.action().id(),
                    side.action().title(),
                    side.action().titleTranslation(),
                    side.plan().id(),
                    side.plan().schoolId(),
                    side.cost());
        }
    }

    record OverlapDto(double similarity, OverlapActionDto first, OverlapActionDto second) {}

    record OverlapsDto(String schoolYear, UUID planId, double threshold, List<OverlapDto> pairs) {}

    @GetMapping("/api/v1/plans/overlaps")
    @Operation(
            summary = "Actions of the year's improvement plans that say the same thing",
            description = "Pairs of actions, across the district's and the schools' improvement plans and funds, found"
                    + " alike in meaning by the in-process sentence-embedding model, most alike first, each with both"
                    + " actions' ids, titles, plans and costs and the similarity (0 to 1; pairs from the threshold"
                    + " given in the answer). With planId: the pairs with an action of that improvement plan, among"
                    + " its year's plans. Without: every pair of the school year given as schoolYear (e.g. 2025-26),"
                    + " or of the current school year. 400 for a schoolYear that is not one, 404 for a planId that is"
                    + " not one of the district's improvement plans.")
    ResponseEntity<?> overlaps(
            @RequestParam(required = false) UUID planId,
            @RequestParam(required = false) String schoolYear,
            @AuthenticationPrincipal SignedInUser user) {
        ActionOverlaps.Overlaps found;
        if (planId != null) {
            found = overlaps.ofPlan(user, planId);
        } else {
            int year;
            try {
                year = schoolYear == null
                        ? directory
                                .district(user.districtId())
                                .schoolYearOf(LocalDate.now())
                                .startYear()
                        : SchoolYear.parse(schoolYear.strip()).startYear();
            } catch (IllegalArgumentException e) {
                return ResponseEntity.badRequest()
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.BAD_REQUEST, "schoolYear is written like 2025-26."));
            }
            found = overlaps.ofYear(user, year);
        }
        return ResponseEntity.ok(new OverlapsDto(
                SchoolYear.of(found.schoolYear()).toString(),
                found.plan() == null ? null : found.plan().id(),
                InsightsApi.SAME_MEANING,
                found.pairs().stream()
                        .map(pair -> new OverlapDto(
                                pair.similarity(),
                                OverlapActionDto.of(pair.first()),
                                OverlapActionDto.of(pair.second())))
                        .toList()));
    }

    @GetMapping("/api/v1/plans/{id}")
    @Operation(summary = "A plan with its whole tree of goals")
    PlanTreeDto plan(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        PlanTree tree = planning.tree(user.districtId(), id);
        return new PlanTreeDto(
                PlanDto.of(tree.plan()),
                tree.goals().stream().map(PlansApiController::goal).toList());
    }

    @GetMapping("/api/v1/goals/{id}")
    @Operation(summary = "One goal with its outcomes, KPIs, strategies and projects")
    GoalDto goal(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        var node = planning.goal(user.districtId(), id).orElseThrow(() -> new NotFoundException("goal"));
        return planning.tree(user.districtId(), node.planId()).goals().stream()
                .filter(branch -> branch.goal().id().equals(id))
                .map(PlansApiController::goal)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("goal"));
    }

    @PostMapping("/api/v1/goals/{id}/titles")
    @Operation(
            summary = "Retitle a goal, in the district's language and the other one",
            description =
                    "Refused (409) when the goal changed since the version sent was read; a title is required and at"
                            + " most 300 characters, a translation optional. A goal of an adopted plan changes only"
                            + " with a reason (at most 1,000 characters), kept with a version of the plan as it stood"
                            + " and listed in its change log; without one the change is refused (422).")
    ResponseEntity<?> retitle(
            @PathVariable UUID id, @RequestBody TitlesDto titles, @AuthenticationPrincipal SignedInUser user) {
        var goal = planning.goal(user.districtId(), id).orElseThrow(() -> new NotFoundException("goal"));
        if (titles.title() == null
                || titles.title().isBlank()
                || titles.title().length() > 300
                || (titles.titleTranslation() != null
                        && titles.titleTranslation().length() > 300)
                || titles.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "A title (at most 300 characters), an optional translation as long at most, and the"
                                    + " version read are required."));
        }
        PlanSummary plan = planning.plan(user.districtId(), goal.planId());
        // a stale version is refused by the change itself (409) before any reason is kept
        if (plan.status() == PlanStatus.ADOPTED
                && planning.canEdit(user, plan.id())
                && goal.version() == titles.version()) {
            String reason = titles.reason() == null ? "" : titles.reason().strip();
            if (reason.isEmpty() || reason.length() > PlanVersions.MAX_REASON) {
                return ResponseEntity.unprocessableContent()
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "The goal's plan is adopted: say why it changes in \"reason\" (at most "
                                        + PlanVersions.MAX_REASON + " characters). Nothing was changed."));
            }
            planning.giveChangeReason(user, plan.id(), reason);
        }
        planning.rewordGoal(user, id, titles.title().strip(), titles.titleTranslation(), titles.version());
        return ResponseEntity.ok(goal(id, user));
    }

    private static GoalDto goal(PlanTree.GoalBranch branch) {
        return new GoalDto(
                branch.goal().id(),
                branch.goal().title(),
                branch.goal().titleTranslation(),
                branch.goal().version(),
                branch.goal().ownerId(),
                branch.goal().published(),
                branch.status(),
                branch.outcomes().stream()
                        .map(o -> new OutcomeDto(
                                o.outcome().id(),
                                o.outcome().title(),
                                o.outcome().titleTranslation(),
                                o.indicators().stream()
                                        .map(PlansApiController::kpi)
                                        .toList()))
                        .toList(),
                branch.strategies().stream()
                        .map(s -> new StrategyDto(
                                s.strategy().id(),
                                s.strategy().title(),
                                s.strategy().titleTranslation(),
                                s.strategy().ownerId(),
                                s.projects().stream()
                                        .map(p -> new ProjectDto(p.id(), p.title(), p.ownerId(), p.status()))
                                        .toList()))
                        .toList());
    }

    private static KpiRefDto kpi(Indicator indicator) {
        return new KpiRefDto(indicator.id(), indicator.name(), indicator.nameTranslation(), indicator.status());
    }
}
