package org.lodestar.planning.domain;

import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanSummary;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Who may change a plan and everything in it: district plans by planners, a school's plan by its leaders too. */
@Component
class PlanAccess {

    private final PlanStore plans;

    PlanAccess(PlanStore plans) {
        this.plans = plans;
    }

    boolean canEdit(SignedInUser user, PlanSummary plan) {
        return plan.districtPlan() ? user.canPlanForDistrict() : user.canLeadSchool(plan.schoolId());
    }

    /** The plan, when the person may change it; not found when it is not one of their district's. */
    PlanSummary editablePlan(SignedInUser user, UUID planId) {
        PlanSummary plan = plans.plan(user.districtId(), planId).orElseThrow(() -> new NotFoundException("plan"));
        ForbiddenException.unless(canEdit(user, plan));
        return plan;
    }
}
