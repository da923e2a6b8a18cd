package org.lodestar.enrollment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.lodestar.enrollment.domain.PlanningAheadEditing;
import org.lodestar.enrollment.domain.ScenarioRow;
import org.lodestar.enrollment.domain.StaffingSettings;
import org.lodestar.enrollment.projection.EnrollmentForecaster;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.enrollment.projection.Scenario;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.LocalizedNumbers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What the forecast means for the district's choices: scenarios side by side, staffing, and building capacity. */
@Controller
class PlanningAheadController {

    private final EnrollmentForecasts forecasting;
    private final PlanningAheadEditing editing;
    private final DirectoryApi directory;
    private final EnrollmentCharts charts;
    private final MessageSource messages;
    private final StaffingPage pages;

    PlanningAheadController(
            EnrollmentForecasts forecasting,
            PlanningAheadEditing editing,
            DirectoryApi directory,
            EnrollmentCharts charts,
            MessageSource messages,
            StaffingPage pages) {
        this.forecasting = forecasting;
        this.editing = editing;
        this.directory = directory;
        this.charts = charts;
        this.messages = messages;
        this.pages = pages;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** District totals by year under one scenario (or the base forecast). */
    record Comparison(String name, ScenarioRow scenario, Map<Integer, Double> totals) {}

    @GetMapping("/enrollment/scenarios")
    String scenarios(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("schools", directory.schools(user.districtId()));
        model.addAttribute("kinds", ScenarioRow.Kind.values());
        Optional<Optional<EnrollmentForecasts.Forecasts>> ready = forecasting.forecastsIfReady(user.districtId());
        if (ready.isEmpty()) {
            return Computing.PROGRESS;
        }
        Optional<EnrollmentForecasts.Forecasts> found = ready.get();
        model.addAttribute("hasData", found.isPresent());
        if (found.isEmpty()) {
            return "enrollment/scenarios";
        }
        List<EnrollmentForecaster.Cell> base = found.get().forecast().cells();
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(new Comparison(null, null, totals(base)));
        for (ScenarioRow scenario : editing.scenarios(user.districtId())) {
            comparisons.add(new Comparison(
                    scenario.name(), scenario, totals(scenario.toScenario().apply(base))));
        }
        List<Integer> years = new ArrayList<>(comparisons.get(0).totals().keySet());
        EnrollmentCharts.Chart chart = charts.chart(years);
        for (Comparison comparison : comparisons) {
            chart.line(
                    comparison.name() == null ? text("enrollment.base") : comparison.name(),
                    years.stream().map(year -> comparison.totals().get(year)).toList(),
                    comparison.name() != null);
        }
        model.addAttribute("years", years);
        model.addAttribute("comparisons", comparisons);
        model.addAttribute("chart", chart.json());
        model.addAttribute("schoolNames", directory.schoolsById(user.districtId()));
        return "enrollment/scenarios";
    }

    @PostMapping("/enrollment/scenarios")
    String addScenario(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) ScenarioRow.Kind kind,
            @RequestParam(required = false) Integer fromYear,
            @RequestParam(required = false) UUID schoolId,
            @RequestParam(required = false) UUID otherSchoolId,
            @RequestParam(required = false) BigDecimal sharePercent,
            @RequestParam(required = false) Integer units,
            @RequestParam(required = false) BigDecimal elementary,
            @RequestParam(required = false) BigDecimal middle,
            @RequestParam(required = false) BigDecimal high,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        ForbiddenException.unless(user.canPlanForDistrict());
        List<String> errors = new ArrayList<>();
        if (name.isBlank() || name.length() > 200) {
            errors.add("enrollment.scenario.error.name");
        }
        if (kind == null) {
            errors.add("enrollment.scenario.error.kind");
        }
        if (fromYear == null || fromYear < 1990 || fromYear > 2100) {
            errors.add("enrollment.scenario.error.year");
        }
        for (UUID school : java.util.Arrays.asList(schoolId, otherSchoolId)) {
            if (school != null && directory.school(user.districtId(), school).isEmpty()) {
                errors.add("enrollment.scenario.error.school");
            }
        }
        if (kind == ScenarioRow.Kind.HOUSING) {
            if (schoolId == null) {
                errors.add("enrollment.scenario.error.school");
            }
            if (units == null
                    || units < 1
                    || elementary == null
                    || middle == null
                    || high == null
                    || elementary.signum() < 0
                    || middle.signum() < 0
                    || high.signum() < 0) {
                errors.add("enrollment.scenario.error.housing");
            } else if (schoolId != null && dropsABand(user, schoolId, elementary, middle, high)) {
                errors.add("enrollment.scenario.error.band");
            }
        }
        if ((kind == ScenarioRow.Kind.CHARTER || kind == ScenarioRow.Kind.BOUNDARY)
                && (sharePercent == null
                        || sharePercent.signum() <= 0
                        || sharePercent.compareTo(new BigDecimal(100)) > 0)) {
            errors.add("enrollment.scenario.error.share");
        }
        if (kind == ScenarioRow.Kind.BOUNDARY
                && (schoolId == null || otherSchoolId == null || schoolId.equals(otherSchoolId))) {
            errors.add("enrollment.scenario.error.boundary");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("entered", Map.of("name", name));
            return scenarios(user, model);
        }
        editing.saveScenario(
                user,
                new ScenarioRow(
                        Ids.next(),
                        name.strip(),
                        kind,
                        fromYear,
                        schoolId,
                        otherSchoolId,
                        sharePercent,
                        units,
                        elementary,
                        middle,
                        high));
        return "redirect:/enrollment/scenarios";
    }

