package org.lodestar.execution.review;

import java.math.BigDecimal;
import java.util.UUID;
import org.lodestar.execution.Adjustment;
import org.lodestar.shared.Bilingual;

/**
 * A row of a quarterly review: a goal, action or KPI as it stood when the review was prepared, and the adjustment
 * decided for it.
 *
 * @param goalId the goal an action or KPI is reviewed under (null for a goal)
 * @param status a KPI's or goal's status (ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA), or an action's from its projects
 *     (NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, BLOCKED, DONE, or NO_DATA without projects)
 * @param done a goal's KPIs on track, an action's projects done
 * @param total a goal's KPIs, an action's projects
 * @param unit a KPI's unit (a {@code Kpi.Unit} name), to write its values
 * @param latest a KPI's latest value, null without one
 * @param latestYear the school year of the latest value
 * @param target a KPI's target for the review's school year (else its end target), null without one
 * @param adjustment null until decided
 */
public record ReviewItem(
        UUID id,
        UUID itemId,
        Tier tier,
        UUID goalId,
        int position,
        String title,
        String titleTranslation,
        String status,
        int done,
        int total,
        String unit,
        BigDecimal latest,
        Integer latestYear,
        BigDecimal target,
        Adjustment adjustment,
        String note) {

    /** What a review looks at. */
    public enum Tier {
        GOAL,
        ACTION,
        KPI
    }

    public Bilingual titles() {
        return new Bilingual(title, titleTranslation);
    }

    ReviewItem decided(Adjustment adjustment, String note) {
        return new ReviewItem(
                id,
                itemId,
                tier,
                goalId,
                position,
                title,
                titleTranslation,
                status,
                done,
                total,
                unit,
                latest,
                latestYear,
                target,
                adjustment,
                note);
    }
}
