package org.lodestar.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.domain.MeasurementImport;
import org.lodestar.shared.GzipParts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
    private final Rendered rendered;
    private final MeasurementImport imports;

    ScorecardController(ScorecardView view, Rendered rendered, MeasurementImport imports) {
        this.view = view;
        this.rendered = rendered;
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
            HttpServletRequest request,
            HttpServletResponse response) {
        GzipParts.Part body = view.body(
                user,
                new ScorecardView.Filter(plan, goal, school, group),
                LocaleContextHolder.getLocale(),
                (shown, rights) -> rendered.render(BODY, body(shown, rights, model), request, response));
        model.addAttribute("body", BODY_MARK);
        String layout = rendered.render("measures/scorecard", model.asMap(), request, response);
        int at = layout.indexOf(BODY_MARK);
        List<GzipParts.Part> parts = List.of(
                GzipParts.part(layout.substring(0, at).getBytes(StandardCharsets.UTF_8)),
                body,
                GzipParts.part(layout.substring(at + BODY_MARK.length()).getBytes(StandardCharsets.UTF_8)));
        var answer = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return GzipParts.accepted(request.getHeader(HttpHeaders.ACCEPT_ENCODING))
                ? answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(GzipParts.gzip(parts))
                : answer.body(GzipParts.plain(parts));
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
    String importFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal SignedInUser user, Model model)
            throws IOException {
        MeasurementImport.Result result = imports.importFile(user, file.getOriginalFilename(), file);
        model.addAttribute("result", result);
        model.addAttribute("filename", file.getOriginalFilename());
        return "measures/import";
    }
}
