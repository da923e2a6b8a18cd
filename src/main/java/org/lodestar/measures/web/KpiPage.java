package org.lodestar.measures.web;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.Person;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.RecordedValue;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.Values;
import org.lodestar.measures.domain.KpiEditing;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.BoundedCache;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.GzipParts;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.lodestar.shared.Templates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A KPI's page, assembled: its overview and trend in the scope looked at, the latest year's breakdown, the recording
 * form offering only where the person may record, and the question shown before a value replaces a recorded one.
 *
 * <p>What every reader of the district sees alike is computed once per version of the district's data (see
 * {@link DistrictChanges}), KPI, scope and language, and so is its markup, the <b>body</b> (all but the layout and the
 * recording form), kept compressed per {@link Rights}: as the scorecard's. The recording form (where this person may
 * record, the values they typed, their form token) and the layout are rendered at every request.
 */
@Component
class KpiPage {

    /** The kept part of the page, rendered per view and rights. */
    static final String BODY = "measures/kpi-body";

    /** Up to some hundreds of kilobytes each (200 schools in the filter and the breakdown). */
    static final int MAX_VIEWS = 64;

    static final int MAX_BODIES = 64;

    private final Scorecards scorecards;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final DistrictChanges changes;
    private final Templates templates;
    private final Charts charts;
    private final MessageSource messages;
    private final BoundedCache<Key, Shown> views = new BoundedCache<>(MAX_VIEWS);
    private final BoundedCache<BodyKey, GzipParts.Part> bodies = new BoundedCache<>(MAX_BODIES);

    KpiPage(
            Scorecards scorecards,
            PlanningApi planning,
            DirectoryApi directory,
            DistrictChanges changes,
            Templates templates,
            Charts charts,
            MessageSource messages) {
        this.scorecards = scorecards;
        this.planning = planning;
        this.directory = directory;
        this.changes = changes;
        this.templates = templates;
        this.charts = charts;
        this.messages = messages;
    }

    private record Key(UUID district, long version, UUID kpi, UUID school, String group, String language) {}

    /**
     * What the person may do that the body shows: edit the KPI (a link). A new per-person part of the body must be
     * added here, or rendered outside it.
     */
    record Rights(boolean edit) {}

    private record BodyKey(Key view, Rights rights) {}

    /** What the page shows of a KPI in a scope, the same for every reader of the district. */
    record Shown(
            Kpi kpi,
            KpiOverview overview,
            KpiProjection.View projection,
            String chart,
            Outcome outcome,
            PlanSummary plan,
            List<School> schools,
            List<StudentGroup> groups,
            Map<String, List<Measurement>> breakdown) {}

    /**
     * Everything the page shows, for a school (null: the district) and a student group; the kept body as {@code body}
     * (its markup) and {@code bodyPart} (as kept, compressed).
     */
    void fill(SignedInUser user, UUID id, UUID school, String group, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        UUID district = user.districtId();
        var version = changes.version(district); // before the data, so that a change in between makes a new key
        Key key = version.isEmpty()
                ? null
                : new Key(district, version.getAsLong(), id, school, group, locale.toLanguageTag());
        Shown shown = key == null
                ? compute(district, id, school, group, locale)
                : views.get(key, () -> compute(district, id, school, group, locale));
        Kpi kpi = shown.kpi();
        PlanSummary plan = shown.plan();
        Rights rights = new Rights(KpiEditing.mayEdit(user, plan));
        GzipParts.Part body = key == null
                ? body(shown, rights, model)
                : bodies.get(new BodyKey(key, rights), () -> body(shown, rights, model));
        model.addAttribute("kpi", kpi);
        model.addAttribute("outcome", shown.outcome());
        model.addAttribute("groups", shown.groups());
        model.addAttribute("group", group);
        model.addAttribute("school", school);
        model.addAttribute("bodyPart", body);
        model.addAttribute("body", new String(body.plain(), StandardCharsets.UTF_8));
        // the recording form offers only where this person may record (no choice in it leads to a refusal), and only
        // schools of the levels the KPI is about (no graduation rate at an elementary school)
        Predicate<UUID> mayRecord = where -> KpiEditing.mayRecord(user, plan, where);
        List<School> recordSchools = shown.schools().stream()
                .filter(s -> mayRecord.test(s.id()) && kpi.fits(s.level()))
                .toList();
        model.addAttribute("recordSchools", recordSchools);
        model.addAttribute("recordDistrict", mayRecord.test(null));
        // the form starts at the school looked at when one may record there, else at the first place one may
        UUID recordFor = mayRecord.test(school)
                ? school
                : mayRecord.test(null)
                        ? null
                        : recordSchools.isEmpty() ? null : recordSchools.get(0).id();
        model.addAttribute("canRecord", mayRecord.test(null) || !recordSchools.isEmpty());
        if (!model.containsAttribute("measurementForm")) {
            model.addAttribute(
                    "measurementForm",
                    // the latest year a value can be recorded for: the one under way (today's), or the plan's last
                    new MeasurementForm(
                            SchoolYear.of(KpiEditing.recordableYears((District) model.getAttribute("district"), plan)
                                            .last())
                                    .toString(),
                            0,
                            recordFor,
                            group,
                            null,
                            null,
                            null,
                            null));
        }
    }

