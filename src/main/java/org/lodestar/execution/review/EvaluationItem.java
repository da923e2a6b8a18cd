package org.lodestar.execution.review;

import java.util.UUID;
import org.lodestar.shared.Bilingual;

/**
 * A row of a year-end evaluation: a goal with the verdict its KPIs propose and the one a person confirmed, or an action
 * with the decision taken for it.
 *
 * @param goalId the goal of an action (null for a goal)
 * @param proposed a goal's verdict proposed from its KPIs, null when none had data (or for an action)
 * @param kpisMet a goal's KPIs at or past their target for the year
 * @param kpisWithData a goal's KPIs with a value and a target for the year
 * @param kpis a goal's KPIs
 * @param verdict what the person decided, null until then
 * @param note the person's note; the reason of a revised or stopped action
 */
public record EvaluationItem(
        UUID id,
        UUID itemId,
        boolean goal,
        UUID goalId,
        int position,
        String title,
        String titleTranslation,
        Verdict proposed,
        int kpisMet,
        int kpisWithData,
        int kpis,
        Verdict verdict,
        String note) {

    public Bilingual titles() {
        return new Bilingual(title, titleTranslation);
    }

    EvaluationItem decided(Verdict verdict, String note) {
        return new EvaluationItem(
                id,
                itemId,
                goal,
                goalId,
                position,
                title,
                titleTranslation,
                proposed,
                kpisMet,
                kpisWithData,
                kpis,
                verdict,
                note);
    }
}
