package org.lodestar.planning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.ComplianceTag;
import org.lodestar.planning.FrameworkEntry;
import org.lodestar.planning.Goal;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.compliance.CostLine;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FundingCheck;
import org.lodestar.planning.compliance.FundingPlan;
import org.lodestar.planning.compliance.FundingRules;
import org.lodestar.planning.compliance.FundingSource;
import org.lodestar.planning.compliance.PlanLevel;
import org.lodestar.planning.compliance.Wording;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The improvement plans seen through the required plans: which goals, outcomes and actions satisfy which component
 * (tags), each framework's coverage of a plan, and the funding rules checked against the year's planned costs.
 */
@Service
@Transactional
public class ComplianceCoverage {

    private final ComplianceFrameworks frameworks;
    private final ComplianceTagStore tags;
    private final ImprovementStore improvement;
    private final ImprovementPlans improvementPlans;
    private final PlanStore plans;
    private final GoalStore goals;
    private final OutcomeStore outcomes;
    private final StrategyStore strategies;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    ComplianceCoverage(
            ComplianceFrameworks frameworks,
            ComplianceTagStore tags,
            ImprovementStore improvement,
            ImprovementPlans improvementPlans,
            PlanStore plans,
            GoalStore goals,
            OutcomeStore outcomes,
            StrategyStore strategies,
            PlanAccess access,
            ApplicationEventPublisher events) {
        this.frameworks = frameworks;
        this.tags = tags;
        this.improvement = improvement;
        this.improvementPlans = improvementPlans;
        this.plans = plans;
        this.goals = goals;
        this.outcomes = outcomes;
        this.strategies = strategies;
        this.access = access;
        this.events = events;
    }

    /** An item of a plan that can carry tags, by its id. */
    private record Item(ComplianceTag.Kind kind, UUID id, String title, UUID planId) {}

    /** Tags an item of a plan the person may change with a component of a framework in use. */
    public void tag(SignedInUser user, UUID itemId, String frameworkCode, String componentCode) {
        Item item = editableItem(user, itemId);
        FrameworkEntry framework = frameworks.find(user, frameworkCode);
        Component component =
                framework.framework().component(componentCode).orElseThrow(() -> new NotFoundException("component"));
        if (tags.tag(
                user.districtId(),
                new ComplianceTag(item.id(), item.kind(), frameworkCode, componentCode),
                user.email())) {
            audit(user, item, Map.of(), Map.of("compliance.field.tag", tagValue(framework, component)));
        }
    }

    public void untag(SignedInUser user, UUID itemId, String frameworkCode, String componentCode) {
        Item item = editableItem(user, itemId);
        if (tags.untag(user.districtId(), new ComplianceTag(item.id(), item.kind(), frameworkCode, componentCode))) {
            audit(
                    user,
                    item,
                    Map.of("compliance.field.tag", AuditValue.text(frameworkCode + " " + componentCode)),
                    Map.of());
        }
    }

    @Transactional(readOnly = true)
    public List<ComplianceTag> tagsOf(UUID districtId, List<UUID> itemIds) {
        return tags.of(districtId, itemIds);
    }

    /**
     * A tag as lists show it: the framework's short title and the component's title in both languages (a tag whose
     * framework or component is gone shows its codes), the codes kept for small print and for removing it.
     */
    public record TagLabel(ComplianceTag tag, Wording framework, Wording component) {}

    /** The items' tags with their names, in the frameworks' order and each framework's component order. */
    @Transactional(readOnly = true)
    public List<TagLabel> labelsOf(SignedInUser user, List<UUID> itemIds) {
        List<FrameworkEntry> inUse = frameworks.list(user);
        List<TagLabel> labels = new ArrayList<>();
        for (ComplianceTag tag : tags.of(user.districtId(), itemIds)) {
            Optional<Framework> framework = inUse.stream()
                    .map(FrameworkEntry::framework)
                    .filter(f -> f.code().equals(tag.frameworkCode()))
                    .findFirst();
            Wording component = framework
                    .flatMap(f -> f.component(tag.componentCode()))
                    .map(Component::title)
                    .orElse(new Wording(tag.componentCode(), tag.componentCode()));
            labels.add(new TagLabel(
                    tag,
                    framework.map(Framework::label).orElse(new Wording(tag.frameworkCode(), tag.frameworkCode())),
                    component));
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < inUse.size(); i++) {
            Framework f = inUse.get(i).framework();
            for (int c = 0; c < f.components().size(); c++) {
                order.put(f.code() + "|" + f.components().get(c).code(), i * 1_000 + c);
            }
        }
        labels.sort(Comparator.comparing((TagLabel label) -> order.getOrDefault(
                        label.tag().frameworkCode() + "|" + label.tag().componentCode(), Integer.MAX_VALUE))
                .thenComparing(
                        label -> label.tag().frameworkCode() + "|" + label.tag().componentCode()));
        return labels;
    }

