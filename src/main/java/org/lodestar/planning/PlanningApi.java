package org.lodestar.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.domain.PlanEditing;
import org.lodestar.planning.domain.PlanStore;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;

/** What other modules may ask of planning: plans, their trees and items. */
@Service
public class PlanningApi {

    private final PlanStore store;
    private final PlanEditing editing;
    private final List<IndicatorSource> indicatorSources;

    PlanningApi(PlanStore store, PlanEditing editing, List<IndicatorSource> indicatorSources) {
        this.store = store;
        this.editing = editing;
        this.indicatorSources = indicatorSources;
    }

    /** Shows a district goal on the public scorecard, or takes it off. */
    public void setPublished(SignedInUser user, UUID goalId, boolean published) {
        Node goal = store.node(user.districtId(), Tier.GOAL, goalId).orElseThrow(() -> new NotFoundException("goal"));
        editing.updateNode(
                user,
                new Node(
                        goal.tier(),
                        goal.id(),
                        goal.parentId(),
                        goal.planId(),
                        goal.title(),
                        goal.ownerId(),
                        goal.position(),
                        published,
                        goal.status()));
    }

    /** Saves a new or changed plan as this person; adopting it announces {@link PlanAdopted}. */
    public void savePlan(SignedInUser user, PlanSummary plan) {
        editing.savePlan(user, plan);
    }

    /** Adds an item under a plan (a goal: parentId is ignored) or under its item one tier up. */
    public UUID addItem(SignedInUser user, UUID planId, Tier tier, UUID parentId, String title, UUID ownerId) {
        return editing.addNode(user, planId, tier, parentId, title, ownerId);
    }

    public void setProjectStatus(SignedInUser user, UUID projectId, ProjectStatus status) {
        Node project = store.node(user.districtId(), Tier.PROJECT, projectId)
                .orElseThrow(() -> new NotFoundException("project"));
        editing.updateNode(
                user,
                new Node(
                        project.tier(),
                        project.id(),
                        project.parentId(),
                        project.planId(),
                        project.title(),
                        project.ownerId(),
                        project.position(),
                        false,
                        status));
    }

    /** Aligns a school goal to a district goal, with the school's reason. */
    public void align(SignedInUser user, UUID schoolGoalId, UUID districtGoalId, String rationale) {
        editing.align(user, schoolGoalId, districtGoalId, rationale);
    }

    /** Every alignment of a school goal to a district goal in the district. */
    public List<Alignment> alignments(UUID districtId) {
        return store.alignments(districtId);
    }

    public List<PlanSummary> plans(UUID districtId) {
        return store.plans(districtId);
    }

    public PlanSummary plan(UUID districtId, UUID planId) {
        return store.plan(districtId, planId).orElseThrow(() -> new NotFoundException("plan"));
    }

    /** The district's current strategic plan: the adopted one if any, else the newest. */
    public Optional<PlanSummary> districtStrategicPlan(UUID districtId) {
        List<PlanSummary> district = store.plans(districtId).stream()
                .filter(PlanSummary::districtPlan)
                .filter(plan -> plan.kind() == PlanKind.STRATEGIC)
                .toList();
        return district.stream()
                .filter(plan -> plan.status() == PlanStatus.ADOPTED)
                .findFirst()
                .or(() -> district.stream().findFirst());
    }

    public Optional<Node> node(UUID districtId, Tier tier, UUID id) {
        return store.node(districtId, tier, id);
    }

    public List<Node> nodes(UUID districtId) {
        return store.nodes(districtId);
    }

    /** The items of one plan (none when it is not the district's), in one statement. */
    public PlanNodes nodesOfPlan(UUID districtId, UUID planId) {
        return new PlanNodes(store.nodesOfPlan(districtId, planId));
    }

    public PlanTree tree(UUID districtId, UUID planId) {
        PlanSummary plan = plan(districtId, planId);
        List<Node> nodes = store.nodesOfPlan(districtId, planId);
        List<UUID> outcomeIds = nodes.stream()
                .filter(node -> node.tier() == Tier.OUTCOME)
                .map(Node::id)
                .toList();
        Map<UUID, List<Indicator>> indicators = indicators(districtId, outcomeIds);
        List<PlanTree.GoalBranch> goals = new ArrayList<>();
        for (Node goal : children(nodes, Tier.GOAL, planId)) {
            List<PlanTree.OutcomeBranch> outcomes = children(nodes, Tier.OUTCOME, goal.id()).stream()
                    .map(outcome ->
                            new PlanTree.OutcomeBranch(outcome, indicators.getOrDefault(outcome.id(), List.of())))
                    .toList();
            List<PlanTree.StrategyBranch> strategies = children(nodes, Tier.STRATEGY, goal.id()).stream()
                    .map(strategy ->
                            new PlanTree.StrategyBranch(strategy, children(nodes, Tier.PROJECT, strategy.id())))
                    .toList();
            List<String> statuses = outcomes.stream()
                    .flatMap(outcome -> outcome.indicators().stream())
                    .map(Indicator::status)
                    .toList();
            goals.add(new PlanTree.GoalBranch(goal, RollUp.of(statuses), outcomes, strategies));
        }
        return new PlanTree(plan, goals);
    }

    public Map<UUID, List<Indicator>> indicators(UUID districtId, List<UUID> outcomeIds) {
        if (outcomeIds.isEmpty()) {
            return Map.of();
        }
        return indicatorSources.stream()
                .flatMap(source -> source.indicators(districtId, outcomeIds).stream())
                .collect(Collectors.groupingBy(Indicator::outcomeId));
    }

    private static List<Node> children(List<Node> nodes, Tier tier, UUID parentId) {
        return nodes.stream()
                .filter(node -> node.tier() == tier && node.parentId().equals(parentId))
                .toList();
    }
}
