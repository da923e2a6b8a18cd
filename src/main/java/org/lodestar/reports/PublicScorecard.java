package org.lodestar.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.School;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.Scorecards;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Bilingual;
import org.lodestar.shared.Suppression;
import org.springframework.stereotype.Service;

/**
 * What the public may see of a district: the goals and KPIs it published, with every value that comes from fewer
 * students than the district's minimum n hidden, and any value that would let one work a hidden value out hidden too.
 */
@Service
class PublicScorecard {

    private final DirectoryApi directory;
    private final PlanningApi planning;
    private final Scorecards scorecards;

    PublicScorecard(DirectoryApi directory, PlanningApi planning, Scorecards scorecards) {
        this.directory = directory;
        this.planning = planning;
        this.scorecards = scorecards;
    }

    /** One published value, or a hidden one (value and n both null, {@code hidden} true). */
    record Cell(String label, BigDecimal value, Integer n, boolean hidden) {}

    /** @param name the KPI's name in the visitor's language, or marked with the language it falls back to */
    record PublicKpi(
            Kpi kpi,
            Bilingual.Shown name,
            KpiOverview overview,
            boolean headlineHidden,
            List<Cell> groups,
            List<Cell> schools) {}

    /** @param title the goal's title in the visitor's language, or marked with the language it falls back to */
    record PublicGoal(Goal goal, Bilingual.Shown title, List<PublicKpi> kpis) {}

    /** @param planTitle the plan's title in the visitor's language, or marked with the language it falls back to */
    record View(District district, PlanSummary plan, Bilingual.Shown planTitle, List<PublicGoal> goals) {}

    View view(District district, java.util.Locale locale) {
        UUID id = district.id();
        // only an adopted plan is public: a draft's title and years are not
        PlanSummary plan = planning.districtStrategicPlan(id)
                .filter(candidate -> candidate.status() == org.lodestar.planning.PlanStatus.ADOPTED)
                .orElse(null);
        if (plan == null) {
            return new View(district, null, null, List.of());
        }
        // set-based: the plan's items, its published KPIs with targets, and the values shown (every year's district
        // total, the latest year's breakdowns: not every school's and group's history), one statement each
        PlanNodes nodes = planning.nodesOfPlan(id, plan.id());
        List<Kpi> published = scorecards.publishedKpisOfOutcomes(id, nodes.outcomeIds());
        Map<UUID, List<Measurement>> values = scorecards.publicMeasurements(
                id, published.stream().map(Kpi::id).toList());
        Map<UUID, School> schools = directory.schoolsById(id);
        List<StudentGroup> groups = directory.studentGroups(id);
        List<PublicGoal> goals = new ArrayList<>();
        for (Goal goal : nodes.goals()) {
            if (!goal.published()) {
                continue;
            }
            List<PublicKpi> kpis = new ArrayList<>();
            for (Kpi kpi : published) {
                if (goal.id().equals(nodes.goalOf(kpi.outcomeId()))) {
                    kpis.add(publicKpi(
                            district, kpi, values.getOrDefault(kpi.id(), List.of()), schools, groups, locale));
                }
            }
            // a heading with nothing under it tells a family nothing: the publishing page says why it is not shown
            if (!kpis.isEmpty()) {
                goals.add(new PublicGoal(goal, said(goal.titles(), district, locale), kpis));
            }
        }
        return new View(district, plan, said(plan.titles(), district, locale), goals);
    }

