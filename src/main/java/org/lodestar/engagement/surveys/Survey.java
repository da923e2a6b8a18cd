package org.lodestar.engagement.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.engagement.SurveyState;
import org.lodestar.planning.Consultation;

/**
 * A survey of the district's stakeholders.
 *
 * @param token the secret part of its public link
 * @param formSecret the key that signs the render time of its public form
 */
public record Survey(
        UUID districtId,
        UUID id,
        String token,
        String formSecret,
        String titleEn,
        String titleEs,
        String introEn,
        String introEs,
        List<Consultation.Audience> audiences,
        LocalDate closesOn,
        SurveyState state,
        UUID assessmentId,
        int version) {

    public Survey {
        audiences = List.copyOf(audiences);
    }

    public String title(String language) {
        return "es".equals(language) ? titleEs : titleEn;
    }

    public String intro(String language) {
        return "es".equals(language) ? introEs : introEn;
    }

    /** Whether it takes answers on the given day: open, and its closing date (if any) not passed. */
    public boolean takesAnswers(LocalDate today) {
        return state == SurveyState.OPEN && (closesOn == null || !today.isAfter(closesOn));
    }
}
