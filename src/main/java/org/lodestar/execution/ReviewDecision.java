package org.lodestar.execution;

import java.math.BigDecimal;

/**
 * A row of a quarterly review with what it was decided: the item ({@code tier}: GOAL, ACTION or KPI), the status it
 * was prepared with, its evidence (a goal's KPIs on track of its KPIs, an action's projects done of its projects, a
 * KPI's latest value, its year and its target) and the adjustment (KEEP, CHANGE, STOP, ADD; null while undecided) with
 * its note.
 *
 * @param unit a KPI's unit (a {@code Kpi.Unit} name), to write its values
 */
public record ReviewDecision(
        String tier,
        String title,
        String titleTranslation,
        String status,
        int done,
        int total,
        String unit,
        BigDecimal latest,
        Integer latestYear,
        BigDecimal target,
        String adjustment,
        String note) {

    /** The title in both languages, to be shown in the reader's. */
    public org.lodestar.shared.Bilingual titles() {
        return new org.lodestar.shared.Bilingual(title, titleTranslation);
    }
}
