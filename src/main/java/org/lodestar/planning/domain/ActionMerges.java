package org.lodestar.planning.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.ComplianceTag;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.StrategyRemoved;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two actions of the year's improvement plans that say the same thing, made one in one step: the kept action takes in
 * the other's required-plan tags, costs, people and student groups; the other is marked merged into it (and so leaves
 * its plan) but keeps its row and history, which say where it went. Refused when either changed since it was read.
 */
@Service
@Transactional
public class ActionMerges {

    private final StrategyStore strategies;
    private final PlanStore plans;
    private final ImprovementStore improvement;
    private final ComplianceTagStore tags;
    private final MergeStore store;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    ActionMerges(
            StrategyStore strategies,
            PlanStore plans,
            ImprovementStore improvement,
            ComplianceTagStore tags,
            MergeStore store,
            PlanAccess access,
            ApplicationEventPublisher events) {
        this.strategies = strategies;
        this.plans = plans;
        this.improvement = improvement;
        this.tags = tags;
        this.store = store;
        this.access = access;
        this.events = events;
    }

    /** An action merged into another, as its page still shows it. */
    public record Merged(
            UUID id,
            String title,
            UUID planId,
            String planTitle,
            UUID mergedInto,
            String keptTitle,
            Instant mergedAt,
            String mergedBy) {}

    /** Merges {@code merged} into {@code kept}, each at the version the person read. */
    public void merge(SignedInUser user, UUID kept, int keptVersion, UUID merged, int mergedVersion) {
        if (kept.equals(merged)) {
            throw new IllegalArgumentException("an action is not merged into itself");
        }
        GoalItem keep = action(user, kept);
        GoalItem other = action(user, merged);
        UUID district = user.districtId();
        EditConflictException.unlessSaved(store.touch(district, kept, keptVersion), "strategy");
        EditConflictException.unlessSaved(
                store.markMerged(district, merged, mergedVersion, kept, user.email()), "strategy");

        Set<ComplianceTag> before = new LinkedHashSet<>(tags.of(district, List.of(kept)));
        for (ComplianceTag tag : tags.of(district, List.of(merged))) {
            tags.tag(
                    district,
                    new ComplianceTag(kept, ComplianceTag.Kind.ACTION, tag.frameworkCode(), tag.componentCode()),
                    user.email());
        }
        List<ActionCost> costsBefore = improvement.costs(district, List.of(kept));
        List<ActionCost> handedOver = improvement.costs(district, List.of(merged));
        store.moveCosts(district, merged, kept);

        ActionDetail keptDetail = improvement.detail(district, kept).orElse(null);
        if (keptDetail == null) {
            improvement.insertDetail(district, kept, null);
            keptDetail = improvement.detail(district, kept).orElseThrow();
        }
        ActionDetail otherDetail = improvement.detail(district, merged).orElse(ActionDetail.empty(merged));
        ActionDetail combined = new ActionDetail(
                kept,
                keptDetail.description(),
                keptDetail.start(),
                keptDetail.end(),
                union(keptDetail.people(), otherDetail.people()),
                keptDetail.resources(),
                keptDetail.needs(),
                keptDetail.evidenceTier(),
                keptDetail.evidenceBasis(),
                keptDetail.implementationEvidence(),
                keptDetail.impactEvidence(),
                union(keptDetail.studentGroups(), otherDetail.studentGroups()),
                keptDetail.version());
        EditConflictException.unlessSaved(improvement.update(district, combined), "action");

        PlanSummary otherPlan = plans.plan(district, other.planId()).orElseThrow();
        PlanSummary keptPlan = plans.plan(district, keep.planId()).orElseThrow();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("improvement.field.people", people(keptDetail));
        was.put("improvement.field.groups", groups(keptDetail));
        was.put("improvement.field.costs", costs(costsBefore));
        was.put("improvement.field.tags", tagList(before));
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("improvement.field.mergedFrom", AuditValue.text(other.title() + " (" + otherPlan.title() + ")"));
        now.put("improvement.field.people", people(combined));
        now.put("improvement.field.groups", groups(combined));
        now.put("improvement.field.costs", costs(improvement.costs(district, List.of(kept))));
        now.put("improvement.field.tags", tagList(tags.of(district, List.of(kept))));
        events.publishEvent(AuditableChange.updated(district, user.email(), "Strategy", kept, keep.title(), was, now)
                .within(keep.planId()));
        events.publishEvent(AuditableChange.updated(
                        district,
                        user.email(),
                        "Strategy",
                        merged,
                        other.title(),
                        Map.of("improvement.field.costs", costs(handedOver)),
                        Map.of(
                                "improvement.field.mergedInto",
                                AuditValue.text(keep.title() + " (" + keptPlan.title() + ")"),
                                "improvement.field.costs",
                                costs(List.of())))
                .within(other.planId()));
        // the merged action leaves its plan: execution archives its projects as for a removed one
        events.publishEvent(new StrategyRemoved(district, merged, other.goalId(), other.title(), user.email()));
    }

    /** The action, if it was merged into another. */
    @Transactional(readOnly = true)
    public Optional<Merged> merged(UUID districtId, UUID id) {
        return store.merged(districtId, id);
    }

    /** The actions merged into this one, oldest merge first. */
    @Transactional(readOnly = true)
    public List<Merged> mergedInto(UUID districtId, UUID kept) {
        return store.mergedInto(districtId, kept);
    }

    /** An action of an improvement plan the person may change. */
    private GoalItem action(SignedInUser user, UUID id) {
        GoalItem item = strategies.item(user.districtId(), id).orElseThrow(() -> new NotFoundException("action"));
        PlanSummary plan = access.editablePlan(user, item.planId());
        if (plan.kind() != PlanKind.IMPROVEMENT) {
            throw new NotFoundException("action");
        }
        return item;
    }

    private static <T> List<T> union(List<T> first, List<T> second) {
        Set<T> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return new ArrayList<>(all);
    }

    private static AuditValue people(ActionDetail detail) {
        return AuditValue.list(detail.people().stream().map(AuditValue::person).toList());
    }

    private static AuditValue groups(ActionDetail detail) {
        return AuditValue.list(
                detail.studentGroups().stream().map(AuditValue::group).toList());
    }

    private static AuditValue costs(List<ActionCost> costs) {
        return AuditValue.list(costs.stream()
                .map(cost -> AuditValue.list(
                        AuditValue.choice("fund." + cost.fund()),
                        AuditValue.choice("purpose.", cost.purpose()),
                        AuditValue.number(cost.amount())))
                .toList());
    }

    private static AuditValue tagList(java.util.Collection<ComplianceTag> tags) {
        return AuditValue.list(tags.stream()
                .map(tag -> AuditValue.text(tag.frameworkCode() + " " + tag.componentCode()))
                .toList());
    }
}
