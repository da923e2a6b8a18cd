package org.lodestar.enrollment.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.ForbiddenException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What planners set up to look ahead: scenarios on top of the forecast, class-size ratios and attrition. */
@Service
public class PlanningAheadEditing {

    private final EnrollmentStore store;
    private final ApplicationEventPublisher events;

    PlanningAheadEditing(EnrollmentStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** The district's scenarios, in the order they were made. */
    public List<ScenarioRow> scenarios(UUID districtId) {
        return store.scenarios(districtId);
    }

    /** The district's class-size ratios and attrition (the defaults until a planner saves them). */
    public StaffingSettings settings(UUID districtId) {
        return store.settings(districtId);
    }

    /** Saves a scenario (planners), recorded in the audit log. */
    @Transactional
    public void saveScenario(SignedInUser user, ScenarioRow scenario) {
        ForbiddenException.unless(user.canPlanForDistrict());
        store.saveScenario(user.districtId(), scenario);
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                "Scenario",
                scenario.id(),
                scenario.name(),
                Map.of(
                        "history.field.kind",
                        AuditValue.choice("enrollment.kind.", scenario.kind()),
                        "history.field.from",
                        AuditValue.schoolYear(scenario.fromYear()))));
    }

    @Transactional
    public void deleteScenario(SignedInUser user, UUID scenarioId) {
        ForbiddenException.unless(user.canPlanForDistrict());
        store.scenarios(user.districtId()).stream()
                .filter(scenario -> scenario.id().equals(scenarioId))
                .findFirst()
                .ifPresent(scenario -> {
                    store.deleteScenario(user.districtId(), scenarioId);
                    events.publishEvent(AuditableChange.deleted(
                            user.districtId(),
                            user.email(),
                            "Scenario",
                            scenarioId,
                            scenario.name(),
                            Map.of("history.field.kind", AuditValue.choice("enrollment.kind.", scenario.kind()))));
                });
    }

    /** Saves the class-size ratios and attrition (planners), recorded in the audit log. */
    @Transactional
    public void saveSettings(SignedInUser user, StaffingSettings settings) {
        ForbiddenException.unless(user.canPlanForDistrict());
        StaffingSettings before = store.settings(user.districtId());
        store.saveSettings(user.districtId(), settings);
        events.publishEvent(AuditableChange.updated(
                user.districtId(), user.email(), "District", user.districtId(), "", fields(before), fields(settings)));
    }

    private static Map<String, Object> fields(StaffingSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("enrollment.ratioK3", AuditValue.number(settings.ratioK3()));
        map.put("enrollment.ratio45", AuditValue.number(settings.ratio45()));
        map.put("enrollment.ratioSecondary", AuditValue.number(settings.ratioSecondary()));
        map.put("enrollment.attrition", AuditValue.number(settings.attritionPercent()));
        return map;
    }
}