    private GzipParts.Part body(Shown shown, Rights rights, Model page) {
        Map<String, Object> model = new HashMap<>();
        model.put("district", page.getAttribute("district"));
        model.put("tiers", page.getAttribute("tiers"));
        model.put("shown", shown);
        model.put("kpi", shown.kpi());
        model.put("overview", shown.overview());
        model.put("projection", shown.projection());
        model.put("chart", shown.chart());
        model.put("outcome", shown.outcome());
        model.put("school", page.getAttribute("school"));
        model.put("group", page.getAttribute("group"));
        model.put("schools", shown.schools());
        model.put("groups", shown.groups());
        model.put("breakdown", shown.breakdown());
        model.put("schoolNames", shown.schools().stream().collect(Collectors.toMap(School::id, Function.identity())));
        // people read group names in their language, never codes such as ECON or SWD
        model.put(
                "groupNames",
                shown.groups().stream()
                        .collect(Collectors.toMap(StudentGroup::code, g -> g.name(LocaleContextHolder.getLocale()))));
        model.put("canEdit", rights.edit());
        return GzipParts.part(templates.render(BODY, model).getBytes(StandardCharsets.UTF_8));
    }

    private Shown compute(UUID district, UUID id, UUID school, String group, Locale locale) {
        Kpi kpi = scorecards.kpi(district, id);
        // the scope's history and the latest year's breakdown, not every school's and group's values of every year
        List<Measurement> all = scorecards.scopeAndLatestYear(district, id, school, group);
        List<Measurement> scope = all.stream()
                .filter(m -> java.util.Objects.equals(m.schoolId(), school)
                        && m.groupCode().equals(group))
                .toList();
        KpiOverview overview = scorecards.overview(district, kpi, scope);
        // the KPI's outcome and plan, read once: what the person may do and which years may be recorded follow from
        // them
        Outcome outcome =
                planning.outcome(district, kpi.outcomeId()).orElseThrow(() -> new NotFoundException("outcome"));
        PlanSummary plan = planning.plan(district, outcome.planId());
        return new Shown(
                kpi,
                overview,
                KpiProjection.of(kpi, overview).orElse(null),
                charts.trend(
                        overview,
                        messages.getMessage("kpi.actual", null, locale),
                        messages.getMessage("kpi.targetPath", null, locale)),
                outcome,
                plan,
                directory.schools(district),
                directory.studentGroups(district),
                breakdown(all, overview.latestYear()));
    }

    /** The latest year's values by school (all students) and by group (district-wide). */
    private static Map<String, List<Measurement>> breakdown(List<Measurement> all, Integer year) {
        if (year == null) {
            return Map.of("schools", List.of(), "groups", List.of());
        }
        List<Measurement> latestPeriod =
                all.stream().filter(m -> m.schoolYear() == year).toList();
        int period = latestPeriod.stream().mapToInt(Measurement::period).max().orElse(0);
        return Map.of(
                "schools",
                latestPeriod.stream()
                        .filter(m -> m.period() == period
                                && m.schoolId() != null
                                && m.groupCode().equals(StudentGroup.ALL))
                        .toList(),
                "groups",
                latestPeriod.stream()
                        .filter(m -> m.period() == period
                                && m.schoolId() == null
                                && !m.groupCode().equals(StudentGroup.ALL))
                        .sorted(Comparator.comparing(Measurement::groupCode))
                        .toList());
    }

    /** The recorded value a new entry would replace, as the question before replacing shows it. */
    Replacing replacing(SignedInUser user, Kpi kpi, RecordedValue recorded) {
        Locale locale = LocaleContextHolder.getLocale();
        String by = directory.people(user.districtId()).stream()
                .filter(person -> person.email().equalsIgnoreCase(recorded.recordedBy()))
                .map(Person::displayName)
                .findFirst()
                .orElse(recorded.recordedBy());
        Measurement m = recorded.measurement();
        return new Replacing(
                Values.format(
                        kpi.unit(),
                        m.value(),
                        locale,
                        directory.district(user.districtId()).currency()),
                m.n(),
                by,
                java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(recorded.recordedAt().atZone(java.time.ZoneId.systemDefault())));
    }

    /** The question before a value replaces a recorded one: what is recorded, by whom and when. */
    record Replacing(String value, Integer n, String by, String on) {}
}