    /**
     * New homes' students of a band the school does not teach (middle schoolers at an elementary school) would vanish
     * from the scenario without a word; the planner is asked to set those to 0 or add them at a school of that band.
     */
    private boolean dropsABand(
            SignedInUser user, UUID schoolId, BigDecimal elementary, BigDecimal middle, BigDecimal high) {
        var school = directory.school(user.districtId(), schoolId);
        if (school.isEmpty()) {
            return false;
        }
        Grade lowest = Grade.parse(school.get().lowestGrade());
        Grade highest = Grade.parse(school.get().highestGrade());
        if (lowest == null || highest == null) {
            return false;
        }
        var taught = java.util.EnumSet.range(lowest, highest);
        return (elementary.signum() > 0 && java.util.Collections.disjoint(taught, Scenario.ELEMENTARY))
                || (middle.signum() > 0 && java.util.Collections.disjoint(taught, Scenario.MIDDLE))
                || (high.signum() > 0 && java.util.Collections.disjoint(taught, Scenario.HIGH));
    }

    @PostMapping("/enrollment/scenarios/{id}/delete")
    String deleteScenario(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        ForbiddenException.unless(user.canPlanForDistrict());
        editing.deleteScenario(user, id);
        return "redirect:/enrollment/scenarios";
    }

    @GetMapping("/enrollment/staffing")
    String staffing(@AuthenticationPrincipal SignedInUser user, Model model) {
        StaffingSettings settings = editing.settings(user.districtId());
        model.addAttribute("settings", settings);
        Optional<Optional<EnrollmentForecasts.Forecasts>> ready = forecasting.forecastsIfReady(user.districtId());
        if (ready.isEmpty()) {
            return Computing.PROGRESS;
        }
        Optional<EnrollmentForecasts.Forecasts> found = ready.get();
        model.addAttribute("hasData", found.isPresent());
        if (found.isEmpty()) {
            return "enrollment/staffing";
        }
        pages.fill(user.districtId(), settings, found.get(), model);
        return "enrollment/staffing";
    }

    @PostMapping("/enrollment/staffing")
    String saveSettings(
            @RequestParam(required = false) BigDecimal ratioK3,
            @RequestParam(required = false) BigDecimal ratio45,
            @RequestParam(required = false) BigDecimal ratioSecondary,
            @RequestParam(required = false) BigDecimal attritionPercent,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        ForbiddenException.unless(user.canPlanForDistrict());
        boolean ratiosOk = java.util.stream.Stream.of(ratioK3, ratio45, ratioSecondary)
                .allMatch(r -> r != null && r.compareTo(BigDecimal.ONE) >= 0 && r.compareTo(new BigDecimal(100)) <= 0);
        boolean attritionOk = attritionPercent != null
                && attritionPercent.signum() >= 0
                && attritionPercent.compareTo(new BigDecimal(100)) <= 0;
        if (!ratiosOk || !attritionOk) {
            model.addAttribute("settingsError", true);
            return staffing(user, model);
        }
        StaffingSettings typed = new StaffingSettings(
                ratioK3, ratio45, ratioSecondary, attritionPercent, EditConflictException.versionRead(version));
        try {
            editing.saveSettings(user, typed);
        } catch (EditConflictException conflict) {
            StaffingSettings saved = editing.settings(user.districtId());
            model.addAttribute("conflict", EditConflict.between(shown(typed), shown(saved)));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            // the conflict is answered with the form even while a forecast is being worked out (no waiting page,
            // which would drop what the person typed): the staffing table is then left out
            boolean ready = forecasting.forecastsIfReady(user.districtId()).isPresent();
            String page = ready ? staffing(user, model) : "enrollment/staffing";
            model.addAttribute("computing", !ready);
            // the form shows what the person typed, at the saved version: saving again replaces deliberately
            model.addAttribute(
                    "settings",
                    new StaffingSettings(ratioK3, ratio45, ratioSecondary, attritionPercent, saved.version()));
            return page;
        }
        return "redirect:/enrollment/staffing";
    }

    /** The settings as the form shows them, by field label: what an edit conflict compares. */
    private static Map<String, String> shown(StaffingSettings settings) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        shown.put("enrollment.ratioK3", LocalizedNumbers.format(settings.ratioK3(), locale));
        shown.put("enrollment.ratio45", LocalizedNumbers.format(settings.ratio45(), locale));
        shown.put("enrollment.ratioSecondary", LocalizedNumbers.format(settings.ratioSecondary(), locale));
        shown.put("enrollment.attrition", LocalizedNumbers.format(settings.attritionPercent(), locale));
        return shown;
    }

    private static Map<Integer, Double> totals(List<EnrollmentForecaster.Cell> cells) {
        Map<Integer, Double> totals = new TreeMap<>();
        cells.forEach(c -> totals.merge(c.year(), c.forecast(), Double::sum));
        return totals;
    }
}
