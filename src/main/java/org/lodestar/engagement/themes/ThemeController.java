package org.lodestar.engagement.themes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Comment sets and their themes, for the district's planners and admins (comments are personal data): the list of sets
 * at {@code /themes}, pasting comments, finding themes (in the background, the page polls its progress), a set's themes
 * with renaming, merging, splitting, moving and hiding, links to needs and plan items, "you said, we did" entries, and
 * the aggregate CSV (labels, sizes, audience shares; no comment's text). A school's leader reads their school's sets in
 * aggregate only (no comment, no editing form), finds their themes again, and links them to their school's needs and
 * plans ({@link ThemeScope}); anyone else is refused (403).
 */
@Controller
class ThemeController {

    /** The newest surveys and sessions the form offers (a set may hold any of them, older ones by their id). */
    static final int OFFERED = 200;

    private final ThemeStore store;
    private final ThemeRuns runs;
    private final ThemeEdits edits;
    private final ThemeLinks links;
    private final YouSaidStore entries;
    private final YouSaidEdits youSaid;
    private final ThemeScope scope;
    private final ThemeViews views;

    ThemeController(
            ThemeStore store,
            ThemeRuns runs,
            ThemeEdits edits,
            ThemeLinks links,
            YouSaidStore entries,
            YouSaidEdits youSaid,
            ThemeScope scope,
            ThemeViews views) {
        this.store = store;
        this.runs = runs;
        this.edits = edits;
        this.links = links;
        this.entries = entries;
        this.youSaid = youSaid;
        this.scope = scope;
        this.views = views;
    }

    // --- views

    @GetMapping("/themes")
    String sets(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("sets", scope.sets(user));
        boolean planner = user.canPlanForDistrict();
        model.addAttribute("planner", planner);
        model.addAttribute(
                "sources", scope.sources(user).stream().limit(OFFERED).toList());
        return "engagement/themes";
    }

    @PostMapping("/themes/sets")
    String newSet(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) List<String> sources,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        // a school's leader chooses among their school's surveys and sessions; a source not offered is refused, not
        // dropped
        List<ThemeStore.SourceCount> known = scope.sources(user);
        List<String> posted =
                sources == null ? List.of() : sources.stream().distinct().toList();
        List<ThemeStore.Source> chosen = known.stream()
                .filter(k -> posted.contains(k.source() + ":" + k.sourceId()))
                .map(ThemeStore.SourceCount::asSource)
                .toList();
        String problem = title.isBlank() || title.strip().length() > ThemeEdits.MAX_LABEL
                ? "themes.set.titleMissing"
                : posted.isEmpty()
                        ? "themes.set.noSource"
                        : chosen.size() < posted.size()
                                ? "themes.set.sourceNotOffered"
                                : !scope.mayMakeSetOf(user, chosen) ? "themes.set.oneSchool" : null;
        if (problem != null) {
            response.setStatus(422);
            model.addAttribute("setProblem", problem);
            return sets(user, model);
        }
        UUID setId = edits.newSet(user, title.strip(), chosen);
        return startAndShow(user, setId);
    }

    @GetMapping("/themes/paste")
    String pasteForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        ThemeEdits.mayRead(user);
        model.addAttribute("audiences", Consultation.Audience.values());
        return "engagement/theme-paste";
    }

    @PostMapping("/themes/paste")
    String paste(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String comments,
            @RequestParam(defaultValue = "") String audience,
            @RequestParam(defaultValue = "en") String language,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ThemeEdits.mayRead(user);
        Consultation.Audience chosen = null;
        for (Consultation.Audience a : Consultation.Audience.values()) {
            if (a.name().equals(audience)) {
                chosen = a;
            }
        }
        ThemePaste.Read read = ThemePaste.read(comments);
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isBlank() || title.strip().length() > ThemeEdits.MAX_LABEL) {
            problems.put("title", "themes.paste.titleMissing");
        }
        if (!audience.isEmpty() && chosen == null) {
            problems.put("audience", "themes.paste.badAudience");
        }
        if (!"en".equals(language) && !"es".equals(language)) {
            problems.put("language", "themes.paste.badLanguage");
        }
        if (!read.ok()) {
            problems.put("comments", read.problem());
            model.addAttribute("line", read.line());
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("problems", problems);
            model.addAttribute("title", title);
            model.addAttribute("comments", comments);
            model.addAttribute("audience", audience);
            model.addAttribute("language", language);
            return pasteForm(user, model);
        }
        UUID setId = edits.paste(user, title.strip(), chosen, language, read.texts());
        return startAndShow(user, setId);
    }

    /**
     * A url-encoded paste (a hand-made request: the page's form posts multipart, bounded by the upload limit) larger than
     * a plain form may be (Tomcat's 2 MB) cannot be read at all: the person is told so at the comments (422) and nothing
     * is saved, rather than a bare 413, or "no comment to save" for text that was there. Another route of these pages
     * posted that large gets the bad-request page.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView unreadableForm(HttpServletRequest request) {
        Object principal = SecurityContextHolder.getContext().getAuthentication() == null
                ? null
                : SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        if (!(principal instanceof SignedInUser user)
                || !"POST".equals(request.getMethod())
                || !"/themes/paste".equals(request.getServletPath())) {
            ModelAndView bad = new ModelAndView("platform/bad-request");
            bad.setStatus(HttpStatus.BAD_REQUEST);
            return bad;
        }
        ThemeEdits.mayRead(user);
        ModelAndView form = new ModelAndView("engagement/theme-paste");
        form.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        form.addObject("audiences", Consultation.Audience.values());
        form.addObject("problems", Map.of("comments", "themes.paste.tooLargeForForm"));
        form.addObject("line", 0);
        form.addObject("title", "");
        form.addObject("comments", "");
        form.addObject("audience", "");
        form.addObject("language", "en");
        return form;
    }

    private String startAndShow(SignedInUser user, UUID setId) {
        try {
            runs.request(user.districtId(), user.email(), setId);
        } catch (ThemeRuns.Refused refused) {
            return "redirect:/themes/" + setId + "?refused=" + refused.messageKey;
        }
        return "redirect:/themes/" + setId;
    }

    @PostMapping("/themes/{setId}/runs")
    String findAgain(@PathVariable UUID setId, @AuthenticationPrincipal SignedInUser user) {
        // a school's leader may too: the run reads the comments on the server and shows only aggregates
        scope.set(user, setId);
        return startAndShow(user, setId);
    }

    /** The run's progress alone, which htmx asks for every second; a finished run reloads the page. */
    @GetMapping("/themes/{setId}/runs/{runId}")
    String progress(
            @PathVariable UUID setId,
            @PathVariable UUID runId,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        scope.set(user, setId);
        ThemeStore.Run run = store.run(user.districtId(), runId)
                .filter(r -> r.setId().equals(setId))
                .orElseThrow(() -> new NotFoundException("run"));
        if (run.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", run);
        model.addAttribute("setId", setId);
        return "engagement/theme-set :: progress";
    }

    @GetMapping("/themes/{setId}")
    String set(
            @PathVariable UUID setId,
            @RequestParam(required = false) String refused,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        ThemeStore.ThemeSet set = scope.set(user, setId);
        boolean planner = user.canPlanForDistrict();
        List<ThemeStore.Run> runList = store.runs(user.districtId(), setId);
        model.addAttribute("set", set);
        model.addAttribute("planner", planner);
        model.addAttribute("runs", runList);
        model.addAttribute("run", runList.isEmpty() ? null : runList.get(0));
        model.addAttribute("setId", setId);
        model.addAttribute(
                "themes",
                planner ? views.themes(user.districtId(), setId) : views.aggregates(user.districtId(), setId));
        model.addAttribute("needs", linkableNeeds(user));
        model.addAttribute("items", linkableItems(user));
        if (refused != null && refused.matches("themes\\.run\\.[a-zA-Z]+")) {
            model.addAttribute("refused", refused);
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        return "engagement/theme-set";
    }

    /** The needs the person may link a theme to: the district's for planners, their schools' for a school's leader. */
    private Map<UUID, String> linkableNeeds(SignedInUser user) {
        return user.canPlanForDistrict()
                ? links.needsOfDistrict(user.districtId())
                : links.needsOfSchools(user.districtId(), user.ledSchools());
    }

    /** The goals and actions the person may link a theme to: the district's plans', or their schools' plans'. */
    private Map<UUID, String> linkableItems(SignedInUser user) {
        return user.canPlanForDistrict()
                ? links.itemsOfDistrict(user.districtId())
                : links.itemsOfSchools(user.districtId(), user.ledSchools());
    }

    // --- edits

    @PostMapping("/themes/{setId}/themes/{themeId}/rename")
    String rename(
            @PathVariable UUID setId,
            @PathVariable UUID themeId,
            @RequestParam(defaultValue = "") String label,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ThemeEdits.mayRead(user);
        ofSet(user, setId, themeId);
        if (label.isBlank() || label.strip().length() > ThemeEdits.MAX_LABEL) {
            return refuse(setId, "rename-" + themeId, "themes.label.missing", user, response, model);
        }
        edits.rename(user, themeId, label.strip(), version);
        return "redirect:/themes/" + setId + "#theme-" + themeId;
    }

    @PostMapping("/themes/{setId}/themes/{themeId}/merge")
    String merge(
            @PathVariable UUID setId,
            @PathVariable UUID themeId,
            @RequestParam int version,
            @RequestParam(required = false) UUID into,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ThemeEdits.mayRead(user);
        ofSet(user, setId, themeId);
        if (into == null) {
            return refuse(setId, "merge-" + themeId, "themes.merge.choose", user, response, model);
        }
        ThemeStore.ThemeRow target = ofSet(user, setId, into);
        edits.merge(user, themeId, version, into, target.version());
        return "redirect:/themes/" + setId + "#theme-" + into;
    }

    @PostMapping("/themes/{setId}/themes/{themeId}/split")
    String split(
            @PathVariable UUID setId,
            @PathVariable UUID themeId,
            @RequestParam int version,
            @RequestParam(required = false) List<UUID> comments,
            @RequestParam(defaultValue = "") String label,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ThemeEdits.mayRead(user);
        ofSet(user, setId, themeId);
        if (comments == null || comments.isEmpty()) {
            return refuse(setId, "split-" + themeId, "themes.split.choose", user, response, model);
        }
        if (label.isBlank() || label.strip().length() > ThemeEdits.MAX_LABEL) {
            return refuse(setId, "split-" + themeId, "themes.label.missing", user, response, model);
        }
        UUID created = edits.split(user, themeId, version, comments, label.strip());
        return "redirect:/themes/" + setId + "#theme-" + created;
    }

    @PostMapping("/themes/{setId}/themes/{themeId}/move")
    String move(
            @PathVariable UUID setId,
            @PathVariable UUID themeId,
            @RequestParam int version,
            @RequestParam UUID comment,
            @RequestParam(required = false) UUID to,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ThemeEdits.mayRead(user);
        ofSet(user, setId, themeId);
        if (to == null) {
            return refuse(setId, "move-" + comment, "themes.move.choose", user, response, model);
        }
        edits.move(user, themeId, version, comment, to);
        return "redirect:/themes/" + setId + "#theme-" + to;
    }

    @PostMapping("/themes/{setId}/comments/{commentId}/hide")
    String hide(
            @PathVariable UUID setId,
            @PathVariable UUID commentId,
            @RequestParam(defaultValue = "true") boolean hidden,
            @AuthenticationPrincipal SignedInUser user) {
        edits.hide(user, setId, commentId, hidden);
        return "redirect:/themes/" + setId;
    }

    @PostMapping("/themes/{setId}/themes/{themeId}/links")
    String link(
            @PathVariable UUID setId,
            @PathVariable UUID themeId,
            @RequestParam String kind,
            @RequestParam(required = false) UUID target,
            @RequestParam(defaultValue = "true") boolean linked,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        scope.set(user, setId);
        ofSet(user, setId, themeId);
        if (target == null) {
            return refuse(setId, "link-" + themeId, "themes.link.choose", user, response, model);
        }
        Map<UUID, String> allowed = switch (kind) {
            case ThemeLinks.NEED -> linkableNeeds(user);
            case ThemeLinks.ITEM -> linkableItems(user);
            default -> throw new NotFoundException("kind");
        };
        // a planner may remove any link; a school's leader only those to their school's needs and plans
        if ((linked || !user.canPlanForDistrict()) && !allowed.containsKey(target)) {
            throw new NotFoundException("target");
        }
        edits.link(user, themeId, kind, target, linked);
        return "redirect:/themes/" + setId + "#theme-" + themeId;
    }

    @PostMapping("/themes/{setId}/themes/{themeId}/you-said")
    String saveYouSaid(
            @PathVariable UUID setId,
            @PathVariable UUID themeId,
            @RequestParam(required = false) UUID entry,
            @RequestParam(defaultValue = "0") int version,
            @RequestParam(defaultValue = "") String heardEn,
            @RequestParam(defaultValue = "") String heardEs,
            @RequestParam(defaultValue = "") String didEn,
            @RequestParam(defaultValue = "") String didEs,
            @RequestParam(required = false) UUID quote,
            @RequestParam(required = false) List<UUID> items,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ThemeEdits.mayRead(user);
        ofSet(user, setId, themeId);
        for (String text : List.of(heardEn, heardEs, didEn, didEs)) {
            if (text.isBlank() || text.strip().length() > 2000) {
                return refuse(setId, "yousaid-" + themeId, "themes.yousaid.missing", user, response, model);
            }
        }
        youSaid.save(
                user,
                themeId,
                new YouSaidStore.Entry(
                        entry,
                        themeId,
                        heardEn.strip(),
                        heardEs.strip(),
                        didEn.strip(),
                        didEs.strip(),
                        quote,
                        items == null ? List.of() : items.stream().distinct().toList(),
                        false,
                        null,
                        version));
        return "redirect:/themes/" + setId + "#theme-" + themeId;
    }

    @PostMapping("/themes/{setId}/you-said/{entryId}/publish")
    String publish(
            @PathVariable UUID setId,
            @PathVariable UUID entryId,
            @RequestParam boolean published,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user) {
        ThemeEdits.mayRead(user);
        YouSaidStore.Entry entry =
                entries.entry(user.districtId(), entryId).orElseThrow(() -> new NotFoundException("entry"));
        ofSet(user, setId, entry.themeId());
        youSaid.publish(user, entryId, published, version);
        return "redirect:/themes/" + setId + "#theme-" + entry.themeId();
    }

    /** The set's themes in aggregate: label, size and each audience's share; never a comment's text. */
    @GetMapping("/themes/{setId}/themes.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID setId, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        scope.set(user, setId);
        List<ThemeViews.ThemeView> themes = user.canPlanForDistrict()
                ? views.themes(user.districtId(), setId)
                : views.aggregates(user.districtId(), setId);
        List<String> header = new ArrayList<>(List.of("label", "size"));
        for (Consultation.Audience audience : Consultation.Audience.values()) {
            header.add("share_" + audience.name().toLowerCase(Locale.ROOT));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (ThemeViews.ThemeView theme : themes) {
                List<Object> row = new ArrayList<>(List.of(theme.label() == null ? "" : theme.label(), theme.size()));
                for (Consultation.Audience audience : Consultation.Audience.values()) {
                    Integer percent = theme.audiencePercents().get(audience.name());
                    row.add(percent == null ? "" : String.format(Locale.ROOT, "%.2f", percent / 100.0));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("themes.csv")
                                .build()
                                .toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A theme of the set, of the district; another's is not found. */
    private ThemeStore.ThemeRow ofSet(SignedInUser user, UUID setId, UUID themeId) {
        return store.theme(user.districtId(), themeId)
                .filter(t -> t.setId().equals(setId))
                .orElseThrow(() -> new NotFoundException("theme"));
    }

    private String refuse(
            UUID setId, String where, String key, SignedInUser user, HttpServletResponse response, Model model) {
        response.setStatus(422);
        model.addAttribute("problems", Map.of(where, key));
        return set(setId, null, user, model);
    }
}
