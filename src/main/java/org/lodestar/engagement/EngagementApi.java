package org.lodestar.engagement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.engagement.themes.ThemeOperations;
import org.lodestar.planning.Consultation;
import org.springframework.stereotype.Service;

/**
 * The engagement module's facade: conversations, surveys, comments and themes. Every method is bound to a district;
 * comments are personal data, so callers check the reader is a planner or an admin.
 */
@Service
public class EngagementApi {

    private final OpenComments comments;
    private final ThemeOperations themes;

    EngagementApi(OpenComments comments, ThemeOperations themes) {
        this.comments = comments;
        this.themes = themes;
    }

    /** The given comments of the district, hidden ones included. */
    public List<OpenComment> comments(UUID districtId, Collection<UUID> commentIds) {
        return comments.byIds(districtId, commentIds);
    }

    // --- conversations (helper conversations adds below this line) ---

    // --- surveys (helper surveys adds below this line) ---

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
