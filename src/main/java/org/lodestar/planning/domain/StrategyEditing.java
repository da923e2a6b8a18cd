package org.lodestar.planning.domain;

import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.StrategyRemoved;
import org.lodestar.planning.Tier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to strategies; a removal is announced ({@link StrategyRemoved}), since execution's projects hang under it. */
@Service
@Transactional
class StrategyEditing extends GoalItemEditing {

    StrategyEditing(StrategyStore strategies, GoalStore goals, PlanAccess access, ApplicationEventPublisher events) {
        super(strategies, goals, access, events);
    }

    @Override
    public Tier tier() {
        return Tier.STRATEGY;
    }

    @Override
    String type() {
        return "Strategy";
    }

    @Override
    Object removed(SignedInUser user, GoalItem before) {
        return new StrategyRemoved(user.districtId(), before.id(), before.goalId(), before.title(), user.email());
    }
}
