package org.lodestar.needs.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.domain.MetricCatalog;
import org.lodestar.needs.domain.NeedInputException;
import org.lodestar.needs.domain.StateValues;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district's CNA metrics by area: planners and admins add them, link one to the KPI it feeds and enter the state's
 * values (by metric, school year and student group) the district compares itself with; school leaders read them.
 */
@Controller
class MetricController {

    private final MetricCatalog catalog;
    private final StateValues stateValues;
    private final DirectoryApi directory;
    private final Clock clock;

    MetricController(MetricCatalog catalog, StateValues stateValues, DirectoryApi directory, Clock clock) {
        this.catalog = catalog;
        this.stateValues = stateValues;
        this.directory = directory;
        this.clock = clock;
    }

    /** A new metric as the form sends it. */
    record MetricForm(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]*")
            String code,

            @NotBlank @Size(max = 200) String nameEn,
            @NotBlank @Size(max = 200) String nameEs,
            @NotNull CnaArea area,
            @NotNull CnaMetric.Unit unit,
            boolean higherIsBetter,
            boolean aboutStudents) {}

    @GetMapping("/needs/metrics")
    String metrics(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(MetricCatalog.mayRead(user));
        return page(user, model);
    }

    @PostMapping("/needs/metrics")
    String add(
            @Valid @ModelAttribute("form") MetricForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        if (!errors.hasFieldErrors("code") && form.code() != null && catalog.exists(user.districtId(), form.code())) {
            errors.rejectValue("code", "needs.metric.error.code");
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return page(user, model);
        }
        catalog.add(
                user,
                new CnaMetric(
                        null,
                        form.code().strip().toUpperCase(Locale.ROOT),
                        form.nameEn().strip(),
                        form.nameEs().strip(),
                        form.area(),
                        form.unit(),
                        form.higherIsBetter(),
                        form.aboutStudents(),
                        null,
                        0));
        return "redirect:/needs/metrics?added=" + form.code().strip().toUpperCase(Locale.ROOT);
    }

    @PostMapping("/needs/metrics/{metricId}/kpi")
    String link(
            @PathVariable UUID metricId,
            @RequestParam(required = false) UUID kpi,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        CnaMetric metric = catalog.metric(user, metricId);
        if (kpi == null) {
            model.addAttribute("linkError", "needs.metric.error.noKpi");
            model.addAttribute("linkMetric", metric.id());
            response.setStatus(422);
            return page(user, model);
        }
        try {
            MetricCatalog.Fed fed = catalog.link(user, metricId, kpi, version);
            redirect.addFlashAttribute("fed", fed);
            redirect.addFlashAttribute("fedMetric", metric.code());
            return "redirect:/needs/metrics";
        } catch (IllegalArgumentException unit) {
            model.addAttribute("linkError", "needs.metric.error.unit");
            model.addAttribute("linkMetric", metric.id());
            response.setStatus(422);
            return page(user, model);
        }
    }

    /** Enters the state's value of a metric for a school year and a student group. */
    @PostMapping("/needs/metrics/state")
    String enterState(
            @RequestParam(required = false) UUID metric,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String value,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        if (metric == null) {
            throw new NotFoundException("metric");
        }
        try {
            stateValues.enter(user, metric, year, group, value);
            return "redirect:/needs/metrics?stateSaved#state-values";
        } catch (NeedInputException e) {
            Map<String, String> entered = new HashMap<>();
            entered.put("metric", metric.toString());
            entered.put("year", year == null ? "" : year);
            entered.put("group", group == null ? "" : group);
            entered.put("stateValue", value == null ? "" : value);
            return stateRefused(e, entered, user, response, model);
        }
    }

    /** Changes an entered state value, or removes it (value left blank). */
    @PostMapping("/needs/metrics/state/change")
    String changeState(
            @RequestParam UUID metric,
            @RequestParam int year,
            @RequestParam String group,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        try {
            stateValues.change(user, metric, year, group, value, version);
            return "redirect:/needs/metrics?stateSaved#state-values";
        } catch (NeedInputException e) {
            return stateRefused(e, Map.of(e.field(), value == null ? "" : value), user, response, model);
        }
    }

    private String stateRefused(
            NeedInputException e,
            Map<String, String> entered,
            SignedInUser user,
            HttpServletResponse response,
            Model model) {
        response.setStatus(422);
        model.addAttribute("stateErrors", Map.of(e.field(), e.messageKey()));
        model.addAttribute("stateEntered", entered);
        return page(user, model);
    }

    private String page(SignedInUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new MetricForm("", "", "", CnaArea.STUDENT_ACHIEVEMENT, CnaMetric.Unit.PERCENT, true, true));
        }
        model.addAttribute("metrics", catalog.metrics(user));
        model.addAttribute("areas", CnaArea.values());
        model.addAttribute("units", CnaMetric.Unit.values());
        boolean edit = MetricCatalog.mayEdit(user);
        model.addAttribute("mayEdit", edit);
        model.addAttribute("kpis", edit ? catalog.allKpis(user) : java.util.List.of());
        model.addAttribute("stateValues", stateValues.list(user));
        Map<UUID, CnaMetric> byId = new HashMap<>();
        catalog.metrics(user).forEach(m -> byId.put(m.id(), m));
        model.addAttribute("metricsById", byId);
        Map<String, String> groups = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        groups.put(StudentGroup.ALL, null);
        directory.studentGroups(user.districtId()).stream()
                .filter(g -> !StudentGroup.ALL.equals(g.code()))
                .forEach(g -> groups.put(g.code(), g.name(locale)));
        model.addAttribute("stateGroups", groups);
        int current = SchoolYear.containing(LocalDate.now(clock), 7).startYear();
        List<NeedPages.YearOption> years = new ArrayList<>();
        for (int y = current + 1; y >= current - 6; y--) {
            years.add(new NeedPages.YearOption(y, SchoolYear.of(y).toString()));
        }
        model.addAttribute("stateYears", years);
        model.addAttribute("currentYear", current);
        model.addAttribute("yearLabels", NeedPages.YEAR_LABELS);
        if (!model.containsAttribute("stateErrors")) {
            model.addAttribute("stateErrors", Map.of());
            model.addAttribute("stateEntered", Map.of());
        }
        return "needs/metrics";
    }
}
