package org.lodestar.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.LatestReview;
import org.lodestar.execution.Narrative;
import org.lodestar.execution.ReviewDecision;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Scorecards;
import org.lodestar.planning.PlanChange;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.PlannedProject;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Bilingual;
import org.lodestar.shared.SchoolYear;
import org.springframework.stereotype.Component;

/**
 * What a briefing book says, read from live data for one plan and school year: each goal with its KPIs as they stood
 * that year (latest value, the value the target path expected, status, every year up to it), its actions with their
 * projects, the plan's changes since adoption, its latest quarterly review's decisions and the latest narratives of
 * its actions and KPIs in the school year (both read through execution's facade). The PDF and the workbook write the same content.
 */
@Component
class BriefingContent {

    /** The parts a person may choose; the cover and contents always come. */
    enum Section {
        SCORECARD,
        GOALS,
        EXECUTION,
        CHANGES,
        REVIEW,
        NARRATIVES
    }

    record Book(
            District district,
            PlanSummary plan,
            Bilingual.Shown title,
            int schoolYear,
            List<Section> sections,
            LocalDate madeOn,
            List<GoalPart> goals,
            List<PlanChange> changes,
            ReviewPart review,
            List<NarrativePart> narratives) {

        public boolean has(Section section) {
            return sections.contains(section);
        }

        /** KPIs by status, all goals together, as of the school year. */
        public Map<String, Integer> totals() {
            return StatusCounts.of(goals.stream()
                    .flatMap(goal -> goal.kpis().stream())
                    .map(KpiPart::status)
                    .toList());
        }
    }

    /** A goal; {@code counts} are its KPIs by status as of the school year. */
    record GoalPart(Bilingual.Shown title, List<KpiPart> kpis, List<ActionPart> actions) {

        public Map<String, Integer> counts() {
            return StatusCounts.of(kpis.stream().map(KpiPart::status).toList());
        }

        public long projectsDone() {
            return actions.stream().mapToLong(ActionPart::done).sum();
        }

        public long projects() {
            return actions.stream()
                    .mapToLong(action -> action.projects().size())
                    .sum();
        }
    }

    /**
     * A KPI as of the school year: its values of the years up to it; {@code latest} the last of them with a value (null
     * when none).
     */
    record KpiPart(Kpi kpi, Bilingual.Shown name, List<KpiOverview.Point> years, KpiOverview.Point latest) {

        public String status() {
            return latest == null ? "NO_DATA" : latest.statusName();
        }
    }

    record ActionPart(Bilingual.Shown title, List<ProjectLine> projects) {

        public long done() {
            return projects.stream().filter(p -> p.project().done()).count();
        }
    }

    /**
     * The plan's latest quarterly review (null when it has none, or the section was not chosen): its quarter's name
     * ("Q2 2025-26"), whether it was signed off, and its rows each with its title in the reader's language.
     */
    record ReviewPart(LatestReview review, String quarter, List<DecisionLine> rows) {}

    record DecisionLine(ReviewDecision decision, Bilingual.Shown title) {}

    /** An action's or KPI's latest narrative of the school year, under its goal, with its author's name. */
    record NarrativePart(Bilingual.Shown goal, Bilingual.Shown item, Narrative narrative, String author) {}

    /** A project with its owner's name (null when none) and whether it is overdue on the day the book was made. */
    record ProjectLine(PlannedProject project, String owner, boolean overdue) {}

    private final PlanningApi planning;
    private final Scorecards scorecards;
    private final DirectoryApi directory;
    private final ExecutionApi execution;

    BriefingContent(PlanningApi planning, Scorecards scorecards, DirectoryApi directory, ExecutionApi execution) {
        this.planning = planning;
        this.scorecards = scorecards;
        this.directory = directory;
        this.execution = execution;
    }