    /** One component of a framework and what in the plan is tagged with it. */
    public record ComponentCoverage(Component component, List<TaggedItem> items) {

        public boolean covered() {
            return !items.isEmpty();
        }
    }

    public record TaggedItem(ComplianceTag.Kind kind, UUID id, String title) {}

    /**
     * A framework over one plan: every component in the framework's order with the plan's items tagged with it, and
     * the share of components with something behind them.
     */
    public record Coverage(FrameworkEntry framework, PlanSummary plan, List<ComponentCoverage> components) {

        public long coveredCount() {
            return components.stream().filter(ComponentCoverage::covered).count();
        }

        /** Covered components in percent of all, rounded down: a plan is 100% only when nothing is missing. */
        public int completeness() {
            return components.isEmpty()
                    ? 0
                    : BigDecimal.valueOf(coveredCount() * 100)
                            .divide(BigDecimal.valueOf(components.size()), 0, RoundingMode.DOWN)
                            .intValue();
        }

        public List<ComponentCoverage> missing() {
            return components.stream().filter(c -> !c.covered()).toList();
        }
    }

    @Transactional(readOnly = true)
    public Coverage coverage(SignedInUser user, String frameworkCode, UUID planId) {
        FrameworkEntry framework = frameworks.find(user, frameworkCode);
        PlanSummary plan = plans.plan(user.districtId(), planId).orElseThrow(() -> new NotFoundException("plan"));
        Map<UUID, Item> items = items(user.districtId(), plan.id());
        Map<String, List<TaggedItem>> byComponent = new HashMap<>();
        for (ComplianceTag tag : tags.of(user.districtId(), List.copyOf(items.keySet()))) {
            if (tag.frameworkCode().equals(frameworkCode)) {
                Item item = items.get(tag.itemId());
                byComponent
                        .computeIfAbsent(tag.componentCode(), code -> new ArrayList<>())
                        .add(new TaggedItem(item.kind(), item.id(), item.title()));
            }
        }
        List<ComponentCoverage> rows = framework.framework().components().stream()
                .map(c -> new ComponentCoverage(c, byComponent.getOrDefault(c.code(), List.of())))
                .toList();
        return new Coverage(framework, plan, rows);
    }

    /** The year's allocations, planned costs by fund and the funding rules' findings. */
    public record FundingReview(
            int schoolYear,
            Map<String, BigDecimal> allocations,
            Map<String, BigDecimal> planned,
            List<FundingCheck> checks) {}

    @Transactional(readOnly = true)
    public FundingReview funding(SignedInUser user, int schoolYear) {
        Map<String, BigDecimal> allocations = improvement.allocations(user.districtId(), schoolYear);
        // every plan of the year at once: one read of their actions, details and costs whatever the number of schools
        Map<UUID, PlanSummary> plansById = new HashMap<>();
        improvementPlans.ofYear(user.districtId(), schoolYear).forEach(plan -> plansById.put(plan.id(), plan));
        Map<UUID, Strategy> actions = new HashMap<>();
        strategies.ofPlans(user.districtId(), plansById.keySet()).forEach(action -> actions.put(action.id(), action));
        List<UUID> ids = List.copyOf(actions.keySet());
        Map<UUID, ActionDetail> details = improvement.details(user.districtId(), ids);
        List<CostLine> lines = new ArrayList<>();
        for (ActionCost cost : improvement.costs(user.districtId(), ids)) {
            Strategy action = actions.get(cost.strategyId());
            ActionDetail detail = details.get(cost.strategyId());
            lines.add(new CostLine(
                    action.title(),
                    plansById.get(action.planId()).districtPlan() ? PlanLevel.DISTRICT : PlanLevel.SCHOOL,
                    cost.fund(),
                    cost.purpose(),
                    cost.amount(),
                    detail == null ? null : detail.evidenceTier()));
        }
        Map<String, BigDecimal> planned = new LinkedHashMap<>();
        lines.forEach(line -> planned.merge(line.fund(), line.amount(), BigDecimal::add));
        return new FundingReview(
                schoolYear, allocations, planned, FundingRules.check(new FundingPlan(allocations, lines)));
    }

