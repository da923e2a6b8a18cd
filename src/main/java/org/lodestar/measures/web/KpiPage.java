package org.lodestar.measures.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
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
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A KPI's page, assembled: its overview and trend in the scope looked at, the latest year's breakdown, the recording
 * form offering only where the person may record, and the question shown before a value replaces a recorded one.
 */
@Component
class KpiPage {

    private final Scorecards scorecards;
    private final KpiEditing editing;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final Charts charts;
    private final MessageSource messages;

    KpiPage(
            Scorecards scorecards,
            KpiEditing editing,
            PlanningApi planning,
            DirectoryApi directory,
            Charts charts,
            MessageSource messages) {
        this.scorecards = scorecards;
        this.editing = editing;
        this.planning = planning;
        this.directory = directory;
        this.charts = charts;
        this.messages = messages;
    }

    /** Everything the page shows, for a school (null: the district) and a student group. */
    void fill(SignedInUser user, UUID id, UUID school, String group, Model model) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        // the scope's history and the latest year's breakdown, not every school's and group's values of every year
        List<Measurement> all = scorecards.scopeAndLatestYear(user.districtId(), id, school, group);
        List<Measurement> scope = all.stream()
                .filter(m -> java.util.Objects.equals(m.schoolId(), school)
                        && m.groupCode().equals(group))
                .toList();
        KpiOverview overview = scorecards.overview(user.districtId(), kpi, scope);
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("kpi", kpi);
        model.addAttribute("overview", overview);
        model.addAttribute("projection", KpiProjection.of(kpi, overview).orElse(null));
        model.addAttribute(
                "chart",
                charts.trend(
                        overview,
                        messages.getMessage("kpi.actual", null, locale),
                        messages.getMessage("kpi.targetPath", null, locale)));
        model.addAttribute("school", school);
        model.addAttribute("group", group);
        // the KPI's outcome and plan, read once: what the person may do and which years may be recorded follow from
        // them
        Outcome outcome = planning.outcome(user.districtId(), kpi.outcomeId())
                .orElseThrow(() -> new NotFoundException("outcome"));
        PlanSummary plan = planning.plan(user.districtId(), outcome.planId());
        List<School> schools = directory.schools(user.districtId());
        List<StudentGroup> groups = directory.studentGroups(user.districtId());
        model.addAttribute("schools", schools);
        // the recording form offers only where this person may record (no choice in it leads to a refusal), and only
        // schools of the levels the KPI is about (no graduation rate at an elementary school)
        Predicate<UUID> mayRecord = where -> KpiEditing.mayRecord(user, plan, where);
        List<School> recordSchools = schools.stream()
                .filter(s -> mayRecord.test(s.id()) && kpi.fits(s.level()))
                .toList();
        model.addAttribute("recordSchools", recordSchools);
        model.addAttribute("recordDistrict", mayRecord.test(null));
        model.addAttribute("schoolNames", schools.stream().collect(Collectors.toMap(School::id, Function.identity())));
        model.addAttribute("groups", groups);
        // people read group names in their language, never codes such as ECON or SWD
        model.addAttribute(
                "groupNames",
                groups.stream()
                        .collect(Collectors.toMap(StudentGroup::code, g -> g.name(LocaleContextHolder.getLocale()))));
        model.addAttribute("breakdown", breakdown(all, overview.latestYear()));
        model.addAttribute("canEdit", KpiEditing.mayEdit(user, plan));
        // the form starts at the school looked at when one may record there, else at the first place one may
        UUID recordFor = mayRecord.test(school)
                ? school
                : mayRecord.test(null)
                        ? null
                        : recordSchools.isEmpty() ? null : recordSchools.get(0).id();
        model.addAttribute("canRecord", mayRecord.test(null) || !recordSchools.isEmpty());
        model.addAttribute("outcome", outcome);
        if (!model.containsAttribute("measurementForm")) {
            model.addAttribute(
                    "measurementForm",
                    // the latest year a value can be recorded for: the one under way, or the plan's last
                    new MeasurementForm(
                            SchoolYear.of(editing.recordableYears(user.districtId(), plan)
                                            .last())
                                    .toString(),
                            0,
                            recordFor,
                            group,
                            null,
                            null,
                            null));
        }
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
