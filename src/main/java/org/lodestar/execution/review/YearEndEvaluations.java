package org.lodestar.execution.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.KpiReading;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolQuarter;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end summative evaluation of an improvement plan, and the same done each school year of a strategic plan's
 * cycle as its annual formative evaluation (the goals met or not, the actions continued, revised or stopped; completing
 * one makes no plan, locks no values and does not close the cycle: it is what a new cycle starts from). The improvement
 * plan's: started by whoever may edit the plan, each goal's verdict
 * proposed from its KPIs ({@link GoalVerdictRule}), saved as drafts (a save from an older reading is refused), then
 * completed once every goal has its verdict and every action its decision (a reason for revise and stop): next year's
 * plan is made from it through planning (continued and revised actions carried over, a revised one saying why, stopped
 * ones left out), and the school year's values of its KPIs are locked. All of it or nothing.
 */
@Service
@Transactional
public class YearEndEvaluations {

    /** A verdict decided for a row and its note (blank: none). */
    public record Decision(Verdict verdict, String note) {}

    private final ReviewStore store;
    private final PlanStanding standing;
    private final QuarterlyReviews reviews;
    private final PlanningApi planning;
    private final MeasuresApi measures;
    private final MessageSource messages;
    private final org.lodestar.directory.DirectoryApi directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    YearEndEvaluations(
            ReviewStore store,
            PlanStanding standing,
            QuarterlyReviews reviews,
            PlanningApi planning,
            MeasuresApi measures,
            MessageSource messages,
            org.lodestar.directory.DirectoryApi directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.standing = standing;
        this.reviews = reviews;
        this.planning = planning;
        this.measures = measures;
        this.messages = messages;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The plan's evaluation, if one was started. */
    @Transactional(readOnly = true)
    public java.util.Optional<YearEndEvaluation> of(SignedInUser user, UUID planId) {
        return store.evaluationOf(user.districtId(), reviews.plan(user, planId).id());
    }

    /** A strategic plan of the person's district; any other plan is not found. */
    @Transactional(readOnly = true)
    public PlanSummary strategicPlan(SignedInUser user, UUID planId) {
        PlanSummary plan = planning.plan(user.districtId(), planId);
        if (plan.kind() != PlanKind.STRATEGIC) {
            throw new NotFoundException("strategic plan");
        }
        return plan;
    }

    /** A strategic plan's annual evaluation of the school year, if one was started. */
    @Transactional(readOnly = true)
    public java.util.Optional<YearEndEvaluation> ofYear(SignedInUser user, UUID planId, int schoolYear) {
        return store.evaluationOf(user.districtId(), strategicPlan(user, planId).id(), schoolYear);
    }

    /** A strategic plan's annual evaluations kept, the latest school year first. */
    @Transactional(readOnly = true)
    public List<YearEndEvaluation> ofStrategicPlan(SignedInUser user, UUID planId) {
        return store.evaluationsOf(
                user.districtId(), strategicPlan(user, planId).id());
    }

    /**
     * The school years of a strategic plan's cycle that have begun (by the district's school-year start month), the
     * years an annual evaluation may be started for.
     */
    @Transactional(readOnly = true)
    public List<Integer> yearsBegun(SignedInUser user, UUID planId) {
        PlanSummary plan = strategicPlan(user, planId);
        int startMonth = directory.district(user.districtId()).schoolYearStartMonth();
        int current = SchoolYear.containing(java.time.LocalDate.now(clock), startMonth)
                .startYear();
        List<Integer> years = new ArrayList<>();
        for (int year = plan.firstYear(); year <= Math.min(plan.lastYear(), current); year++) {
            years.add(year);
        }
        return years;
    }

    /** Starts the plan's evaluation (or returns the one started), each goal's verdict proposed from its KPIs. */
    public YearEndEvaluation start(SignedInUser user, UUID planId) {
        PlanSummary plan = reviews.plan(user, planId);
        ForbiddenException.unless(reviews.mayReview(user, planId));
        var existing = store.evaluationOf(user.districtId(), planId);
        if (existing.isPresent()) {
            return existing.get();
        }
        begin(user, plan, null);
        return store.evaluationOf(user.districtId(), planId).orElseThrow();
    }

    /**
     * Starts a strategic plan's annual evaluation of a school year of its cycle that has begun (or returns the one
     * started), each goal's verdict proposed from its KPIs' values of that year; a year outside the cycle or to come is
     * refused.
     */
    public YearEndEvaluation startYear(SignedInUser user, UUID planId, int schoolYear) {
        PlanSummary plan = strategicPlan(user, planId);
        ForbiddenException.unless(reviews.mayReview(user, planId));
        var existing = store.evaluationOf(user.districtId(), planId, schoolYear);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!yearsBegun(user, planId).contains(schoolYear)) {
            throw new ReviewRefused(
                    "strategicEvaluation.error.year",
                    List.of(new SchoolYear(schoolYear).toString(), plan.years()),
                    List.of());
        }
        begin(user, plan, schoolYear);
        return store.evaluationOf(user.districtId(), planId, schoolYear).orElseThrow();
    }