    /** From the KPI's district totals of every year and all its values of the latest year (what it reads above). */
    private PublicKpi publicKpi(
            District district,
            Kpi kpi,
            List<Measurement> all,
            Map<UUID, School> schools,
            List<StudentGroup> groups,
            java.util.Locale locale) {
        int minimumN = district.minimumN();
        List<Measurement> headline = all.stream()
                .filter(m -> m.schoolId() == null && m.groupCode().equals(StudentGroup.ALL))
                .map(m -> Suppression.hides(minimumN, kpi.aboutStudents(), m.n())
                        ? new Measurement(m.kpiId(), m.schoolYear(), m.period(), null, m.groupCode(), null, null)
                        : m)
                .filter(m -> m.value() != null)
                .toList();
        KpiOverview overview = scorecards.overview(district, kpi, headline);
        // the latest year with any district value, shown or not: when its total is hidden, its breakdowns are too
        int year = all.stream()
                .filter(m -> m.schoolId() == null && m.groupCode().equals(StudentGroup.ALL))
                .mapToInt(Measurement::schoolYear)
                .max()
                .orElse(Integer.MIN_VALUE);
        if (year == Integer.MIN_VALUE) {
            return new PublicKpi(kpi, said(kpi.names(), district, locale), overview, false, List.of(), List.of());
        }
        List<Measurement> latest =
                all.stream().filter(m -> m.schoolYear() == year).toList();
        // the period of the latest district total, so that every breakdown is judged against a total that exists
        int period = latest.stream()
                .filter(m -> m.schoolId() == null && m.groupCode().equals(StudentGroup.ALL))
                .mapToInt(Measurement::period)
                .max()
                .orElse(0);
        Measurement total = latest.stream()
                .filter(m -> m.period() == period
                        && m.schoolId() == null
                        && m.groupCode().equals(StudentGroup.ALL))
                .findFirst()
                .orElse(null);
        Integer totalN = total == null ? null : total.n();
        boolean headlineHidden = total != null && Suppression.hides(minimumN, kpi.aboutStudents(), totalN);

        // groups of the district, in families that together with what they leave out make up all students
        Map<String, Measurement> byGroup = new LinkedHashMap<>();
        latest.stream()
                .filter(m -> m.period() == period
                        && m.schoolId() == null
                        && !m.groupCode().equals(StudentGroup.ALL))
                .forEach(m -> byGroup.put(m.groupCode(), m));
        Map<String, List<String>> families = new LinkedHashMap<>();
        groups.stream()
                .filter(g -> byGroup.containsKey(g.code()))
                .forEach(g -> families.computeIfAbsent(g.family(), f -> new ArrayList<>())
                        .add(g.code()));
        Set<String> hiddenGroups = Suppression.hiddenCells(
                minimumN, kpi.aboutStudents(), totalN, counts(byGroup), new ArrayList<>(families.values()));
        List<Cell> groupCells = groups.stream()
                .filter(g -> byGroup.containsKey(g.code()))
                .map(g -> cell(g.name(locale), byGroup.get(g.code()), hiddenGroups.contains(g.code())))
                .toList();

        // schools of the district: one family that makes up the district total
        Map<UUID, Measurement> bySchool = new LinkedHashMap<>();
        latest.stream()
                .filter(m -> m.period() == period
                        && m.schoolId() != null
                        && m.groupCode().equals(StudentGroup.ALL))
                .forEach(m -> bySchool.put(m.schoolId(), m));
        Set<UUID> hiddenSchools = Suppression.hiddenCells(
                minimumN, kpi.aboutStudents(), totalN, counts(bySchool), List.of(new ArrayList<>(bySchool.keySet())));
        List<Cell> schoolCells = bySchool.entrySet().stream()
                .sorted(Comparator.comparing(e -> schools.get(e.getKey()).name()))
                .map(e -> cell(schools.get(e.getKey()).name(), e.getValue(), hiddenSchools.contains(e.getKey())))
                .toList();
        return new PublicKpi(
                kpi, said(kpi.names(), district, locale), overview, headlineHidden, groupCells, schoolCells);
    }

    private static Bilingual.Shown said(Bilingual text, District district, java.util.Locale locale) {
        return text.in(locale.getLanguage(), district.defaultLanguage());
    }

    private static <K> Map<K, Integer> counts(Map<K, Measurement> cells) {
        Map<K, Integer> counts = new HashMap<>();
        cells.forEach((key, m) -> counts.put(key, m.n()));
        return counts;
    }

    private static Cell cell(String label, Measurement m, boolean hidden) {
        return hidden ? new Cell(label, null, null, true) : new Cell(label, m.value(), m.n(), false);
    }
}
