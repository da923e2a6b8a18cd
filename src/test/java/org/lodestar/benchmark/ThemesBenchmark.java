package org.lodestar.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lodestar.insights.similarity.SentenceModel;
import org.lodestar.insights.themes.Agreement;
import org.lodestar.insights.themes.Comment;
import org.lodestar.insights.themes.NhsFft;
import org.lodestar.insights.themes.TfIdf;
import org.lodestar.insights.themes.ThemeDiscovery;
import org.lodestar.insights.themes.Themes;

/**
 * Not a test: the theme discovery of the first {@value #COMMENTS} NHS Friends and Family Test comments
 * ({@code ../shared/data/comments/nhs-fft/}), from a cold start (the sentence model loaded, every distinct text
 * embedded, the number of themes chosen by silhouette, spectral clustering), printing the seconds, the peak heap and the process'
 * peak resident memory (the model runs in native memory, outside the heap). Then, on all the comments, the agreement
 * with the staff's 9 labels at 9 themes, for the sentence vectors and for the TF-IDF baseline. Run it with the command
 * in README.
 */
public final class ThemesBenchmark {

    static final int COMMENTS = 10_000;

    private ThemesBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<NhsFft.Coded> all = NhsFft.all();
        List<Comment> comments =
                all.stream().limit(COMMENTS).map(NhsFft.Coded::comment).toList();
        System.out.printf(
                Locale.ROOT,
                "%,d comments, %d cores, load average %s%n",
                comments.size(),
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        SentenceModel model = new SentenceModel();
        long[] embedding = new long[1];
        ThemeDiscovery discovery = new ThemeDiscovery(texts -> {
            long started = System.nanoTime();
            List<float[]> vectors = model.embed(texts);
            embedding[0] += System.nanoTime() - started;
            return vectors;
        });
        long start = System.nanoTime();
        Themes themes = discovery.discover(comments);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "themes of %,d comments: %.1f s from a cold start; peak heap %d MB; peak resident %d MB%n",
                comments.size(),
                seconds,
                peakHeapMegabytes(),
                peakResidentMegabytes());
        System.out.printf(
                Locale.ROOT,
                "of which %.1f s loading the model and embedding the %,d distinct texts, %.1f s choosing k, clustering"
                        + " and labelling%n",
                embedding[0] / 1e9,
                themes.choice().sample() > 0 ? distinct(comments) : 0,
                seconds - embedding[0] / 1e9);
        System.out.println(themes.choice().describe());
        themes.themes()
                .forEach(theme -> System.out.printf(
                        Locale.ROOT,
                        "  %2d %5d  %s  | %s%n",
                        theme.number(),
                        theme.size(),
                        theme.label(),
                        theme.representatives().get(0).text()));

        List<Comment> every = all.stream().map(NhsFft.Coded::comment).toList();
        List<String> labels = all.stream().map(NhsFft.Coded::label).toList();
        long labelled = labels.stream().distinct().count();
        start = System.nanoTime();
        Themes found = discovery.discover(every, (int) labelled);
        double modelSeconds = (System.nanoTime() - start) / 1e9;
        Themes baseline = ThemeDiscovery.kMeansBaseline(TfIdf::vectors).discover(every, (int) labelled);
        Agreement ours = Agreement.of(
                labels, every.stream().map(c -> found.themeOf().get(c.id())).toList());
        Agreement plain = Agreement.of(
                labels, every.stream().map(c -> baseline.themeOf().get(c.id())).toList());
        System.out.printf(
                Locale.ROOT,
                "all %,d comments at %d themes (%.1f s, model loaded): adjusted Rand %.3f, majority share %.3f,"
                        + " matched share %.3f; TF-IDF baseline: adjusted Rand %.3f, majority share %.3f,"
                        + " matched share %.3f%n",
                every.size(),
                labelled,
                modelSeconds,
                ours.adjustedRand(),
                ours.majorityShare(),
                ours.matchedShare(),
                plain.adjustedRand(),
                plain.majorityShare(),
                plain.matchedShare());
    }

    private static long distinct(List<Comment> comments) {
        return comments.stream()
                .map(comment -> comment.text()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .strip())
                .distinct()
                .count();
    }

    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    /** VmHWM of /proc/self/status: the most memory the process ever held, heap and native. */
    private static long peakResidentMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }
}