    private void begin(SignedInUser user, PlanSummary plan, Integer schoolYear) {
        int year = schoolYear == null ? plan.firstYear() : schoolYear;
        UUID id = Ids.next();
        store.insertEvaluation(user.districtId(), id, plan.id(), schoolYear, clock.instant(), user.email());
        store.insertEvaluationItems(user.districtId(), id, prepare(user.districtId(), plan.id(), year));
        events.publishEvent(AuditableChange.created(
                        user.districtId(),
                        user.email(),
                        "YearEndEvaluation",
                        id,
                        plan.title(),
                        Map.of("history.field.schoolYear", AuditValue.schoolYear(year)))
                .within(plan.id()));
    }

    private List<EvaluationItem> prepare(UUID districtId, UUID planId, int year) {
        List<EvaluationItem> items = new ArrayList<>();
        for (PlanStanding.GoalStanding goal : standing.of(districtId, planId)) {
            List<GoalVerdictRule.Reading> readings =
                    goal.kpis().stream().map(kpi -> reading(kpi, year)).toList();
            GoalVerdictRule.Count count = GoalVerdictRule.count(readings);
            items.add(new EvaluationItem(
                    Ids.next(),
                    goal.goal().id(),
                    true,
                    null,
                    items.size(),
                    goal.goal().title(),
                    goal.goal().titleTranslation(),
                    GoalVerdictRule.propose(readings).orElse(null),
                    count.met(),
                    count.withData(),
                    count.kpis(),
                    // the proposal is the starting point; a person confirms or changes it
                    GoalVerdictRule.propose(readings).orElse(null),
                    null));
            for (PlanStanding.ActionStanding action : goal.actions()) {
                items.add(new EvaluationItem(
                        Ids.next(),
                        action.action().id(),
                        false,
                        goal.goal().id(),
                        items.size(),
                        action.action().title(),
                        action.action().titleTranslation(),
                        null,
                        0,
                        0,
                        0,
                        null,
                        null));
            }
        }
        return items;
    }

    /** A KPI's value of the school year and its target that year (else where its path expects it). */
    static GoalVerdictRule.Reading reading(KpiReading kpi, int year) {
        return new GoalVerdictRule.Reading(kpi.values().get(year), kpi.targetOf(year), kpi.higherIsBetter());
    }

    /**
     * Saves the verdicts (rows not named keep theirs) if nobody saved the evaluation since {@code version} was read;
     * with {@code complete}, every row must have its verdict (goals met, partly met or not met; actions continue,
     * revise or stop, with a reason for the last two), and next year's plan is made. Returns next year's plan's id
     * when completed, else null. Nothing is saved when refused.
     */
    public UUID save(SignedInUser user, UUID planId, int version, Map<UUID, Decision> decisions, boolean complete) {
        PlanSummary plan = reviews.plan(user, planId);
        ForbiddenException.unless(reviews.mayReview(user, planId));
        YearEndEvaluation evaluation =
                store.evaluationOf(user.districtId(), planId).orElseThrow(() -> new NotFoundException("evaluation"));
        return decide(user, plan, evaluation, version, decisions, complete);
    }

    /**
     * Saves a strategic plan's annual evaluation of the school year as {@link #save} does an improvement plan's;
     * completing it freezes it, and makes no plan and locks nothing. Nothing is saved when refused.
     */
    public void saveYear(
            SignedInUser user,
            UUID planId,
            int schoolYear,
            int version,
            Map<UUID, Decision> decisions,
            boolean complete) {
        PlanSummary plan = strategicPlan(user, planId);
        ForbiddenException.unless(reviews.mayReview(user, planId));
        YearEndEvaluation evaluation = store.evaluationOf(user.districtId(), planId, schoolYear)
                .orElseThrow(() -> new NotFoundException("evaluation"));
        decide(user, plan, evaluation, version, decisions, complete);
    }

