package org.lodestar.directory.web;

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
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.TierNames;
import org.lodestar.directory.domain.DirectoryAdministration;
import org.lodestar.shared.ForbiddenException;
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
        District d = directory.district(user.districtId());
        model.addAttribute(
                "form",
                new SettingsForm(
                        d.name(),
                        d.tiers().goal(),
                        d.tiers().outcome(),
                        d.tiers().kpi(),
                        d.tiers().strategy(),
                        d.tiers().project(),
                        d.schoolYearStartMonth(),
                        d.minimumN(),
                        d.statusTolerancePercent(),
                        d.defaultLanguage()));
        return "directory/settings";
    }

    @PostMapping("/admin/settings")
    String save(
            @Valid @ModelAttribute("form") SettingsForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        ForbiddenException.unless(user.isAdmin());
        if (errors.hasErrors()) {
            return "directory/settings";
        }
        District d = directory.district(user.districtId());
        administration.updateSettings(
                user,
                new District(
                        d.id(),
                        form.name().strip(),
                        d.slug(),
                        d.sampleData(),
                        new TierNames(
                                form.tierGoal().strip(),
                                form.tierOutcome().strip(),
                                form.tierKpi().strip(),
                                form.tierStrategy().strip(),
                                form.tierProject().strip()),
                        form.schoolYearStartMonth(),
                        form.minimumN(),
                        form.statusTolerancePercent(),
                        form.defaultLanguage()));
        return "redirect:/admin/settings?saved";
    }

    record SettingsForm(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String tierGoal,
            @NotBlank @Size(max = 40) String tierOutcome,
            @NotBlank @Size(max = 40) String tierKpi,
            @NotBlank @Size(max = 40) String tierStrategy,
            @NotBlank @Size(max = 40) String tierProject,
            @NotNull @Min(1) @Max(12) Integer schoolYearStartMonth,
            @NotNull @Min(1) @Max(100) Integer minimumN,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal statusTolerancePercent,
            @NotBlank @Pattern(regexp = "en|es") String defaultLanguage) {}
}
