package org.lodestar.planning.domain;

import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.OutcomeRemoved;
import org.lodestar.planning.Tier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to outcomes; a removal is announced ({@link OutcomeRemoved}), since measures' KPIs hang under it. */
@Service
@Transactional
class OutcomeEditing extends GoalItemEditing {

    OutcomeEditing(OutcomeStore outcomes, GoalStore goals, PlanAccess access, ApplicationEventPublisher events) {
        super(outcomes, goals, access, events);
    }

    @Override
    public Tier tier() {
        return Tier.OUTCOME;
    }

    @Override
    String type() {
        return "Outcome";
    }

    @Override
    Object removed(SignedInUser user, GoalItem before) {
        return new OutcomeRemoved(user.districtId(), before.id(), before.goalId(), before.title(), user.email());
    }
}
