package org.lodestar.engagement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.engagement.surveys.SurveySamples;
import org.springframework.stereotype.Service;

/**
 * The engagement module's facade: conversations, surveys, comments and themes. Every method is bound to a district;
 * comments are personal data, so callers check the reader is a planner or an admin.
 */
@Service
public class EngagementApi {

    private final OpenComments comments;
    private final SurveySamples surveys;

    EngagementApi(OpenComments comments, SurveySamples surveys) {
        this.comments = comments;
        this.surveys = surveys;
    }

    /** The given comments of the district, hidden ones included. */
    public List<OpenComment> comments(UUID districtId, Collection<UUID> commentIds) {
        return comments.byIds(districtId, commentIds);
    }

    // --- conversations (helper conversations adds below this line) ---

    // --- surveys (helper surveys adds below this line) ---

    /** Builds a survey with its questions (planners and admins), opened at once when asked; its id. */
    public UUID addSurvey(SignedInUser user, SurveySetup setup, List<SurveyQuestionSetup> questions, boolean open) {
        return surveys.build(user, setup, questions, open);
    }

    /** Enters responses of a sample district's survey (the demo), checked as the public form's; how many. */
    public int addSampleResponses(SignedInUser user, UUID surveyId, List<SurveySampleResponse> responses) {
        return surveys.addSampleResponses(user, surveyId, responses);
    }

    // --- themes and "you said, we did" (helper themes adds below this line) ---
}
