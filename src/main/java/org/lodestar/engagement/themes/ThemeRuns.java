package org.lodestar.engagement.themes;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.engagement.OpenComment;
import org.lodestar.engagement.themes.ThemeStore.Assignment;
import org.lodestar.engagement.themes.ThemeStore.RunStatus;
import org.lodestar.engagement.themes.ThemeStore.ThemeRow;
import org.lodestar.insights.InsightsApi;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finding the themes of a comment set, off the request thread: one worker groups the set's comments by meaning
 * ({@link InsightsApi#findThemes}) and then, in one transaction, applies the result to what planners made of the set
 * before:
 *
 * <ul>
 *   <li>a pinned comment (one a planner moved, split off or merged) stays where it is;
 *   <li>each group found is matched to the existing theme that holds most of its comments already; its other comments,
 *       new ones included, join that theme, and a group matching none becomes a new theme;
 *   <li>a theme nobody renamed takes the label of the group matched to it; a renamed theme keeps its name.
 * </ul>
 *
 * The run counts what it changed (new themes, comments added and moved, labels changed, pinned comments kept), and the
 * set's page shows it. The same comments give the same groups, so running again over an unchanged set moves nothing.
 */
@Service
class ThemeRuns {

    /** A set larger than this is refused: grouping 20,000 comments takes about a minute on two cores. */
    static final int MAX_COMMENTS = 20_000;

    static final int MAX_WAITING = 10;

    private static final Logger log = LoggerFactory.getLogger(ThemeRuns.class);

    /** Why a run was not started: no comment, too many, or too many runs waiting. */
    static final class Refused extends RuntimeException {
        final String messageKey;

        Refused(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }
    }

    private final ThemeStore store;
    private final InsightsApi insights;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DirectoryApi directory;
    private final ExecutorService worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(MAX_WAITING), runnable -> {
                Thread thread = new Thread(runnable, "theme-run");
                thread.setDaemon(true);
                return thread;
            });

    ThemeRuns(
            ThemeStore store,
            InsightsApi insights,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            DirectoryApi directory) {
        this.store = store;
        this.insights = insights;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.directory = directory;
    }

    /** Starts finding the themes of a set of the district; returns the run's id. */
    UUID request(UUID districtId, String by, UUID setId) {
        ThemeStore.ThemeSet set = store.set(districtId, setId).orElseThrow(() -> new NotFoundException("set"));
        if (set.comments() == 0) {
            throw new Refused("themes.run.none");
        }
        if (set.comments() > MAX_COMMENTS) {
            throw new Refused("themes.run.tooMany");
        }
        UUID runId = store.addRun(districtId, setId, by, clock.instant());
        try {
            worker.execute(() -> run(districtId, setId, runId, by));
        } catch (RejectedExecutionException full) {
            store.runStatus(districtId, runId, RunStatus.FAILED, 0);
            throw new Refused("themes.run.busy");
        }
        return runId;
    }

    /** Finds the themes in the calling thread (the demo's load); returns whether the run is done. */
    boolean runNow(UUID districtId, String by, UUID setId) {
        store.set(districtId, setId).orElseThrow(() -> new NotFoundException("set"));
        UUID runId = store.addRun(districtId, setId, by, clock.instant());
        run(districtId, setId, runId, by);
        return store.run(districtId, runId)
                .map(r -> r.status() == RunStatus.DONE)
                .orElse(false);
    }

    private void run(UUID districtId, UUID setId, UUID runId, String by) {
        try {
            // a hidden comment is left out: no theme takes a word or a place from it (it keeps the theme it had)
            List<OpenComment> comments = store.comments(districtId, setId).stream()
                    .filter(c -> !c.hidden())
                    .toList();
            if (comments.isEmpty() || comments.size() > MAX_COMMENTS) {
                store.runStatus(districtId, runId, RunStatus.FAILED, comments.size());
                return;
            }
            store.runStatus(districtId, runId, RunStatus.WORKING, comments.size());
            // themes of the district's minimum n on average: a smaller theme's words are shown only to planners
            InsightsApi.FoundThemes found = insights.findThemes(
                    comments.stream()
                            .map(c -> new InsightsApi.ThemeComment(
                                    c.id(),
                                    c.text(),
                                    c.audience() == null ? null : c.audience().name()))
                            .toList(),
                    directory.district(districtId).minimumN());
            transactions.executeWithoutResult(status -> apply(districtId, setId, runId, by, comments, found));
        } catch (RuntimeException failed) {
            log.error("Theme run {} failed", runId, failed);
            store.runStatus(districtId, runId, RunStatus.FAILED, 0);
        }
    }

    private void apply(
            UUID districtId,
            UUID setId,
            UUID runId,
            String by,
            List<OpenComment> comments,
            InsightsApi.FoundThemes found) {
        Map<UUID, Assignment> before = store.assignments(districtId, setId);
        Map<UUID, ThemeRow> themes = new HashMap<>();
        store.themesById(
                        districtId,
                        before.values().stream().map(Assignment::themeId).collect(java.util.stream.Collectors.toSet()))
                .forEach(t -> themes.put(t.id(), t));

        // each group's votes: how many of its comments each existing theme holds already
        Map<Integer, Map<UUID, Integer>> votes = new HashMap<>();
        for (OpenComment comment : comments) {
            Assignment was = before.get(comment.id());
            if (was != null) {
                votes.computeIfAbsent(found.themeOf().get(comment.id()), k -> new HashMap<>())
                        .merge(was.themeId(), 1, Integer::sum);
            }
        }
        Map<Integer, UUID> matched = new HashMap<>();
        votes.forEach((group, counts) -> matched.put(group, winner(counts)));

        Map<Integer, UUID> created = new LinkedHashMap<>();
        Map<UUID, List<UUID>> into = new LinkedHashMap<>();
        int added = 0;
        int moved = 0;
        int pinned = 0;
        for (OpenComment comment : comments) {
            Assignment was = before.get(comment.id());
            if (was != null && was.pinned()) {
                pinned++;
                continue;
            }
            int group = found.themeOf().get(comment.id());
            UUID theme = matched.get(group);
            if (theme == null) {
                theme = created.computeIfAbsent(
                        group, g -> store.addTheme(districtId, setId, label(found, g), clock.instant()));
            }
            if (was == null) {
                added++;
            } else if (!was.themeId().equals(theme)) {
                moved++;
            }
            into.computeIfAbsent(theme, t -> new ArrayList<>()).add(comment.id());
        }
        into.forEach((theme, ids) -> store.assign(districtId, setId, ids, theme, false));

        // a theme nobody renamed takes the label of the group that gave it the most comments
        int relabelled = 0;
        Map<UUID, Integer> bestGroup = new HashMap<>();
        Map<UUID, Integer> bestVotes = new HashMap<>();
        votes.forEach((group, counts) -> {
            UUID theme = matched.get(group);
            int n = counts.getOrDefault(theme, 0);
            if (n > bestVotes.getOrDefault(theme, -1)) {
                bestVotes.put(theme, n);
                bestGroup.put(theme, group);
            }
        });
        for (Map.Entry<UUID, Integer> entry : bestGroup.entrySet()) {
            ThemeRow theme = themes.get(entry.getKey());
            String label = label(found, entry.getValue());
            if (theme != null && !theme.renamed() && !theme.label().equals(label)) {
                store.relabel(districtId, theme.id(), label);
                relabelled++;
            }
        }

        Set<UUID> touched = new HashSet<>(themes.keySet());
        touched.addAll(created.values());
        refreshRepresentatives(districtId, setId, touched);
        int[] counts = {created.size(), added, moved, relabelled, pinned};
        store.finishRun(districtId, runId, clock.instant(), found.choice(), counts);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("history.field.themeComments", AuditValue.number(comments.size()));
        after.put("history.field.themesNew", AuditValue.number(created.size()));
        after.put("history.field.themesMoved", AuditValue.number(moved));
        after.put("history.field.themesRelabelled", AuditValue.number(relabelled));
        String title =
                store.set(districtId, setId).map(ThemeStore.ThemeSet::title).orElse("");
        events.publishEvent(AuditableChange.updated(districtId, by, "ThemeSet", setId, title, Map.of(), after));
    }

    /**
     * Works out a theme's label again from the comments it shows, hidden ones left out, unless a planner renamed it: the
     * set's themes' visible comments are labelled together as a run labels its groups (c-TF-IDF), so a word found only
     * in a hidden comment leaves the label. Returns whether the label changed.
     */
    boolean relabelFromVisible(UUID districtId, UUID setId, UUID themeId) {
        ThemeRow theme = store.theme(districtId, themeId).orElse(null);
        if (theme == null || theme.renamed()) {
            return false;
        }
        Map<UUID, Assignment> assignments = store.assignments(districtId, setId);
        Map<UUID, List<String>> texts = new LinkedHashMap<>();
        texts.put(themeId, new ArrayList<>());
        for (OpenComment comment : store.comments(districtId, setId)) {
            Assignment assignment = assignments.get(comment.id());
            if (!comment.hidden() && assignment != null) {
                texts.computeIfAbsent(assignment.themeId(), t -> new ArrayList<>())
                        .add(comment.text());
            }
        }
        String label = texts.get(themeId).isEmpty()
                ? HIDDEN_ONLY
                : insights.themeLabels(List.copyOf(texts.values())).get(0);
        if (label.equals(theme.label())) {
            return false;
        }
        store.relabel(districtId, themeId, label);
        return true;
    }

    /** The label of a theme whose every comment is hidden: no word of theirs may show. */
    static final String HIDDEN_ONLY = "(hidden comments)";

    /** The theme holding most of a group's comments; on a tie the one of the smaller id, so runs agree. */
    private static UUID winner(Map<UUID, Integer> counts) {
        return counts.entrySet().stream()
                .max(Comparator.comparing((Map.Entry<UUID, Integer> e) -> e.getValue())
                        .thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                .orElseThrow()
                .getKey();
    }

    private static String label(InsightsApi.FoundThemes found, int group) {
        String label = found.themes().get(group - 1).label();
        return label.isBlank() ? "#" + group : label;
    }

    /**
     * Each theme's three most representative comments: those of distinct texts nearest the centre of its comments'
     * meanings, hidden ones left out (a hidden comment is shown to nobody).
     */
    void refreshRepresentatives(UUID districtId, UUID setId, Collection<UUID> themeIds) {
        if (themeIds.isEmpty()) {
            return;
        }
        Map<UUID, Assignment> assignments = store.assignments(districtId, setId);
        Map<UUID, List<OpenComment>> shown = new LinkedHashMap<>();
        themeIds.forEach(id -> shown.put(id, new ArrayList<>()));
        for (OpenComment comment : store.comments(districtId, setId)) {
            Assignment assignment = assignments.get(comment.id());
            if (!comment.hidden() && assignment != null && shown.containsKey(assignment.themeId())) {
                shown.get(assignment.themeId()).add(comment);
            }
        }
        List<String> texts = shown.values().stream()
                .flatMap(List::stream)
                .map(OpenComment::text)
                .distinct()
                .toList();
        Map<String, float[]> meaning = new HashMap<>();
        if (!texts.isEmpty()) {
            List<float[]> vectors = insights.meanings(texts);
            for (int i = 0; i < texts.size(); i++) {
                meaning.put(texts.get(i), vectors.get(i));
            }
        }
        shown.forEach((themeId, members) -> store.representatives(districtId, themeId, nearest(members, meaning)));
    }

    private static List<UUID> nearest(List<OpenComment> members, Map<String, float[]> meaning) {
        if (members.isEmpty()) {
            return List.of();
        }
        int dimensions = meaning.get(members.get(0).text()).length;
        double[] centre = new double[dimensions];
        for (OpenComment member : members) {
            float[] vector = meaning.get(member.text());
            for (int d = 0; d < dimensions; d++) {
                centre[d] += vector[d];
            }
        }
        List<OpenComment> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingDouble((OpenComment c) -> -dot(meaning.get(c.text()), centre))
                .thenComparing(c -> c.id().toString()));
        List<UUID> chosen = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (OpenComment comment : sorted) {
            if (chosen.size() == 3) {
                break;
            }
            if (said.add(comment.text()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}]+", " ")
                    .strip())) {
                chosen.add(comment.id());
            }
        }
        return chosen;
    }

    private static double dot(float[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    /**
     * At start-up, the runs a stop of the application left waiting or working (their worker is gone) are marked failed,
     * interrupted, and the set's page says so ("run it again"). Not run again by themselves: a run that stopped the
     * application (memory, say) would stop it again, and the planner may have moved comments since. In a cluster a node
     * that starts while another works marks that run too; its result still lands and the run then shows as done.
     */
    @EventListener(ApplicationReadyEvent.class)
    int interruptLeftRuns() {
        int interrupted = 0;
        for (UUID districtId : store.districtsWithUnfinishedRuns()) {
            interrupted += store.interruptUnfinishedRuns(districtId, clock.instant());
        }
        if (interrupted > 0) {
            log.warn("{} theme runs left waiting or working by a restart were marked interrupted", interrupted);
        }
        return interrupted;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
