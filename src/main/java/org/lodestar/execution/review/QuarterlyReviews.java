package org.lodestar.execution.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.Adjustment;
import org.lodestar.measures.KpiReading;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolQuarter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly formative reviews of improvement plans: started by whoever may edit the plan for a quarter that has begun,
 * prepared from live data, saved as drafts (a save from an older reading is refused), then signed off once every row
 * has its adjustment: frozen, and the quarter of its KPIs' values locked in measures. Read by everyone in the district.
 */
@Service
@Transactional
public class QuarterlyReviews {

    /** An adjustment decided for a row, and its note (blank: none). */
    public record Decision(Adjustment adjustment, String note) {}

    private final ReviewStore store;
    private final PlanStanding standing;
    private final PlanningApi planning;
    private final MeasuresApi measures;
    private final DirectoryApi directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuarterlyReviews(
            ReviewStore store,
            PlanStanding standing,
            PlanningApi planning,
            MeasuresApi measures,
            DirectoryApi directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.standing = standing;
        this.planning = planning;
        this.measures = measures;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** An improvement plan of the person's district; any other plan is not found. */
    @Transactional(readOnly = true)
    public PlanSummary plan(SignedInUser user, UUID planId) {
        PlanSummary plan = planning.plan(user.districtId(), planId);
        if (plan.kind() != PlanKind.IMPROVEMENT) {
            throw new NotFoundException("improvement plan");
        }
        return plan;
    }

    /** Whether the person may start, save and sign off the plan's reviews: who may edit the plan. */
    @Transactional(readOnly = true)
    public boolean mayReview(SignedInUser user, UUID planId) {
        return planning.canEdit(user, planId);
    }

    @Transactional(readOnly = true)
    public List<QuarterlyReview> reviewsOf(SignedInUser user, UUID planId) {
        return store.reviewsOf(user.districtId(), plan(user, planId).id());
    }

    /** A plan's most recent review (the latest quarter), signed off or draft, with its rows; empty when none. */
    @Transactional(readOnly = true)
    public java.util.Optional<QuarterlyReview> latestOf(UUID districtId, UUID planId) {
        return store.reviewsOf(districtId, planId).stream()
                .findFirst()
                .flatMap(review -> store.review(districtId, review.id()));
    }

    @Transactional(readOnly = true)
    public QuarterlyReview review(SignedInUser user, UUID id) {
        return store.review(user.districtId(), id).orElseThrow(() -> new NotFoundException("quarterly review"));
    }

    /**
     * Sets the day the review is talked through (null: none), if nobody saved the review since {@code version} was
     * read and it is not signed off. The day falls from the quarter's first day to two months after its last, as a
     * review follows its quarter.
     */
    public void meet(SignedInUser user, UUID id, LocalDate on, int version) {
        QuarterlyReview review = review(user, id);
        ForbiddenException.unless(mayReview(user, review.planId()));
        if (review.signedOff() || review.version() != version) {
            throw new EditConflictException("quarterly review");
        }
        int startMonth = directory.district(user.districtId()).schoolYearStartMonth();
        LocalDate first = review.quarter().start(startMonth);
        LocalDate last = review.quarter().end(startMonth).plusMonths(2);
        if (on != null && (on.isBefore(first) || on.isAfter(last))) {
            throw new ReviewRefused("quarterly.error.meetingOn", List.of(first, last), List.of());
        }
        EditConflictException.unlessSaved(store.meet(user.districtId(), id, on, version), "quarterly review");
        events.publishEvent(AuditableChange.updated(
                        user.districtId(),
                        user.email(),
                        "QuarterlyReview",
                        id,
                        review.quarter().toString(),
                        Map.of("history.field.meetingOn", AuditValue.date(review.meetingOn())),
                        Map.of("history.field.meetingOn", AuditValue.date(on)))
                .within(review.planId()));
    }

    /** The district's review meetings from {@code from} on, earliest first. */
    @Transactional(readOnly = true)
    public List<ReviewMeeting> meetings(UUID districtId, LocalDate from) {
        return store.meetings(districtId, from);
    }

    /** The quarter a day falls in, by the district's school-year start month. */
    @Transactional(readOnly = true)
    public SchoolQuarter today(SignedInUser user) {
        return SchoolQuarter.containing(
                LocalDate.now(clock), directory.district(user.districtId()).schoolYearStartMonth());
    }

    /**
     * Starts the review of a quarter of the plan's school year, prepared from live data; returns its id (the existing
     * review's when the quarter has one). A quarter that has not begun is refused.
     */
    public UUID start(SignedInUser user, UUID planId, int quarter) {
        PlanSummary plan = plan(user, planId);
        ForbiddenException.unless(mayReview(user, planId));
        if (quarter < 1 || quarter > 4) {
            throw new ReviewRefused("quarterly.error.quarter", List.of(), List.of());
        }
        SchoolQuarter reviewed = new SchoolQuarter(plan.firstYear(), quarter);
        var existing = store.reviewOf(user.districtId(), planId, reviewed);
        if (existing.isPresent()) {
            return existing.get();
        }
        int startMonth = directory.district(user.districtId()).schoolYearStartMonth();
        if (reviewed.start(startMonth).isAfter(LocalDate.now(clock))) {
            throw new ReviewRefused(
                    "quarterly.error.notBegun", List.of(reviewed.quarter(), reviewed.start(startMonth)), List.of());
        }
        UUID id = Ids.next();
        store.insertReview(user.districtId(), id, planId, reviewed, clock.instant(), user.email());
        store.insertReviewItems(user.districtId(), id, prepare(user.districtId(), plan));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("history.field.schoolYear", AuditValue.schoolYear(reviewed.schoolYear()));
        fields.put("history.field.quarter", AuditValue.number(reviewed.quarter()));
        events.publishEvent(AuditableChange.created(
                        user.districtId(), user.email(), "QuarterlyReview", id, reviewed.toString(), fields)
                .within(planId));
        return id;
    }

    /** The rows of a new review: each goal, then its KPIs, then its actions, as they stand now. */
    private List<ReviewItem> prepare(UUID districtId, PlanSummary plan) {
        List<ReviewItem> items = new ArrayList<>();
        Set<UUID> kpisSeen = new LinkedHashSet<>();
        for (PlanStanding.GoalStanding goal : standing.of(districtId, plan.id())) {
            long onTrack = goal.kpis().stream()
                    .filter(o -> o.status().equals("ON_TRACK"))
                    .count();
            items.add(new ReviewItem(
                    Ids.next(),
                    goal.goal().id(),
                    ReviewItem.Tier.GOAL,
                    null,
                    items.size(),
                    goal.goal().title(),
                    goal.goal().titleTranslation(),
                    PlanStanding.goalStatus(goal.kpis()).name(),
                    (int) onTrack,
                    goal.kpis().size(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
            for (KpiReading kpi : goal.kpis()) {
                if (!kpisSeen.add(kpi.id())) {
                    continue;
                }
                items.add(new ReviewItem(
                        Ids.next(),
                        kpi.id(),
                        ReviewItem.Tier.KPI,
                        goal.goal().id(),
                        items.size(),
                        kpi.name(),
                        kpi.nameTranslation(),
                        kpi.status(),
                        0,
                        0,
                        kpi.unit().name(),
                        kpi.latest(),
                        kpi.latestYear(),
                        kpi.targets().getOrDefault(plan.firstYear(), kpi.endTarget()),
                        null,
                        null));
            }
            for (PlanStanding.ActionStanding action : goal.actions()) {
                long done = action.projects().stream()
                        .filter(p -> p.status().name().equals("DONE"))
                        .count();
                items.add(new ReviewItem(
                        Ids.next(),
                        action.action().id(),
                        ReviewItem.Tier.ACTION,
                        goal.goal().id(),
                        items.size(),
                        action.action().title(),
                        action.action().titleTranslation(),
                        PlanStanding.actionStatus(action.projects()).name(),
                        (int) done,
                        action.projects().size(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
            }
        }
        return items;
    }

    /**
     * Saves the adjustments decided (rows not named keep theirs) if nobody saved the review since {@code version} was
     * read; with {@code signOff} every row must then have its adjustment, and the review is signed off: frozen, and
     * the quarter of its KPIs locked. Nothing is saved when it is refused.
     */
    public void save(SignedInUser user, UUID id, int version, Map<UUID, Decision> decisions, boolean signOff) {
        QuarterlyReview review = review(user, id);
        ForbiddenException.unless(mayReview(user, review.planId()));
        if (review.signedOff() || review.version() != version) {
            throw new EditConflictException("quarterly review");
        }
        List<ReviewItem> after = new ArrayList<>();
        for (ReviewItem item : review.items()) {
            Decision decision = decisions.get(item.id());
            after.add(decision == null ? item : item.decided(decision.adjustment(), blankToNull(decision.note())));
        }
        if (signOff) {
            List<UUID> undecided = after.stream()
                    .filter(item -> item.adjustment() == null)
                    .map(ReviewItem::id)
                    .toList();
            if (!undecided.isEmpty()) {
                throw new ReviewRefused("quarterly.error.undecided", List.of(undecided.size()), undecided);
            }
        }
        EditConflictException.unlessSaved(store.touchReview(user.districtId(), id, version), "quarterly review");
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> changed = new LinkedHashMap<>();
        for (int i = 0; i < after.size(); i++) {
            ReviewItem was = review.items().get(i);
            ReviewItem now = after.get(i);
            if (!Objects.equals(was.adjustment(), now.adjustment()) || !Objects.equals(was.note(), now.note())) {
                store.decide(user.districtId(), id, now);
                before.put(now.title(), decided(was));
                changed.put(now.title(), decided(now));
            }
        }
        if (signOff) {
            store.signOff(user.districtId(), id, clock.instant(), user.userId());
            before.put("history.field.signedOff", AuditValue.yesNo(false));
            changed.put("history.field.signedOff", AuditValue.yesNo(true));
            List<UUID> kpis = after.stream()
                    .filter(item -> item.tier() == ReviewItem.Tier.KPI)
                    .map(ReviewItem::itemId)
                    .toList();
            measures.lockPeriod(user, kpis, review.quarter(), review.planId());
        }
        if (!changed.isEmpty()) {
            events.publishEvent(AuditableChange.updated(
                            user.districtId(),
                            user.email(),
                            "QuarterlyReview",
                            id,
                            review.quarter().toString(),
                            before,
                            changed)
                    .within(review.planId()));
        }
    }

    private static AuditValue decided(ReviewItem item) {
        return AuditValue.list(
                item.adjustment() == null
                        ? AuditValue.choice("history.value.none")
                        : AuditValue.choice("quarterly.adjustment.", item.adjustment()),
                AuditValue.text(item.note()));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