    private UUID decide(
            SignedInUser user,
            PlanSummary plan,
            YearEndEvaluation evaluation,
            int version,
            Map<UUID, Decision> decisions,
            boolean complete) {
        UUID planId = plan.id();
        if (evaluation.completed() || evaluation.version() != version) {
            throw new EditConflictException("year-end evaluation");
        }
        List<EvaluationItem> after = new ArrayList<>();
        List<UUID> wrongKind = new ArrayList<>();
        List<UUID> noReason = new ArrayList<>();
        for (EvaluationItem item : evaluation.items()) {
            Decision decision = decisions.get(item.id());
            EvaluationItem now = decision == null
                    ? item
                    : item.decided(decision.verdict(), QuarterlyReviews.blankToNull(decision.note()));
            if (now.verdict() != null && now.verdict().forGoals() != now.goal()) {
                wrongKind.add(now.id());
            }
            if (now.verdict() != null && now.verdict().needsReason() && now.note() == null) {
                noReason.add(now.id());
            }
            after.add(now);
        }
        if (!wrongKind.isEmpty()) {
            throw new ReviewRefused("evaluation.error.verdict", List.of(), wrongKind);
        }
        if (!noReason.isEmpty()) {
            throw new ReviewRefused("evaluation.error.reason", List.of(noReason.size()), noReason);
        }
        if (complete) {
            List<UUID> undecided = after.stream()
                    .filter(item -> item.verdict() == null)
                    .map(EvaluationItem::id)
                    .toList();
            if (!undecided.isEmpty()) {
                throw new ReviewRefused("evaluation.error.undecided", List.of(undecided.size()), undecided);
            }
            var past = evaluation.strategic()
                    ? java.util.Optional.<PlanSummary>empty()
                    : planning.nextYearPastStrategicPlan(user, planId);
            if (past.isPresent()) {
                throw new ReviewRefused(
                        "nextYear.beyondStrategicPlan",
                        List.of(past.get().title(), past.get().years()),
                        List.of());
            }
        }
        EditConflictException.unlessSaved(
                store.touchEvaluation(user.districtId(), evaluation.id(), version), "year-end evaluation");
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> changed = new LinkedHashMap<>();
        for (int i = 0; i < after.size(); i++) {
            EvaluationItem was = evaluation.items().get(i);
            EvaluationItem now = after.get(i);
            if (!Objects.equals(was.verdict(), now.verdict()) || !Objects.equals(was.note(), now.note())) {
                store.decide(user.districtId(), evaluation.id(), now);
                before.put(now.title(), decided(was));
                changed.put(now.title(), decided(now));
            }
        }
        UUID next = null;
        if (complete && evaluation.strategic()) {
            // formative: the cycle goes on; what it proved is offered when the next cycle starts
            store.complete(user.districtId(), evaluation.id(), clock.instant(), user.userId(), null);
            before.put("history.field.completed", AuditValue.yesNo(false));
            changed.put("history.field.completed", AuditValue.yesNo(true));
        } else if (complete) {
            next = nextYearPlan(user, plan, after);
            store.complete(user.districtId(), evaluation.id(), clock.instant(), user.userId(), next);
            before.put("history.field.completed", AuditValue.yesNo(false));
            changed.put("history.field.completed", AuditValue.yesNo(true));
            // the year's results are in: its whole-year values are locked, as its quarters were by their reviews
            List<UUID> kpis = standing.of(user.districtId(), planId).stream()
                    .flatMap(goal -> goal.kpis().stream())
                    .map(KpiReading::id)
                    .distinct()
                    .toList();
            measures.lockPeriod(user, kpis, new SchoolQuarter(plan.firstYear(), 0), planId);
        }
        if (!changed.isEmpty()) {
            events.publishEvent(AuditableChange.updated(
                            user.districtId(),
                            user.email(),
                            "YearEndEvaluation",
                            evaluation.id(),
                            plan.title(),
                            before,
                            changed)
                    .within(planId));
        }
        return next;
    }

    /** Next year's plan: every goal and outcome, the actions continued and revised (a revised one saying why). */
    private UUID nextYearPlan(SignedInUser user, PlanSummary plan, List<EvaluationItem> items) {
        PlanNodes nodes = planning.nodesOfPlan(user.districtId(), plan.id());
        Set<UUID> goals = new HashSet<>();
        nodes.goals().forEach(goal -> goals.add(goal.id()));
        Set<UUID> outcomes = new HashSet<>();
        nodes.outcomes().stream().map(Outcome::id).forEach(outcomes::add);
        Set<UUID> actions = new HashSet<>();
        Map<UUID, String> notes = new LinkedHashMap<>();
        Locale language =
                Locale.forLanguageTag(directory.district(user.districtId()).defaultLanguage());
        String year = new SchoolYear(plan.firstYear()).toString();
        for (EvaluationItem item : items) {
            if (item.goal() || item.verdict() == Verdict.STOP) {
                continue;
            }
            actions.add(item.itemId());
            if (item.verdict() == Verdict.REVISE) {
                notes.put(
                        item.itemId(),
                        messages.getMessage("evaluation.revisedNote", new Object[] {year, item.note()}, language));
            }
        }
        return planning.makeNextYearPlan(user, plan.id(), plan.nextYearTitle(), goals, outcomes, actions, notes);
    }

    private static AuditValue decided(EvaluationItem item) {
        return AuditValue.list(
                item.verdict() == null
                        ? AuditValue.choice("history.value.none")
                        : AuditValue.choice("evaluation.verdict.", item.verdict()),
                AuditValue.text(item.note()));
    }
}