    /** What the district receives of each fund in a school year, as saved. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> allocations(UUID districtId, int schoolYear) {
        return improvement.allocations(districtId, schoolYear);
    }

    /**
     * Sets the year's allocations; refused when any saved amount differs from what the form showed (someone changed
     * it meanwhile), so no allocation is replaced unseen.
     */
    public void allocate(
            SignedInUser user, int schoolYear, Map<String, BigDecimal> shown, Map<String, BigDecimal> wanted) {
        ForbiddenException.unless(user.canPlanForDistrict());
        Map<String, BigDecimal> saved = improvement.allocations(user.districtId(), schoolYear);
        for (String fund : wanted.keySet()) {
            if (!same(saved.get(fund), shown.get(fund))) {
                throw new EditConflictException("allocation");
            }
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        wanted.forEach((fund, amount) -> {
            if (!same(saved.get(fund), amount)) {
                improvement.allocate(user.districtId(), schoolYear, fund, amount);
                // a built-in fund is named by its message; one the district added by its code
                String label = FundingSource.isBuiltIn(fund) ? "fund." + fund : fund;
                before.put(label, AuditValue.number(saved.get(fund)));
                after.put(label, AuditValue.number(amount));
            }
        });
        if (!after.isEmpty()) {
            events.publishEvent(AuditableChange.updated(
                    user.districtId(),
                    user.email(),
                    "District",
                    user.districtId(),
                    "allocations " + new org.lodestar.shared.SchoolYear(schoolYear),
                    before,
                    after));
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private Map<UUID, Item> items(UUID districtId, UUID planId) {
        Map<UUID, Item> items = new LinkedHashMap<>();
        for (Goal goal : goals.ofPlan(districtId, planId)) {
            items.put(goal.id(), new Item(ComplianceTag.Kind.GOAL, goal.id(), goal.title(), planId));
        }
        for (Outcome outcome : outcomes.ofPlan(districtId, planId)) {
            items.put(outcome.id(), new Item(ComplianceTag.Kind.OUTCOME, outcome.id(), outcome.title(), planId));
        }
        for (Strategy action : strategies.ofPlan(districtId, planId)) {
            items.put(action.id(), new Item(ComplianceTag.Kind.ACTION, action.id(), action.title(), planId));
        }
        return items;
    }

    private Item editableItem(SignedInUser user, UUID itemId) {
        UUID district = user.districtId();
        Item item = goals.find(district, itemId)
                .map(g -> new Item(ComplianceTag.Kind.GOAL, g.id(), g.title(), g.planId()))
                .or(() -> outcomes.find(district, itemId)
                        .map(o -> new Item(ComplianceTag.Kind.OUTCOME, o.id(), o.title(), o.planId())))
                .or(() -> strategies
                        .find(district, itemId)
                        .map(s -> new Item(ComplianceTag.Kind.ACTION, s.id(), s.title(), s.planId())))
                .orElseThrow(() -> new NotFoundException("item"));
        access.editablePlan(user, item.planId());
        return item;
    }

    private static AuditValue tagValue(FrameworkEntry framework, Component component) {
        return AuditValue.text(framework.framework().title().in(java.util.Locale.ENGLISH) + " " + component.code());
    }

    private void audit(SignedInUser user, Item item, Map<String, Object> before, Map<String, Object> after) {
        String type = switch (item.kind()) {
            case GOAL -> "Goal";
            case OUTCOME -> "Outcome";
            case ACTION -> "Strategy";
        };
        events.publishEvent(
                AuditableChange.updated(user.districtId(), user.email(), type, item.id(), item.title(), before, after)
                        .within(item.planId()));
    }
}
