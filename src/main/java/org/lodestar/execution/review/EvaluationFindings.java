package org.lodestar.execution.review;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.planning.CycleFindings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a strategic plan's completed annual evaluations found, for planning's new cycle: each goal's and action's
 * verdict from the latest school year's completed evaluation that decided it (drafts are not findings yet).
 */
@Component
class EvaluationFindings implements CycleFindings {

    private final ReviewStore store;

    EvaluationFindings(ReviewStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Finding> of(UUID districtId, UUID strategicPlanId) {
        Map<UUID, Finding> found = new HashMap<>();
        // the latest year first: an item keeps the first finding met
        for (YearEndEvaluation evaluation : store.evaluationsOf(districtId, strategicPlanId)) {
            if (!evaluation.completed()) {
                continue;
            }
            for (EvaluationItem item : evaluation.items()) {
                if (item.verdict() != null) {
                    found.putIfAbsent(
                            item.itemId(), new Finding(item.verdict().name(), evaluation.schoolYear(), item.note()));
                }
            }
        }
        return found;
    }
}
