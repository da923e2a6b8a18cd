package org.lodestar.needs.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.domain.MetricCatalog;
import org.lodestar.shared.ForbiddenException;
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
 * The district's CNA metrics by area: planners and admins add them and link one to the KPI it feeds; school leaders
 * read them.
 */
@Controller
class MetricController {

    private final MetricCatalog catalog;

    MetricController(MetricCatalog catalog) {
        this.catalog = catalog;
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
        return "needs/metrics";
    }
}
