package org.lodestar.engagement.themes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.OpenComment;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.engagement.themes.ThemeStore.Assignment;
import org.lodestar.engagement.themes.ThemeStore.ThemeRow;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What planners do to comment sets and their themes: paste comments, rename, merge, split, move, hide a comment, link a
 * theme to needs and plan items. Only planners and admins of the district (comments are personal data); a theme or
 * comment of another district is not found. Every edit names the theme's version read (a stale one is refused), pins
 * the comments it places, and is recorded in the audit log.
 */
@Service
@Transactional
class ThemeEdits {

    static final int MAX_LABEL = 200;

    private final ThemeStore store;
    private final OpenComments comments;
    private final ThemeRuns runs;
    private final YouSaidStore entries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ThemeScope scope;

    ThemeEdits(
            ThemeStore store,
            OpenComments comments,
            ThemeRuns runs,
            YouSaidStore entries,
            ApplicationEventPublisher events,
            Clock clock,
            ThemeScope scope) {
        this.store = store;
        this.comments = comments;
        this.runs = runs;
        this.entries = entries;
        this.events = events;
        this.clock = clock;
        this.scope = scope;
    }

    static void mayRead(SignedInUser user) {
        ForbiddenException.unless(user.canPlanForDistrict());
    }

    /** Saves pasted comments as one batch and makes a set of them; returns the set's id. */
    UUID paste(SignedInUser user, String title, Consultation.Audience audience, String language, List<String> texts) {
        Map<String, Consultation.Audience> audiences = new LinkedHashMap<>();
        texts.forEach(text -> audiences.put(text, audience));
        return pasteEach(user, title, language, texts, audiences);
    }

    /** The same, each text with its own audience (null: unknown); a text given twice is saved twice. */
    UUID pasteEach(
            SignedInUser user,
            String title,
            String language,
            List<String> texts,
            Map<String, Consultation.Audience> audiences) {
        mayRead(user);
        UUID batch = Ids.next();
        Instant now = clock.instant();
        List<OpenComment> pasted = new ArrayList<>();
        for (String text : texts) {
            pasted.add(new OpenComment(
                    Ids.next(), CommentSource.PASTED, batch, audiences.get(text), language, text, false, now));
        }
        comments.add(user.districtId(), pasted);
        UUID setId = store.addSet(
                user.districtId(),
                title,
                user.email(),
                now,
                List.of(new ThemeStore.Source(CommentSource.PASTED, batch)));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("history.field.title", AuditValue.text(title));
        after.put("history.field.themeComments", AuditValue.number(texts.size()));
        events.publishEvent(AuditableChange.created(user.districtId(), user.email(), "ThemeSet", setId, title, after));
        return setId;
    }

