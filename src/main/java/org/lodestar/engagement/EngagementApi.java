package org.lodestar.engagement;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.conversations.ConversationStore;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.engagement.surveys.SurveySamples;
import org.lodestar.needs.CnaArea;
import org.lodestar.planning.Consultation;
import org.springframework.stereotype.Service;

/**
 * The engagement module's facade: conversations, surveys, comments and themes. Every method is bound to a district;
 * comments are personal data, so callers check the reader is a planner or an admin.
 */
@Service
public class EngagementApi {

    private final OpenComments comments;
    private final SurveySamples surveys;
    private final ConversationStore conversations;

    EngagementApi(OpenComments comments, SurveySamples surveys, ConversationStore conversations) {
        this.comments = comments;
        this.surveys = surveys;
        this.conversations = conversations;
    }

    /** The given comments of the district, hidden ones included. */
    public List<OpenComment> comments(UUID districtId, Collection<UUID> commentIds) {
        return comments.byIds(districtId, commentIds);
    }

    // --- conversations (helper conversations adds below this line) ---

    /**
     * Plans the staged conversation of a needs assessment with the default stages (present the data, talk about ideas,
     * decide) named in the given language, or finds the one planned already; returns its stages' ids in their order.
     */
    public List<UUID> planConversation(SignedInUser user, UUID assessmentId, Locale locale) {
        ConversationStore.Conversation conversation = conversations.start(user, assessmentId, locale);
        return conversations.sessions(user.districtId(), conversation.id()).stream()
                .map(ConversationStore.Session::id)
                .toList();
    }

    /** Sets when, where and for whom a stage's session is held and the areas its data pack shows. */
    public void planSession(
            SignedInUser user,
            UUID sessionId,
            String title,
            LocalDateTime heldAt,
            boolean online,
            String place,
            List<Consultation.Audience> audiences,
            List<CnaArea> areas) {
        ConversationStore.Session session =
                conversations.session(user, sessionId).session();
        conversations.changeSession(
                user,
                sessionId,
                new ConversationStore.SessionChange(
                        session.stage(), title, online, heldAt, place, audiences, areas, session.metricIds()),
                session.version());
    }

    /** Records how many of each audience came to a session. */
    public void recordAttendance(SignedInUser user, UUID sessionId, Map<Consultation.Audience, Integer> counts) {
        ConversationStore.Session session =
                conversations.session(user, sessionId).session();
        conversations.recordAttendance(user, sessionId, counts, session.version());
    }

    /** Records a note (or, {@code idea}, an idea) of a session, attached to needs of the assessment. */
    public UUID recordSessionNote(SignedInUser user, UUID sessionId, boolean idea, String text, List<UUID> needIds) {
        return conversations.addEntry(
                user,
                sessionId,
                idea ? ConversationStore.Kind.IDEA : ConversationStore.Kind.NOTE,
                text,
                needIds,
                null,
                "en");
    }

    /** Records a comment heard at a session, kept also as an open comment (source SESSION) for themes. */
    public UUID recordCommentHeard(
            SignedInUser user,
            UUID sessionId,
            Consultation.Audience audience,
            String language,
            String text,
            List<UUID> needIds) {
        return conversations.addEntry(
                user, sessionId, ConversationStore.Kind.COMMENT, text, needIds, audience, language);
    }

    /** Records a session's decision that becomes a new action under a goal; returns the action's id. */
    public UUID decideNewAction(
            SignedInUser user,
            UUID sessionId,
            String decision,
            String decidedBy,
            LocalDate decidedOn,
            UUID goalId,
            String actionTitle) {
        return conversations.decideNewAction(user, sessionId, decision, decidedBy, decidedOn, goalId, actionTitle);
    }

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
