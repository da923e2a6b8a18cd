package org.lodestar.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.lodestar.LodestarApplication;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.insights.InsightsApi;
import org.lodestar.insights.SimilarPair;
import org.lodestar.insights.Text;
import org.lodestar.insights.similarity.SentenceModel;
import org.lodestar.insights.similarity.SimilarityScan;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.FrameworkEntry;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.domain.ActionOverlaps;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.support.ImportDistrict;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: a district of {@value #SCHOOLS} schools whose improvement plans of one school year (the district's and
 * each school's) hold {@value #ACTIONS} actions, their texts composed from phrases of real district and school plans;
 * a fifth of them tagged with required-plan components. It times, and prints the peak heap of: the coverage of every
 * shipped framework over every plan, the duplicate scan across all actions (first with the model to load and every
 * text to embed, then again with the embeddings kept), and the scan's grouping against the exact comparison of every
 * pair on the same texts (how many of the exact scan's pairs the grouped one finds). Starts Lodestar without its demo,
 * with its own embedded database under {@code target/plan-benchmark-data} (recreated at every run). Run it with the
 * command in README.
 */
public final class PlanScaleBenchmark {

    static final int SCHOOLS = 60;
    static final int ACTIONS = 3_000;
    static final int YEAR = 2025;

    private static final String[] VERBS = {
        "Provide", "Offer", "Expand", "Implement", "Hire", "Train staff in", "Adopt", "Launch", "Strengthen", "Fund"
    };
    private static final String[] WHAT = {
        "after-school math tutoring",
        "small-group reading intervention",
        "job-embedded instructional coaching",
        "bilingual family liaisons",
        "a parent outreach coordinator",
        "Positive Behavioral Interventions and Supports",
        "restorative practices",
        "universal reading screening",
        "summer learning for students at risk of retention",
        "dual-credit courses",
        "a health science career pathway",
        "school-based mental health counseling",
        "trauma-informed practices",
        "one-to-one student devices",
        "wireless network upgrades",
        "digital citizenship lessons",
        "secure entry vestibules",
        "monthly lockdown and fire drills",
        "family literacy nights",
        "professional learning communities",
        "structured phonics instruction",
        "designated English language development",
        "newcomer supports for English learners",
        "a full-time school nurse",
        "attendance outreach to chronically absent students",
        "AVID tutorials",
        "pre-kindergarten seats",
        "teacher mentoring for first-year teachers",
        "bilingual teacher stipends",
        "high-dosage math tutoring"
    };
    private static final String[] FOR = {
        "for English learners",
        "for students with disabilities",
        "in grades K-2",
        "in grades 3-5",
        "in the middle grades",
        "at the high school",
        "for economically disadvantaged students",
        "for migrant students",
        "for every student",
        "for families of newcomers"
    };
    private static final String[] HOW = {
        "",
        "three times a week",
        "every quarter",
        "with Title I funds",
        "through a community partnership",
        "during the school day",
        "before and after school",
        "with a weekly progress check"
    };

    private PlanScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of("target/plan-benchmark-data").toAbsolutePath();
        ConfigurableApplicationContext context = SpringApplication.run(
                LodestarApplication.class,
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--lodestar.data-dir=" + data,
                "--lodestar.embedded-db.reset-on-start=true",
                "--lodestar.demo.enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            run(context);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context) {
        PlanningApi planning = context.getBean(PlanningApi.class);
        ImportDistrict district = ImportDistrict.create(
                context.getBean(DirectoryApi.class), planning, context.getBean(MeasuresApi.class), SCHOOLS, 1);
        PlanSummary strategic = planning.districtStrategicPlan(district.id()).orElseThrow();
        UUID goal = planning.nodesOfPlan(district.id(), strategic.id())
                .goals()
                .get(0)
                .id();
        ImprovementPlans improvement = context.getBean(ImprovementPlans.class);
        ComplianceCoverage coverage = context.getBean(ComplianceCoverage.class);
        List<FrameworkEntry> frameworks =
                context.getBean(ComplianceFrameworks.class).list(district.admin());

        long started = System.nanoTime();
        List<UUID> plans = new ArrayList<>();
        plans.add(improvement.create(
                district.admin(),
                new ImprovementPlans.Start(
                        strategic.id(), null, YEAR, "District improvement plan", Set.of(goal), Set.of())));
        for (School school : district.schools()) {
            plans.add(improvement.create(
                    district.admin(),
                    new ImprovementPlans.Start(
                            strategic.id(), school.id(), YEAR, school.name() + " plan", Set.of(goal), Set.of())));
        }
        Random random = new Random(7);
        Set<String> texts = new HashSet<>();
        for (int a = 0; a < ACTIONS; a++) {
            UUID plan = plans.get(a % plans.size());
            PlanNodes nodes = planning.nodesOfPlan(district.id(), plan);
            String text = phrase(random);
            texts.add(text);
            UUID action =
                    planning.addStrategy(district.admin(), nodes.goals().get(0).id(), text, null);
            if (a % 5 == 0) {
                FrameworkEntry entry = frameworks.get(random.nextInt(frameworks.size()));
                List<Component> of = entry.framework().components();
                coverage.tag(
                        district.admin(),
                        action,
                        entry.code(),
                        of.get(random.nextInt(of.size())).code());
            }
        }
        System.out.printf(
                "district: %d schools, %d improvement plans, %d actions (%d distinct texts), %d frameworks; %d cores,"
                        + " max heap %d MB; entered in %.1f s%n",
                SCHOOLS,
                plans.size(),
                ACTIONS,
                texts.size(),
                frameworks.size(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                (System.nanoTime() - started) / 1e9);
        System.out.printf("%-60s %9s %14s%n", "work", "seconds", "peak heap MB");

        measure("coverage: every framework over every plan", () -> {
            int components2 = 0;
            for (FrameworkEntry entry : frameworks) {
                for (UUID plan : plans) {
                    components2 += coverage.coverage(district.admin(), entry.code(), plan)
                            .components()
                            .size();
                }
            }
            return frameworks.size() + " x " + plans.size() + " coverages, " + components2 + " component rows";
        });
        ActionOverlaps overlaps = context.getBean(ActionOverlaps.class);
        measure(
                "duplicate scan, all actions (model loaded, texts embedded)",
                () -> overlaps.ofYear(district.admin(), YEAR).pairs().size() + " pairs");
        measure(
                "duplicate scan again (embeddings kept)",
                () -> overlaps.ofYear(district.admin(), YEAR).pairs().size() + " pairs");

        SentenceModel model = new SentenceModel();
        Map<String, float[]> kept = new ConcurrentHashMap<>();
        java.util.function.Function<List<String>, List<float[]>> embed = list -> {
            List<String> missing =
                    list.stream().filter(t -> !kept.containsKey(t)).distinct().toList();
            if (!missing.isEmpty()) {
                List<float[]> made = model.embed(missing);
                for (int i = 0; i < missing.size(); i++) {
                    kept.put(missing.get(i), made.get(i));
                }
            }
            return list.stream().map(kept::get).toList();
        };
        List<Text> items = new ArrayList<>();
        Random again = new Random(11);
        for (int i = 0; i < ACTIONS; i++) {
            items.add(new Text(UUID.randomUUID(), phrase(again)));
        }
        new SimilarityScan(embed, Integer.MAX_VALUE).pairs(items, InsightsApi.SAME_MEANING); // embeds them all
        List<List<SimilarPair>> found = new ArrayList<>(List.of(List.of(), List.of()));
        measure("exact scan of every pair (embeddings kept)", () -> {
            found.set(0, new SimilarityScan(embed, Integer.MAX_VALUE).pairs(items, InsightsApi.SAME_MEANING));
            return found.get(0).size() + " pairs";
        });
        measure("grouped scan (embeddings kept)", () -> {
            found.set(1, new SimilarityScan(embed).pairs(items, InsightsApi.SAME_MEANING));
            return found.get(1).size() + " pairs";
        });
        Set<String> exact = new HashSet<>();
        found.get(0).forEach(pair -> exact.add(pair.first() + "" + pair.second()));
        long both = found.get(1).stream()
                .filter(pair -> exact.contains(pair.first() + "" + pair.second()))
                .count();
        System.out.printf(
                "grouped scan finds %d of the exact scan's %d pairs (%.1f %%)%n",
                both, exact.size(), exact.isEmpty() ? 100.0 : 100.0 * both / exact.size());
    }

    private static String phrase(Random random) {
        String how = HOW[random.nextInt(HOW.length)];
        return VERBS[random.nextInt(VERBS.length)] + " " + WHAT[random.nextInt(WHAT.length)] + " "
                + FOR[random.nextInt(FOR.length)] + (how.isEmpty() ? "" : " " + how);
    }

    private static void measure(String name, Supplier<String> work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        String result = work.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("%-60s %9.1f %14d   %s%n", name, seconds, peak >> 20, result);
    }
}