    /**
     * Makes a set of the comments of surveys and sessions (a conversation's sessions, say); its id. Planners may choose
     * any of the district's; a school's leader only those of one school of theirs ({@link ThemeScope#mayMakeSetOf}),
     * else 403.
     *
     * @throws IllegalArgumentException without a source
     */
    UUID newSet(SignedInUser user, String title, Collection<ThemeStore.Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a comment set needs at least one survey or session");
        }
        ForbiddenException.unless(scope.mayMakeSetOf(user, sources));
        UUID setId = store.addSet(user.districtId(), title, user.email(), clock.instant(), sources);
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                "ThemeSet",
                setId,
                title,
                Map.of("history.field.title", AuditValue.text(title))));
        return setId;
    }

    void rename(SignedInUser user, UUID themeId, String label, int version) {
        ThemeRow theme = theme(user, themeId);
        store.rename(user.districtId(), themeId, label, version);
        audit(
                user,
                theme,
                Map.of("history.field.themeLabel", AuditValue.text(theme.label())),
                Map.of("history.field.themeLabel", AuditValue.text(label)));
    }

    /** Every comment of {@code fromId} goes to {@code intoId}, pinned; the merged theme's links follow, then it goes. */
    void merge(SignedInUser user, UUID fromId, int fromVersion, UUID intoId, int intoVersion) {
        ThemeRow from = theme(user, fromId);
        ThemeRow into = theme(user, intoId);
        if (from.id().equals(into.id()) || !from.setId().equals(into.setId())) {
            throw new NotFoundException("theme");
        }
        store.touch(user.districtId(), fromId, fromVersion);
        store.touch(user.districtId(), intoId, intoVersion);
        store.moveAll(user.districtId(), fromId, intoId);
        store.moveLinks(user.districtId(), fromId, intoId);
        entries.moveEntries(user.districtId(), fromId, intoId);
        store.deleteTheme(user.districtId(), fromId);
        runs.refreshRepresentatives(user.districtId(), into.setId(), List.of(intoId));
        audit(
                user,
                into,
                Map.of("history.field.themeMerged", AuditValue.text(from.label())),
                Map.of("history.field.themeSize", AuditValue.number(from.size() + into.size())));
    }

    /** The chosen comments of a theme become a new theme of their own, pinned; returns its id. */
    UUID split(SignedInUser user, UUID themeId, int version, Collection<UUID> commentIds, String label) {
        ThemeRow theme = theme(user, themeId);
        Map<UUID, Assignment> assignments = store.assignments(user.districtId(), theme.setId());
        List<UUID> chosen = commentIds.stream()
                .distinct()
                .filter(id -> assignments.containsKey(id)
                        && assignments.get(id).themeId().equals(themeId))
                .toList();
        if (chosen.isEmpty() || chosen.size() != commentIds.stream().distinct().count()) {
            throw new NotFoundException("comment");
        }
        store.touch(user.districtId(), themeId, version);
        UUID created = store.addTheme(user.districtId(), theme.setId(), label, clock.instant());
        store.rename(user.districtId(), created, label, 0);
        store.assign(user.districtId(), theme.setId(), chosen, created, true);
        runs.refreshRepresentatives(user.districtId(), theme.setId(), List.of(themeId, created));
        audit(
                user,
                theme,
                Map.of("history.field.themeSize", AuditValue.number(theme.size())),
                Map.of(
                        "history.field.themeSplit", AuditValue.text(label),
                        "history.field.themeSize", AuditValue.number(theme.size() - chosen.size())));
        return created;
    }

    /** A comment of a theme goes to another theme of its set, pinned. */
    void move(SignedInUser user, UUID themeId, int version, UUID commentId, UUID toThemeId) {
        ThemeRow theme = theme(user, themeId);
        ThemeRow to = theme(user, toThemeId);
        Assignment assignment = store.assignment(user.districtId(), theme.setId(), commentId)
                .filter(a -> a.themeId().equals(themeId))
                .orElseThrow(() -> new NotFoundException("comment"));
        if (!to.setId().equals(theme.setId()) || to.id().equals(theme.id())) {
            throw new NotFoundException("theme");
        }
        store.touch(user.districtId(), themeId, version);
        store.assign(user.districtId(), theme.setId(), List.of(assignment.commentId()), toThemeId, true);
        runs.refreshRepresentatives(user.districtId(), theme.setId(), List.of(themeId, toThemeId));
        audit(
                user,
                theme,
                Map.of("history.field.themeSize", AuditValue.number(theme.size())),
                Map.of(
                        "history.field.themeMovedTo", AuditValue.text(to.label()),
                        "history.field.themeSize", AuditValue.number(theme.size() - 1)));
    }

    /**
     * Hides a comment of a set (it names a student, say) or shows it again: it is kept and counted, but shown to nobody,
     * and no longer a representative; its theme's label is worked out again from the comments it shows (unless a planner
     * renamed it), so no word of the hidden comment stays in it. The audit names the set, never the comment's text.
     */
    void hide(SignedInUser user, UUID setId, UUID commentId, boolean hidden) {
        mayRead(user);
        ThemeStore.ThemeSet set = store.set(user.districtId(), setId).orElseThrow(() -> new NotFoundException("set"));
        boolean ofSet = store.comments(user.districtId(), setId).stream().anyMatch(c -> c.id().equals(commentId));
        if (!ofSet || !comments.setHidden(user.districtId(), commentId, hidden, user.email())) {
            throw new NotFoundException("comment");
        }
        store.assignment(user.districtId(), setId, commentId).ifPresent(a -> {
            runs.refreshRepresentatives(user.districtId(), setId, List.of(a.themeId()));
            runs.relabelFromVisible(user.districtId(), setId, a.themeId());
        });
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "OpenComment",
                commentId,
                set.title(),
                Map.of("history.field.commentHidden", AuditValue.yesNo(!hidden)),
                Map.of("history.field.commentHidden", AuditValue.yesNo(hidden))));
    }

    /**
     * Links a theme to a need ({@code NEED}) or a goal or action ({@code ITEM}), or removes the link: a planner, or the
     * leader of the school the theme's set is of (the caller checks the target is theirs to link to).
     */
    void link(SignedInUser user, UUID themeId, String kind, UUID targetId, boolean linked) {
        ThemeScope.mayReadAggregates(user);
        ThemeRow theme = store.theme(user.districtId(), themeId).orElseThrow(() -> new NotFoundException("theme"));
        scope.set(user, theme.setId());
        if (linked) {
            store.link(user.districtId(), themeId, kind, targetId, user.email());
        } else {
            store.unlink(user.districtId(), themeId, kind, targetId);
        }
        audit(
                user,
                theme,
                Map.of(),
                Map.of(
                        linked ? "history.field.themeLinked" : "history.field.themeUnlinked",
                        AuditValue.text(kind + " " + targetId)));
    }

    private ThemeRow theme(SignedInUser user, UUID themeId) {
        mayRead(user);
        return store.theme(user.districtId(), themeId).orElseThrow(() -> new NotFoundException("theme"));
    }

    private void audit(SignedInUser user, ThemeRow theme, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(AuditableChange.updated(
                user.districtId(), user.email(), "Theme", theme.id(), theme.label(), before, after));
    }
}
