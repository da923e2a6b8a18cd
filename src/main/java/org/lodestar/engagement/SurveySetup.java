package org.lodestar.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.planning.Consultation;

/**
 * What a survey says and whom it asks, as a planner builds it.
 *
 * @param audiences whom it asks; a respondent picks theirs among them
 * @param closesOn the last day it takes answers, or null while it stays open until closed by hand
 * @param assessmentId the needs assessment it informs, or null
 */
public record SurveySetup(
        String titleEn,
        String titleEs,
        String introEn,
        String introEs,
        List<Consultation.Audience> audiences,
        LocalDate closesOn,
        UUID assessmentId) {

    public SurveySetup {
        audiences = List.copyOf(audiences);
    }
}
