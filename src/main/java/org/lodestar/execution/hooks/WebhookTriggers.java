package org.lodestar.execution.hooks;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Task;
import org.lodestar.execution.checkin.CheckIn;
import org.lodestar.execution.checkin.CheckIns;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiReading;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.AuditableChanges;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the changes the modules record into webhook deliveries, in the same transaction (so a delivery is written
 * exactly when its cause is saved): a task whose status changed, a check-in posted, a KPI whose status (for all
 * students, in the district or the school of its plan) is no longer the one last told after its values were recorded.
 * Every change is published as an {@link AuditableChange} in its transaction already, so no module needs another
 * event; nothing is gathered unless a webhook of the district takes the event.
 */
@Component
class WebhookTriggers {

    private static final String STATUS = "history.field.status";

    private final Webhooks webhooks;
    private final WebhookStore store;
    private final ExecutionApi execution;
    private final CheckIns checkIns;
    private final MeasuresApi measures;
    private final PlanningApi planning;

    WebhookTriggers(
            Webhooks webhooks,
            WebhookStore store,
            ExecutionApi execution,
            CheckIns checkIns,
            MeasuresApi measures,
            PlanningApi planning) {
        this.planning = planning;
        this.webhooks = webhooks;
        this.store = store;
        this.execution = execution;
        this.checkIns = checkIns;
        this.measures = measures;
    }

    @EventListener
    void on(AuditableChange change) {
        on(List.of(change));
    }

    @EventListener
    void on(AuditableChanges changes) {
        on(changes.changes());
    }

    private void on(List<AuditableChange> changes) {
        Map<UUID, Set<UUID>> kpisByDistrict = new LinkedHashMap<>();
        for (AuditableChange change : changes) {
            switch (change.entityType()) {
                case "Task" -> task(change);
                case "CheckIn" -> checkIn(change);
                case "Measurement" ->
                    kpisByDistrict
                            .computeIfAbsent(change.districtId(), k -> new LinkedHashSet<>())
                            .add(change.entityId());
                default -> {}
            }
        }
        kpisByDistrict.forEach(this::kpis);
    }

    private void task(AuditableChange change) {
        if (!"UPDATED".equals(change.action())
                || !change.after().containsKey(STATUS)
                || Objects.equals(change.before().get(STATUS), change.after().get(STATUS))
                || !webhooks.anyListening(change.districtId(), WebhookEvent.TASK_STATUS_CHANGED)) {
            return;
        }
        execution.task(change.districtId(), change.entityId()).ifPresent(task -> {
            Map<String, Object> data = taskData(task);
            data.put("previousStatus", choice(change.before().get(STATUS)));
            data.put("changedBy", change.actor());
            webhooks.enqueue(change.districtId(), WebhookEvent.TASK_STATUS_CHANGED, data);
        });
    }

    private void checkIn(AuditableChange change) {
        if (!"CREATED".equals(change.action())
                || !webhooks.anyListening(change.districtId(), WebhookEvent.CHECK_IN_POSTED)) {
            return;
        }
        CheckIn posted = checkIns.byId(change.districtId(), change.entityId()).orElse(null);
        if (posted == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("checkInId", posted.id().toString());
        data.put("itemKind", posted.item().kind().name());
        data.put("itemId", posted.item().id().toString());
        data.put("itemTitle", change.summary());
        data.put("status", posted.status().name());
        data.put("whatHappened", posted.whatHappened());
        data.put("whatWeLearned", posted.whatWeLearned());
        data.put("whatChanges", posted.whatChanges());
        data.put("authorId", posted.authorId().toString());
        data.put("postedAt", posted.createdAt().toString());
        webhooks.enqueue(change.districtId(), WebhookEvent.CHECK_IN_POSTED, data);
    }

    private void kpis(UUID districtId, Set<UUID> kpiIds) {
        if (!webhooks.anyListening(districtId, WebhookEvent.KPI_STATUS_CHANGED)) {
            return;
        }
        for (UUID kpiId : kpiIds) {
            Kpi kpi = measures.kpi(districtId, kpiId).orElse(null);
            if (kpi == null) {
                continue;
            }
            // a school plan's KPI is read at its school, a district plan's in the whole district
            UUID schoolId = planning.outcome(districtId, kpi.outcomeId())
                    .map(outcome -> planning.plan(districtId, outcome.planId()).schoolId())
                    .orElse(null);
            KpiReading reading = measures.readingsOfOutcomes(districtId, List.of(kpi.outcomeId()), schoolId).stream()
                    .filter(r -> r.id().equals(kpiId))
                    .findFirst()
                    .orElse(null);
            if (reading == null) {
                continue;
            }
            String before = store.kpiStatus(districtId, kpiId);
            if (reading.status().equals(before)) {
                continue;
            }
            store.kpiStatus(districtId, kpiId, reading.status());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("kpiId", kpiId.toString());
            data.put("schoolId", schoolId == null ? null : schoolId.toString());
            data.put("name", kpi.name());
            data.put("status", reading.status());
            data.put("previousStatus", before);
            data.put(
                    "latestValue",
                    reading.latest() == null ? null : reading.latest().toPlainString());
            data.put(
                    "latestSchoolYear",
                    reading.latestYear() == null
                            ? null
                            : new org.lodestar.shared.SchoolYear(reading.latestYear()).toString());
            webhooks.enqueue(districtId, WebhookEvent.KPI_STATUS_CHANGED, data);
        }
    }

    private static Map<String, Object> taskData(Task task) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.id().toString());
        data.put("projectId", task.projectId().toString());
        data.put("title", task.title());
        data.put("status", task.status().name());
        data.put("percentComplete", task.percentComplete());
        data.put("ownerId", task.ownerId() == null ? null : task.ownerId().toString());
        data.put("dueDate", task.dueDate() == null ? null : task.dueDate().toString());
        return data;
    }

    /** The enum name a recorded choice ends with ({@code project.status.ON_TRACK}: ON_TRACK), or null. */
    private static String choice(Object value) {
        if (!(value instanceof org.lodestar.shared.AuditValue audit) || audit.value() == null) {
            return null;
        }
        String key = audit.value();
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
