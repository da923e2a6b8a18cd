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
import org.lodestar.engagement.themes.ThemeOperations;
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
    private final ThemeOperations themes; // issue 11: themes

    EngagementApi(
            OpenComments comments,
            SurveySamples surveys,
            ConversationStore conversations,
            ThemeOperations themes) { // issue 11: themes
        this.comments = comments;
        this.surveys = surveys;
        this.conversations = conversations;
        this.themes = themes; // issue 11: themes
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

    /** Saves pasted comments (each a non-blank text of at most 4,000 characters) as a new comment set; its id. */
    public UUID pasteComments(
            SignedInUser user, String title, Consultation.Audience audience, String language, List<String> texts) {
        return themes.paste(user, title, audience, language, texts);
    }

    /** Saves pasted comments, each with its audience (null when unknown), as a new comment set; its id. */
    public UUID pasteComments(
            SignedInUser user, String title, String language, java.util.Map<String, Consultation.Audience> comments) {
        return themes.paste(user, title, language, comments);
    }

    /** A new comment set over the comments of surveys or sessions (a conversation's, say); its id. */
    public UUID commentSet(SignedInUser user, String title, CommentSource source, Collection<UUID> sourceIds) {
        return themes.newSet(user, title, source, sourceIds);
    }

    /** Each survey of the district that has open comments, by id, with how many, most first. */
    public java.util.Map<UUID, Integer> surveysWithComments(UUID districtId) {
        return themes.surveysWithComments(districtId);
    }

    /** Starts finding a set's themes off the request thread; the run's id (its page follows the progress). */
    public UUID findThemes(SignedInUser user, UUID setId) {
        return themes.findInBackground(user, setId);
    }

    /** Finds a set's themes in the calling thread (the demo); whether it succeeded. */
    public boolean findThemesNow(SignedInUser user, UUID setId) {
        return themes.findNow(user, setId);
    }

    /** The themes of a set, largest first. */
    public List<ThemeSummary> themes(UUID districtId, UUID setId) {
        return themes.themes(districtId, setId);
    }

    public void renameTheme(SignedInUser user, UUID themeId, String label, int version) {
        themes.rename(user, themeId, label, version);
    }

    /** Links a theme to a need ({@code need}) or to a goal or action of a plan. */
    public void linkTheme(SignedInUser user, UUID themeId, UUID targetId, boolean need) {
        themes.link(user, themeId, targetId, need);
    }

    /** Writes a "you said, we did" entry of a theme (not published yet); its id. */
    public UUID writeYouSaid(
            SignedInUser user,
            UUID themeId,
            String heardEn,
            String heardEs,
            String didEn,
            String didEs,
            UUID quoteId,
            List<UUID> itemIds) {
        return themes.writeYouSaid(user, themeId, heardEn, heardEs, didEn, didEs, quoteId, itemIds);
    }

    public void publishYouSaid(SignedInUser user, UUID entryId, boolean published) {
        themes.publishYouSaid(user, entryId, published);
    }
}
