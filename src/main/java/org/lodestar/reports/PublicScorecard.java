package org.lodestar.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.School;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.KpiStanding;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.Values;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanChange;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.RollUp;
import org.lodestar.shared.Bilingual;
import org.lodestar.shared.Suppression;
import org.lodestar.shared.Suppression.TableCell;
import org.springframework.stereotype.Service;

/**
 * What the public may see of a district: the goals and KPIs it published, with every value that comes from fewer
 * students than the district's minimum n hidden, and any value that would let one work a hidden value out hidden too;
 * the same for each school, whose values are judged with its sibling schools' (a school's page must not show what the
 * district's page hides to protect another school).
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

    /**
     * One published value, or a hidden one (value and n both null, {@code hidden} true), with the value as the page
     * writes it: formatted here once rather than by the template for each of a large district's 12,000 cells.
     */
    record Cell(String label, BigDecimal value, Integer n, boolean hidden, String text) {}

    /**
     * @param name the KPI's name in the visitor's language, or marked with the language it falls back to
     * @param breakdownYear the school year of the groups' and schools' values (the latest with a value), null when none
     */
    record PublicKpi(
            Kpi kpi,
            Bilingual.Shown name,
            KpiOverview overview,
            boolean headlineHidden,
            List<Cell> groups,
            List<Cell> schools,
            Integer breakdownYear) {}

    /** A goal with the public KPIs under it (never none: a heading with nothing under it tells a family nothing). */
    record PublicGoal(Goal goal, Bilingual.Shown title, List<PublicKpi> kpis) {

        /** The goal's colour: the worst status of its KPIs with data, as on the scorecard. */
        public String status() {
            return RollUp.of(statuses(kpis));
        }

        public Map<String, Integer> counts() {
            return StatusCounts.of(statuses(kpis));
        }
    }

    /** The goals shown, and what the summary above them says of them. */
    record View(
            District district,
            PlanSummary plan,
            Bilingual.Shown planTitle,
            List<PublicGoal> goals,
            List<School> schools) {

        /** Published KPIs by status, all goals together. */
        public Map<String, Integer> totals() {
            return StatusCounts.of(
                    statuses(goals.stream().flatMap(g -> g.kpis().stream()).toList()));
        }

        public int measures() {
            return goals.stream().mapToInt(g -> g.kpis().size()).sum();
        }

        /** The latest school year of any value shown, or null when none is. */
        public Integer latestYear() {
            return goals.stream()
                    .flatMap(g -> g.kpis().stream())
                    .map(k -> k.overview().latestYear())
                    .filter(Objects::nonNull)
                    .max(Integer::compare)
                    .orElse(null);
        }
    }

    /** A school's page: the district's published KPIs measured at the school, then the school's own published plans. */
    record SchoolView(View view, School school) {}

    private static List<String> statuses(List<PublicKpi> kpis) {
        return kpis.stream().map(k -> KpiStanding.of(k.overview()).status()).toList();
    }

    View view(District district, Locale locale) {
        UUID id = district.id();
        Map<UUID, School> byId = directory.schoolsById(id);
        List<School> schools = byId.values().stream()
                .sorted(Comparator.comparing(School::name))
                .toList();
        PlanSummary plan = adoptedDistrictPlan(id).orElse(null);
        if (plan == null) {
            return new View(district, null, null, List.of(), schools);
        }
        // set-based: the plan's items, its published KPIs with targets, and the values shown (every year's district
        // total, the latest year's breakdowns: not every school's and group's history), one statement each
        PlanNodes nodes = planning.nodesOfPlan(id, plan.id());
        List<Kpi> published = scorecards.publishedKpisOfOutcomes(id, nodes.outcomeIds());
        Map<UUID, List<Measurement>> values = scorecards.publicMeasurements(
                id, published.stream().map(Kpi::id).toList());
        List<StudentGroup> groups = directory.studentGroups(id);
        List<PublicGoal> goals = goals(
                district,
                locale,
                nodes,
                published,
                kpi -> Optional.of(
                        publicKpi(district, kpi, values.getOrDefault(kpi.id(), List.of()), byId, groups, locale)));
        return new View(district, plan, said(plan.titles(), district, locale), goals, schools);
    }

    /** The changes made to the public plan since its adoption, with their reasons, the latest first. */
    List<PlanChange> changes(View view) {
        return view.plan() == null
                ? List.of()
                : planning.changeLog(view.district().id(), view.plan().id());
    }

    /** A school's page, or empty when the district has no such school (another district's school included). */
    Optional<SchoolView> school(District district, UUID schoolId, Locale locale) {
        UUID id = district.id();
        School school = directory.school(id, schoolId).orElse(null);
        if (school == null) {
            return Optional.empty();
        }
        // the district's adopted plan first, then the school's own adopted plans
        List<PlanSummary> plans = new ArrayList<>();
        adoptedDistrictPlan(id).ifPresent(plans::add);
        planning.plans(id).stream()
                .filter(p -> schoolId.equals(p.schoolId()) && p.status() == PlanStatus.ADOPTED)
                .forEach(plans::add);
        Map<UUID, PlanNodes> nodes = new LinkedHashMap<>();
        plans.forEach(p -> nodes.put(p.id(), planning.nodesOfPlan(id, p.id())));
        List<Kpi> published = scorecards.publishedKpisOfOutcomes(
                id,
                nodes.values().stream().flatMap(n -> n.outcomeIds().stream()).toList());
        Map<UUID, List<Measurement>> values = scorecards.publicSchoolMeasurements(
                id, published.stream().map(Kpi::id).toList());
        List<StudentGroup> groups = directory.studentGroups(id);
        List<PublicGoal> goals = new ArrayList<>();
        for (PlanSummary plan : plans) {
            goals.addAll(goals(
                    district,
                    locale,
                    nodes.get(plan.id()),
                    published,
                    kpi -> atSchool(
                            district,
                            kpi,
                            schoolId,
                            plan.districtPlan(),
                            values.getOrDefault(kpi.id(), List.of()),
                            groups,
                            locale)));
        }
        PlanSummary districtPlan =
                plans.stream().filter(PlanSummary::districtPlan).findFirst().orElse(null);
        return Optional.of(new SchoolView(
                new View(
                        district,
                        districtPlan,
                        districtPlan == null ? null : said(districtPlan.titles(), district, locale),
                        goals,
                        List.of()),
                school));
    }

    private Optional<PlanSummary> adoptedDistrictPlan(UUID districtId) {
        // only an adopted plan is public: a draft's title and years are not
        return planning.districtStrategicPlan(districtId).filter(candidate -> candidate.status() == PlanStatus.ADOPTED);
    }

    /** The plan's published goals with their published KPIs that the page has something to say about. */
    private static List<PublicGoal> goals(
            District district,
            Locale locale,
            PlanNodes nodes,
            Collection<Kpi> published,
            java.util.function.Function<Kpi, Optional<PublicKpi>> shown) {
        List<PublicGoal> goals = new ArrayList<>();
        for (Goal goal : nodes.goals()) {
            if (!goal.published()) {
                continue;
            }
            List<PublicKpi> kpis = published.stream()
                    .filter(kpi -> goal.id().equals(nodes.goalOf(kpi.outcomeId())))
                    .map(shown)
                    .flatMap(Optional::stream)
                    .toList();
            // a heading with nothing under it tells a family nothing: the publishing page says why it is not shown
            if (!kpis.isEmpty()) {
                goals.add(new PublicGoal(goal, said(goal.titles(), district, locale), kpis));
            }
        }
        return goals;
    }

    /** From the KPI's district totals of every year and all its values of the latest year (what it reads above). */
    private PublicKpi publicKpi(
            District district,
            Kpi kpi,
            List<Measurement> all,
            Map<UUID, School> schools,
            List<StudentGroup> groups,
            Locale locale) {
        int minimumN = district.minimumN();
        List<Measurement> headline = all.stream()
                .filter(PublicScorecard::districtTotal)
                .filter(m -> !Suppression.hides(minimumN, kpi.aboutStudents(), m.n()))
                .toList();
        KpiOverview overview = scorecards.overview(district, kpi, headline);
        Latest latest = Latest.of(all).orElse(null);
        if (latest == null || latest.total() == null) {
            // no district total to judge them by
            return new PublicKpi(kpi, said(kpi.names(), district, locale), overview, false, List.of(), List.of(), null);
        }
        boolean headlineHidden =
                latest.total() != null && Suppression.hides(minimumN, kpi.aboutStudents(), latest.totalN());
        Map<String, Measurement> byGroup = latest.districtGroups();
        Set<String> hiddenGroups = hiddenGroups(minimumN, kpi, latest.totalN(), byGroup, groups);
        List<Cell> groupCells = groups.stream()
                .filter(g -> byGroup.containsKey(g.code()))
                .map(g -> cell(
                        g.name(locale), byGroup.get(g.code()), hiddenGroups.contains(g.code()), kpi, district, locale))
                .toList();
        Map<UUID, Measurement> bySchool = schoolTotals(all, latest.year(), latest.period());
        Set<UUID> hiddenSchools = hiddenSchools(minimumN, kpi, latest.totalN(), bySchool);
        List<Cell> schoolCells = bySchool.entrySet().stream()
                .sorted(Comparator.comparing(e -> schools.get(e.getKey()).name()))
                .map(e -> cell(
                        schools.get(e.getKey()).name(),
                        e.getValue(),
                        hiddenSchools.contains(e.getKey()),
                        kpi,
                        district,
                        locale))
                .toList();
        return new PublicKpi(
                kpi,
                said(kpi.names(), district, locale),
                overview,
                headlineHidden,
                groupCells,
                schoolCells,
                latest.year());
    }

    private static Bilingual.Shown said(Bilingual text, District district, Locale locale) {
        return text.in(locale.getLanguage(), district.defaultLanguage());
    }

    /**
     * A KPI at one school, from every year's all-students values of the district and every school, and all values of
     * the latest year (what the school page reads); empty when the school has no value of it. Each year's value of the
     * school is hidden when the district's page would hide it among the schools of that year; a school plan's KPI has
     * no sibling schools, so its value stands alone.
     */
    private Optional<PublicKpi> atSchool(
            District district,
            Kpi kpi,
            UUID schoolId,
            boolean ofDistrictPlan,
            List<Measurement> all,
            List<StudentGroup> groups,
            Locale locale) {
        int minimumN = district.minimumN();
        Map<Integer, Measurement> totals = new HashMap<>(); // the latest period of each year, as values come in order
        all.stream().filter(PublicScorecard::districtTotal).forEach(m -> totals.put(m.schoolYear(), m));
        Map<Integer, Integer> periods = new HashMap<>(); // the school's own latest period of each year
        all.stream()
                .filter(m -> schoolId.equals(m.schoolId()) && m.groupCode().equals(StudentGroup.ALL))
                .forEach(m -> periods.put(m.schoolYear(), m.period()));
        if (periods.isEmpty()) {
            return Optional.empty();
        }
        List<Measurement> shown = new ArrayList<>();
        Map<Integer, Boolean> hiddenByYear = new HashMap<>();
        for (int year : periods.keySet()) {
            Measurement total = ofDistrictPlan ? totals.get(year) : null;
            int period = total == null ? periods.get(year) : total.period();
            Map<UUID, Measurement> bySchool = schoolTotals(all, year, period);
            Measurement own = bySchool.get(schoolId);
            if (own == null) {
                continue; // reported in another period than the district's total of the year: not judged, not shown
            }
            boolean hidden = ofDistrictPlan
                    ? hiddenSchools(minimumN, kpi, total == null ? null : total.n(), bySchool)
                            .contains(schoolId)
                    : Suppression.hides(minimumN, kpi.aboutStudents(), own.n());
            hiddenByYear.put(year, hidden);
            if (!hidden) {
                shown.add(own);
            }
        }
        if (hiddenByYear.isEmpty()) {
            return Optional.empty();
        }
        KpiOverview overview = scorecards.overview(district, kpi, shown);
        int lastYear = hiddenByYear.keySet().stream().max(Integer::compare).orElseThrow();
        List<Cell> groupCells = Latest.of(all)
                .map(latest -> schoolGroups(district, kpi, schoolId, ofDistrictPlan, all, latest, groups, locale))
                .orElse(List.of());
        return Optional.of(new PublicKpi(
                kpi,
                said(kpi.names(), district, locale),
                overview,
                hiddenByYear.get(lastYear),
                groupCells,
                List.of(),
                Latest.of(all).map(Latest::year).orElse(null)));
    }

    /**
     * The school's student groups of the latest year, judged both ways: against the school's own total (its groups
     * with what they leave out make up its students) and, for a district KPI, against each group's district value
     * (the group at every school makes up the group in the district). A group the district's page hides is hidden at
     * every school, so that the schools' values cannot add up to it; a school whose total is hidden shows no group.
     */
    private static List<Cell> schoolGroups(
            District district,
            Kpi kpi,
            UUID schoolId,
            boolean ofDistrictPlan,
            List<Measurement> all,
            Latest latest,
            List<StudentGroup> groups,
            Locale locale) {
        int minimumN = district.minimumN();
        Map<UUID, Measurement> bySchool = schoolTotals(all, latest.year(), latest.period());
        if (!bySchool.containsKey(schoolId)) {
            return List.of();
        }
        Map<TableCell<UUID, String>, Integer> counts = new HashMap<>();
        Map<String, Measurement> own = new LinkedHashMap<>();
        all.stream()
                .filter(m -> m.schoolYear() == latest.year()
                        && m.period() == latest.period()
                        && m.schoolId() != null
                        && !m.groupCode().equals(StudentGroup.ALL))
                .filter(m -> ofDistrictPlan || m.schoolId().equals(schoolId))
                .forEach(m -> {
                    counts.put(new TableCell<>(m.schoolId(), m.groupCode()), m.n());
                    if (m.schoolId().equals(schoolId)) {
                        own.put(m.groupCode(), m);
                    }
                });
        if (own.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> rowTotals = new HashMap<>();
        Map<String, Integer> columnTotals = null;
        if (ofDistrictPlan) {
            Set<UUID> hiddenSchools = hiddenSchools(minimumN, kpi, latest.totalN(), bySchool);
            bySchool.forEach((school, m) -> rowTotals.put(school, hiddenSchools.contains(school) ? null : m.n()));
            Map<String, Measurement> byGroup = latest.districtGroups();
            Set<String> hiddenGroups = hiddenGroups(minimumN, kpi, latest.totalN(), byGroup, groups);
            columnTotals = new HashMap<>();
            for (var group : byGroup.entrySet()) {
                columnTotals.put(
                        group.getKey(),
                        hiddenGroups.contains(group.getKey())
                                ? null
                                : group.getValue().n());
            }
        } else {
            Measurement total = bySchool.get(schoolId);
            rowTotals.put(schoolId, Suppression.hides(minimumN, kpi.aboutStudents(), total.n()) ? null : total.n());
        }
        Set<TableCell<UUID, String>> hidden = Suppression.hiddenInTable(
                minimumN,
                kpi.aboutStudents(),
                rowTotals,
                columnTotals,
                counts,
                families(groups, own.keySet()::contains));
        return groups.stream()
                .filter(g -> own.containsKey(g.code()))
                .map(g -> cell(
                        g.name(locale),
                        own.get(g.code()),
                        hidden.contains(new TableCell<>(schoolId, g.code())),
                        kpi,
                        district,
                        locale))
                .toList();
    }

    /**
     * The year and period of a KPI's latest district total, and that total (the period a breakdown is judged in), or,
     * for a KPI without district totals (a school plan's), of its latest all-students value anywhere.
     */
    private record Latest(int year, int period, Measurement total, List<Measurement> all) {

        static Optional<Latest> of(List<Measurement> all) {
            Optional<Measurement> total = all.stream()
                    .filter(PublicScorecard::districtTotal)
                    .max(Comparator.comparingInt(Measurement::schoolYear).thenComparingInt(Measurement::period));
            if (total.isPresent()) {
                // the latest year with any district value, shown or not: when its total is hidden, its breakdowns are
                return Optional.of(
                        new Latest(total.get().schoolYear(), total.get().period(), total.get(), all));
            }
            return all.stream()
                    .filter(m -> m.groupCode().equals(StudentGroup.ALL))
                    .max(Comparator.comparingInt(Measurement::schoolYear).thenComparingInt(Measurement::period))
                    .map(m -> new Latest(m.schoolYear(), m.period(), null, all));
        }

        Integer totalN() {
            return total == null ? null : total.n();
        }

        /** The district's value of each group in this year and period. */
        Map<String, Measurement> districtGroups() {
            Map<String, Measurement> byGroup = new LinkedHashMap<>();
            all.stream()
                    .filter(m -> m.schoolYear() == year
                            && m.period() == period
                            && m.schoolId() == null
                            && !m.groupCode().equals(StudentGroup.ALL))
                    .forEach(m -> byGroup.put(m.groupCode(), m));
            return byGroup;
        }
    }

    private static boolean districtTotal(Measurement m) {
        return m.schoolId() == null && m.groupCode().equals(StudentGroup.ALL);
    }

    /** Every school's all-students value of one year and period. */
    private static Map<UUID, Measurement> schoolTotals(List<Measurement> all, int year, int period) {
        Map<UUID, Measurement> bySchool = new LinkedHashMap<>();
        all.stream()
                .filter(m -> m.schoolYear() == year
                        && m.period() == period
                        && m.schoolId() != null
                        && m.groupCode().equals(StudentGroup.ALL))
                .forEach(m -> bySchool.put(m.schoolId(), m));
        return bySchool;
    }

    /** The schools of a district are one family that makes up the district's total. */
    private static Set<UUID> hiddenSchools(int minimumN, Kpi kpi, Integer totalN, Map<UUID, Measurement> bySchool) {
        return Suppression.hiddenCells(
                minimumN, kpi.aboutStudents(), totalN, counts(bySchool), List.of(new ArrayList<>(bySchool.keySet())));
    }

    /** Groups of the district, in families that together with what they leave out make up all students. */
    private static Set<String> hiddenGroups(
            int minimumN, Kpi kpi, Integer totalN, Map<String, Measurement> byGroup, List<StudentGroup> groups) {
        return Suppression.hiddenCells(
                minimumN, kpi.aboutStudents(), totalN, counts(byGroup), families(groups, byGroup::containsKey));
    }

    private static List<List<String>> families(List<StudentGroup> groups, Predicate<String> present) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        groups.stream()
                .filter(g -> present.test(g.code()))
                .forEach(g -> families.computeIfAbsent(g.family(), f -> new ArrayList<>())
                        .add(g.code()));
        return new ArrayList<>(families.values());
    }

    private static <K> Map<K, Integer> counts(Map<K, Measurement> cells) {
        Map<K, Integer> counts = new HashMap<>();
        cells.forEach((key, m) -> counts.put(key, m.n()));
        return counts;
    }

    private static Cell cell(String label, Measurement m, boolean hidden, Kpi kpi, District district, Locale locale) {
        return hidden
                ? new Cell(label, null, null, true, null)
                : new Cell(
                        label,
                        m.value(),
                        m.n(),
                        false,
                        Values.format(kpi.unit(), m.value(), locale, district.currency()));
    }
}
