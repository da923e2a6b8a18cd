package org.lodestar.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.domain.MeasurementImport;
import org.lodestar.shared.GzipParts;
import org.lodestar.shared.Templates;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
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

    /** The scorecard without its layout, rendered once per view and rights (see {@link ScorecardView}). */
    static final String BODY = "measures/scorecard-body";

    /** Where the body goes in the layout, rendered in its place and replaced by it. */
    private static final String BODY_MARK = "<!--lodestar:scorecard-body-->";

    private final ScorecardView view;
    private final Templates templates;
    private final MeasurementImport imports;

    ScorecardController(ScorecardView view, Templates templates, MeasurementImport imports) {
        this.view = view;
        this.templates = templates;
        this.imports = imports;
    }

    /**
     * The scorecard: its body as kept (compressed once), in this person's layout (their name, their form token),
     * rendered now with a mark where the body goes. Compressed, only the layout is compressed per request.
     */
    @GetMapping("/scorecard")
    ResponseEntity<byte[]> scorecard(
            @RequestParam(required = false) UUID plan,
            @RequestParam(required = false) UUID goal,
            @RequestParam(required = false) UUID school,
            @RequestParam(defaultValue = StudentGroup.ALL) String group,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletRequest request) {
        GzipParts.Part body = view.body(
                user,
                new ScorecardView.Filter(plan, goal, school, group),
                LocaleContextHolder.getLocale(),
                (shown, rights) -> templates.render(BODY, body(shown, rights, model)));
        model.addAttribute("body", BODY_MARK);
        return KeptParts.answer(templates, "measures/scorecard", model, BODY_MARK, body, request);
    }

    /** What the body shows: the scorecard and the person's rights, in the district's words (its tiers, currency). */
    private static Map<String, Object> body(ScorecardView.Shown shown, ScorecardView.Rights rights, Model page) {
        Map<String, Object> model = new HashMap<>();
        model.put("district", page.getAttribute("district"));
        model.put("tiers", page.getAttribute("tiers"));
        model.put("plans", shown.plans());
        model.put("schools", shown.schools());
        model.put("groups", shown.groups());
        model.put("filter", shown.filter());
        model.put("plan", shown.plan());
        model.put("archived", shown.archived());
        model.put("cards", shown.cards());
        model.put("goals", shown.goals());
        model.put("rights", rights);
        return model;
    }

    @GetMapping("/measurements/import")
    String importForm() {
        return "measures/import";
    }

    @PostMapping("/measurements/import")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "lockReason", required = false) String lockReason,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        MeasurementImport.Result result = imports.importFile(user, file.getOriginalFilename(), file, lockReason);
        model.addAttribute("result", result);
        model.addAttribute("filename", file.getOriginalFilename());
        return "measures/import";
    }
}
