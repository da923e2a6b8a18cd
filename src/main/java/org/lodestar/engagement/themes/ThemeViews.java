package org.lodestar.engagement.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.engagement.OpenComment;
import org.lodestar.shared.Suppression;
import org.springframework.stereotype.Component;

/**
 * A set's themes as its page and its CSV show them: for planners every theme with its representative comments, its
 * comments (the first {@value #LISTED}), audience shares, links and "you said, we did" entries; for a school's leader
 * the aggregates alone.
 */
@Component
class ThemeViews {

    /** Comments listed under a theme for moving and splitting; the rest are counted. */
    static final int LISTED = 100;

    private final ThemeStore store;
    private final ThemeLinks links;
    private final YouSaidStore entries;
    private final DirectoryApi directory;

    ThemeViews(ThemeStore store, ThemeLinks links, YouSaidStore entries, DirectoryApi directory) {
        this.store = store;
        this.links = links;
        this.entries = entries;
        this.directory = directory;
    }

    public record CommentView(
            UUID id, String text, String source, String audience, String language, boolean hidden, boolean pinned) {}

    public record LinkView(UUID id, String title) {}

    public record ThemeView(
            UUID id,
            String label,
            int size,
            int version,
            boolean renamed,
            List<CommentView> representatives,
            Map<String, Integer> audiencePercents,
            Map<String, Integer> audienceCounts,
            boolean sharesSuppressed,
            List<CommentView> comments,
            int notListed,
            List<LinkView> needs,
            List<LinkView> items,
            List<YouSaidStore.Entry> entries) {}

    /**
     * The themes as a school's leader sees them: label (none for a theme of a few comments, {@link #shownLabel}), size,
     * audience shares and links; no comment (neither quoted nor listed) and no "you said, we did" draft, so that no
     * template can show one. An audience's share is a count of people's comments: one from fewer than the district's minimum n is not shown, nor one that would give it away
     * (complementary suppression, as survey results by audience).
     */
    List<ThemeView> aggregates(UUID districtId, UUID setId) {
        int minimumN = directory.district(districtId).minimumN();
        return themes(districtId, setId).stream()
                .map(t -> {
                    int named = t.audienceCounts().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum();
                    java.util.Set<String> hidden = Suppression.hiddenCells(
                            minimumN,
                            true,
                            named,
                            t.audienceCounts(),
                            List.of(List.copyOf(t.audienceCounts().keySet())));
                    Map<String, Integer> shown = new LinkedHashMap<>(t.audiencePercents());
                    shown.keySet().removeAll(hidden);
                    return new ThemeView(
                            t.id(),
                            shownLabel(t.label(), t.renamed(), t.size(), minimumN),
                            t.size(),
                            t.version(),
                            t.renamed(),
                            List.of(),
                            shown,
                            Map.of(),
                            !hidden.isEmpty(),
                            List.of(),
                            0,
                            t.needs(),
                            t.items(),
                            List.of());
                })
                .toList();
    }

    /**
     * A theme's label where people who do not read the comments see it: none (null) for a theme of fewer comments than
     * the district's minimum n that no planner named, since its words would be the words of those few comments.
     */
    static String shownLabel(String label, boolean renamed, int size, int minimumN) {
        return renamed || size >= minimumN ? label : null;
    }

    List<ThemeView> themes(UUID districtId, UUID setId) {
        List<ThemeStore.ThemeRow> rows = store.themes(districtId, setId);
        Map<UUID, OpenComment> comments = new LinkedHashMap<>();
        store.comments(districtId, setId).forEach(c -> comments.put(c.id(), c));
        Map<UUID, ThemeStore.Assignment> assignments = store.assignments(districtId, setId);
        Map<UUID, List<OpenComment>> members = new HashMap<>();
        assignments.values().forEach(a -> {
            OpenComment comment = comments.get(a.commentId());
            if (comment != null) {
                members.computeIfAbsent(a.themeId(), t -> new ArrayList<>()).add(comment);
            }
        });
        List<UUID> ids = rows.stream().map(ThemeStore.ThemeRow::id).toList();
        Map<UUID, String> needTitles = links.needsOfDistrict(districtId);
        Map<UUID, String> itemTitles = links.itemsOfAllPlans(districtId);
        Map<UUID, List<LinkView>> needsOf = new HashMap<>();
        Map<UUID, List<LinkView>> itemsOf = new HashMap<>();
        for (ThemeStore.Link link : store.linksOf(districtId, ids)) {
            boolean need = ThemeLinks.NEED.equals(link.kind());
            String title = (need ? needTitles : itemTitles).get(link.targetId());
            (need ? needsOf : itemsOf)
                    .computeIfAbsent(link.themeId(), t -> new ArrayList<>())
                    .add(new LinkView(link.targetId(), title == null ? "?" : title));
        }
        Map<UUID, List<YouSaidStore.Entry>> entriesOf = new HashMap<>();
        entries.ofThemes(districtId, ids)
                .forEach(e -> entriesOf
                        .computeIfAbsent(e.themeId(), t -> new ArrayList<>())
                        .add(e));
        List<ThemeView> views = new ArrayList<>();
        for (ThemeStore.ThemeRow row : rows) {
            List<OpenComment> of = members.getOrDefault(row.id(), List.of());
            Map<String, Integer> counts = new TreeMap<>();
            of.stream()
                    .filter(c -> c.audience() != null)
                    .forEach(c -> counts.merge(c.audience().name(), 1, Integer::sum));
            int named = counts.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, Integer> percents = new LinkedHashMap<>();
            counts.forEach((audience, n) -> percents.put(audience, (int) Math.round(100.0 * n / named)));
            List<CommentView> representatives = row.representatives().stream()
                    .map(comments::get)
                    .filter(c -> c != null && !c.hidden())
                    .map(c -> view(c, assignments))
                    .toList();
            views.add(new ThemeView(
                    row.id(),
                    row.label(),
                    row.size(),
                    row.version(),
                    row.renamed(),
                    representatives,
                    percents,
                    counts,
                    false,
                    of.stream().limit(LISTED).map(c -> view(c, assignments)).toList(),
                    Math.max(0, of.size() - LISTED),
                    needsOf.getOrDefault(row.id(), List.of()),
                    itemsOf.getOrDefault(row.id(), List.of()),
                    entriesOf.getOrDefault(row.id(), List.of())));
        }
        return views;
    }

    /** A comment as planners see it; a hidden one without its text. */
    private static CommentView view(OpenComment c, Map<UUID, ThemeStore.Assignment> assignments) {
        ThemeStore.Assignment a = assignments.get(c.id());
        return new CommentView(
                c.id(),
                c.hidden() ? null : c.text(),
                c.source().name(),
                c.audience() == null ? null : c.audience().name(),
                c.language(),
                c.hidden(),
                a != null && a.pinned());
    }
}
