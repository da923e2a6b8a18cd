package org.lodestar.measures.web;

import java.io.IOException;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.domain.MeasurementImport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The scorecard of a plan, grouped by goal and filtered by goal, school and group; and measurement imports. */
@Controller
class ScorecardController {

    private final ScorecardView view;
    private final MeasurementImport imports;

    ScorecardController(ScorecardView view, MeasurementImport imports) {
        this.view = view;
        this.imports = imports;
    }

    @GetMapping("/scorecard")
    String scorecard(
            @RequestParam(required = false) UUID plan,
            @RequestParam(required = false) UUID goal,
            @RequestParam(required = false) UUID school,
            @RequestParam(defaultValue = StudentGroup.ALL) String group,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        ScorecardView.Shown shown = view.shown(
                user.districtId(),
                new ScorecardView.Filter(plan, goal, school, group),
                LocaleContextHolder.getLocale());
        model.addAttribute("plans", shown.plans());
        model.addAttribute("schools", shown.schools());
        model.addAttribute("groups", shown.groups());
        model.addAttribute("filter", shown.filter());
        model.addAttribute("plan", shown.plan());
        model.addAttribute("archived", shown.archived());
        model.addAttribute("cards", shown.cards());
        model.addAttribute("goals", shown.goals());
        return "measures/scorecard";
    }

    @GetMapping("/measurements/import")
    String importForm() {
        return "measures/import";
    }

    @PostMapping("/measurements/import")
    String importFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal SignedInUser user, Model model)
            throws IOException {
        MeasurementImport.Result result = imports.importFile(user, file.getOriginalFilename(), file);
        model.addAttribute("result", result);
        model.addAttribute("filename", file.getOriginalFilename());
        return "measures/import";
    }
}