    /** The book's content; {@code progress} hears the number of goals read so far. */
    Book read(
            UUID districtId,
            UUID planId,
            int schoolYear,
            List<Section> sections,
            String language,
            LocalDate today,
            IntConsumer progress) {
        District district = directory.district(districtId);
        PlanTree tree = planning.tree(districtId, planId);
        List<UUID> outcomeIds = tree.goals().stream()
                .flatMap(goal -> goal.outcomes().stream())
                .map(outcome -> outcome.outcome().id())
                .toList();
        List<Kpi> kpis = scorecards.kpisOfOutcomes(districtId, outcomeIds);
        Map<UUID, KpiOverview> overviews = new LinkedHashMap<>();
        scorecards
                .overviews(districtId, kpis, null, "ALL")
                .forEach(o -> overviews.put(o.kpi().id(), o));
        Map<UUID, String> people = directory.namesById(districtId);
        List<GoalPart> goals = new ArrayList<>();
        for (PlanTree.GoalBranch branch : tree.goals()) {
            List<UUID> outcomes = branch.outcomes().stream()
                    .map(outcome -> outcome.outcome().id())
                    .toList();
            List<KpiPart> goalKpis = kpis.stream()
                    .filter(kpi -> outcomes.contains(kpi.outcomeId()))
                    .map(kpi -> kpiPart(kpi, overviews.get(kpi.id()), schoolYear, language, district))
                    .toList();
            List<ActionPart> actions = branch.strategies().stream()
                    .map(strategy -> new ActionPart(
                            strategy.strategy().titles().in(language, district.defaultLanguage()),
                            strategy.projects().stream()
                                    .map(p -> new ProjectLine(
                                            p,
                                            p.ownerId() == null ? null : people.get(p.ownerId()),
                                            p.overdueOn(today)))
                                    .toList()))
                    .toList();
            goals.add(new GoalPart(branch.goal().titles().in(language, district.defaultLanguage()), goalKpis, actions));
            progress.accept(goals.size());
        }
        return new Book(
                district,
                tree.plan(),
                tree.plan().titles().in(language, district.defaultLanguage()),
                schoolYear,
                sections,
                today,
                goals,
                sections.contains(Section.CHANGES) ? planning.changeLog(districtId, planId) : List.of(),
                sections.contains(Section.REVIEW) ? review(districtId, planId, language, district) : null,
                sections.contains(Section.NARRATIVES)
                        ? narratives(tree, kpis, schoolYear, language, district, people)
                        : List.of());
    }

    private ReviewPart review(UUID districtId, UUID planId, String language, District district) {
        return execution
                .latestReview(districtId, planId)
                .map(review -> new ReviewPart(
                        review,
                        "Q" + review.quarter() + " " + new SchoolYear(review.schoolYear()),
                        review.rows().stream()
                                .map(row ->
                                        new DecisionLine(row, row.titles().in(language, district.defaultLanguage())))
                                .toList()))
                .orElse(null);
    }

    /**
     * The latest narrative of each of the plan's actions and KPIs posted in the school year (from the first day of its
     * start month to the same day a year later), goal by goal.
     */
    private List<NarrativePart> narratives(
            PlanTree tree,
            List<Kpi> kpis,
            int schoolYear,
            String language,
            District district,
            Map<UUID, String> people) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate start = LocalDate.of(schoolYear, district.schoolYearStartMonth(), 1);
        Map<UUID, Bilingual.Shown> titles = new LinkedHashMap<>();
        Map<UUID, Bilingual.Shown> goalOf = new LinkedHashMap<>();
        List<UUID> actions = new ArrayList<>();
        List<UUID> kpiIds = new ArrayList<>();
        for (PlanTree.GoalBranch branch : tree.goals()) {
            Bilingual.Shown goal = branch.goal().titles().in(language, district.defaultLanguage());
            for (PlanTree.StrategyBranch strategy : branch.strategies()) {
                actions.add(strategy.strategy().id());
                titles.put(
                        strategy.strategy().id(),
                        strategy.strategy().titles().in(language, district.defaultLanguage()));
                goalOf.put(strategy.strategy().id(), goal);
            }
            List<UUID> outcomes = branch.outcomes().stream()
                    .map(outcome -> outcome.outcome().id())
                    .toList();
            for (Kpi kpi : kpis) {
                if (outcomes.contains(kpi.outcomeId())) {
                    kpiIds.add(kpi.id());
                    titles.put(kpi.id(), kpi.names().in(language, district.defaultLanguage()));
                    goalOf.put(kpi.id(), goal);
                }
            }
        }
        return execution
                .narratives(
                        district.id(),
                        actions,
                        kpiIds,
                        start.atStartOfDay(zone).toInstant(),
                        start.plusYears(1).atStartOfDay(zone).toInstant())
                .stream()
                .map(n -> new NarrativePart(
                        goalOf.get(n.itemId()),
                        titles.get(n.itemId()),
                        n,
                        n.authorId() == null ? null : people.get(n.authorId())))
                .toList();
    }

    private static KpiPart kpiPart(Kpi kpi, KpiOverview overview, int schoolYear, String language, District district) {
        List<KpiOverview.Point> years = overview == null
                ? List.of()
                : overview.series().stream()
                        .filter(point -> point.year() <= schoolYear)
                        .sorted(Comparator.comparingInt(KpiOverview.Point::year))
                        .toList();
        Optional<KpiOverview.Point> latest =
                years.stream().filter(point -> point.value() != null).reduce((first, second) -> second);
        return new KpiPart(kpi, kpi.names().in(language, district.defaultLanguage()), years, latest.orElse(null));
    }
}
