package org.lodestar.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.TierNames;
import org.lodestar.directory.domain.DirectoryAdministration;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Money;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** District settings: tier names, school-year start, minimum n for public reporting, tolerance, language. */
@Controller
class SettingsController {

    private final DirectoryApi directory;
    private final DirectoryAdministration administration;

    SettingsController(DirectoryApi directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    @GetMapping("/admin/settings")
    String show(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        model.addAttribute("form", SettingsForm.of(directory.district(user.districtId())));
        return "directory/settings";
    }

    @PostMapping("/admin/settings")
    String save(
            @Valid @ModelAttribute("form") SettingsForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        ForbiddenException.unless(user.isAdmin());
        // a form that could not be read whole (text in a number field) is shown again with the binder's errors first
        if (!errors.hasErrors() && !Money.isCurrency(form.currency())) {
            errors.rejectValue("currency", "settings.currencyUnknown");
        }
        if (errors.hasErrors()) {
            return "directory/settings";
        }
        District d = directory.district(user.districtId());
        try {
            administration.updateSettings(user, form.applyTo(d));
        } catch (EditConflictException conflict) {
            SettingsForm saved = SettingsForm.of(directory.district(user.districtId()));
            model.addAttribute("conflict", EditConflict.between(form.shown(), saved.shown()));
            model.addAttribute("form", form.atVersion(saved.version()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "directory/settings";
        }
        return "redirect:/admin/settings?saved";
    }

    record SettingsForm(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String tierGoal,
            @NotBlank @Size(max = 40) String tierOutcome,
            @NotBlank @Size(max = 40) String tierKpi,
            @NotBlank @Size(max = 40) String tierStrategy,
            @NotBlank @Size(max = 40) String tierProject,
            @NotBlank @Size(max = 40) String tierGoalEs,
            @NotBlank @Size(max = 40) String tierOutcomeEs,
            @NotBlank @Size(max = 40) String tierKpiEs,
            @NotBlank @Size(max = 40) String tierStrategyEs,
            @NotBlank @Size(max = 40) String tierProjectEs,
            @NotNull @Min(1) @Max(12) Integer schoolYearStartMonth,
            @NotNull @Min(1) @Max(100) Integer minimumN,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal statusTolerancePercent,
            @NotBlank @Pattern(regexp = "en|es") String defaultLanguage,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
            Integer version) {

        static SettingsForm of(District d) {
            return new SettingsForm(
                    d.name(),
                    d.tiers().goal(),
                    d.tiers().outcome(),
                    d.tiers().kpi(),
                    d.tiers().strategy(),
                    d.tiers().project(),
                    d.spanishTiers().goal(),
                    d.spanishTiers().outcome(),
                    d.spanishTiers().kpi(),
                    d.spanishTiers().strategy(),
                    d.spanishTiers().project(),
                    d.schoolYearStartMonth(),
                    d.minimumN(),
                    d.statusTolerancePercent(),
                    d.defaultLanguage(),
                    d.currency(),
                    d.version());
        }

        SettingsForm atVersion(int saved) {
            return new SettingsForm(
                    name,
                    tierGoal,
                    tierOutcome,
                    tierKpi,
                    tierStrategy,
                    tierProject,
                    tierGoalEs,
                    tierOutcomeEs,
                    tierKpiEs,
                    tierStrategyEs,
                    tierProjectEs,
                    schoolYearStartMonth,
                    minimumN,
                    statusTolerancePercent,
                    defaultLanguage,
                    currency,
                    saved);
        }

        /** What the form shows, by field label: what an edit conflict compares. */
        Map<String, String> shown() {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("settings.name", name);
            shown.put("settings.tierGoal", tierGoal);
            shown.put("settings.tierOutcome", tierOutcome);
            shown.put("settings.tierKpi", tierKpi);
            shown.put("settings.tierStrategy", tierStrategy);
            shown.put("settings.tierProject", tierProject);
            shown.put(
                    "settings.tiersSpanish",
                    String.join(", ", tierGoalEs, tierOutcomeEs, tierKpiEs, tierStrategyEs, tierProjectEs));
            shown.put("settings.startMonth", String.valueOf(schoolYearStartMonth));
            shown.put("settings.minimumN", String.valueOf(minimumN));
            shown.put(
                    "settings.tolerance",
                    statusTolerancePercent == null
                            ? null
                            : statusTolerancePercent.stripTrailingZeros().toPlainString());
            shown.put("settings.language", defaultLanguage);
            shown.put("settings.currency", currency);
            return shown;
        }

        District applyTo(District d) {
            return new District(
                    d.id(),
                    name.strip(),
                    d.slug(),
                    d.sampleData(),
                    new TierNames(
                            tierGoal.strip(),
                            tierOutcome.strip(),
                            tierKpi.strip(),
                            tierStrategy.strip(),
                            tierProject.strip()),
                    new TierNames(
                            tierGoalEs.strip(),
                            tierOutcomeEs.strip(),
                            tierKpiEs.strip(),
                            tierStrategyEs.strip(),
                            tierProjectEs.strip()),
                    schoolYearStartMonth,
                    minimumN,
                    statusTolerancePercent,
                    defaultLanguage,
                    currency,
                    EditConflictException.versionRead(version));
        }
    }
}
