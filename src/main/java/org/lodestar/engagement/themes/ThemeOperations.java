package org.lodestar.engagement.themes;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.ThemeSummary;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * What the module's facade offers of themes (comment sets, finding themes, edits, "you said, we did"), so that the
 * facade reaches this package's parts through one door. The same rules as the pages: planners and admins only.
 */
@Service
public class ThemeOperations {

    private final ThemeStore store;
    private final ThemeRuns runs;
    private final ThemeEdits edits;
    private final YouSaidEdits youSaid;
    private final YouSaidStore entries;

    ThemeOperations(ThemeStore store, ThemeRuns runs, ThemeEdits edits, YouSaidEdits youSaid, YouSaidStore entries) {
        this.store = store;
        this.runs = runs;
        this.edits = edits;
        this.youSaid = youSaid;
        this.entries = entries;
    }

    public UUID paste(
            SignedInUser user, String title, Consultation.Audience audience, String language, List<String> texts) {
        return edits.paste(user, title, audience, language, texts);
    }

    public UUID paste(
            SignedInUser user, String title, String language, java.util.Map<String, Consultation.Audience> comments) {
        return edits.pasteEach(user, title, language, List.copyOf(comments.keySet()), comments);
    }

    public UUID newSet(SignedInUser user, String title, CommentSource source, Collection<UUID> sourceIds) {
        return edits.newSet(
                user,
                title,
                sourceIds.stream().map(id -> new ThemeStore.Source(source, id)).toList());
    }

    /** Each survey of the district that has open comments, with how many, most first. */
    public java.util.Map<UUID, Integer> surveysWithComments(UUID districtId) {
        java.util.Map<UUID, Integer> surveys = new java.util.LinkedHashMap<>();
        store.commentSources(districtId).stream()
                .filter(s -> s.source() == CommentSource.SURVEY)
                .sorted(java.util.Comparator.comparingInt(ThemeStore.SourceCount::comments)
                        .reversed())
                .forEach(s -> surveys.put(s.sourceId(), s.comments()));
        return surveys;
    }

    public UUID findInBackground(SignedInUser user, UUID setId) {
        ThemeEdits.mayRead(user);
        return runs.request(user.districtId(), user.email(), setId);
    }

    public boolean findNow(SignedInUser user, UUID setId) {
        ThemeEdits.mayRead(user);
        return runs.runNow(user.districtId(), user.email(), setId);
    }

    public List<ThemeSummary> themes(UUID districtId, UUID setId) {
        store.set(districtId, setId).orElseThrow(() -> new NotFoundException("set"));
        return store.themes(districtId, setId).stream()
                .map(t -> new ThemeSummary(t.id(), t.setId(), t.label(), t.size(), t.representatives(), t.version()))
                .toList();
    }

    public void rename(SignedInUser user, UUID themeId, String label, int version) {
        edits.rename(user, themeId, label, version);
    }

    public void link(SignedInUser user, UUID themeId, UUID targetId, boolean need) {
        edits.link(user, themeId, need ? ThemeLinks.NEED : ThemeLinks.ITEM, targetId, true);
    }

    public UUID writeYouSaid(
            SignedInUser user,
            UUID themeId,
            String heardEn,
            String heardEs,
            String didEn,
            String didEs,
            UUID quoteId,
            List<UUID> itemIds) {
        return youSaid.save(
                user,
                themeId,
                new YouSaidStore.Entry(
                        null, themeId, heardEn, heardEs, didEn, didEs, quoteId, List.copyOf(itemIds), false, null, 0));
    }

    public void publishYouSaid(SignedInUser user, UUID entryId, boolean published) {
        int version = entries.entry(user.districtId(), entryId)
                .orElseThrow(() -> new NotFoundException("entry"))
                .version();
        youSaid.publish(user, entryId, published, version);
    }
}
