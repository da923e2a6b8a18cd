package org.lodestar.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.TrendChart;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public scorecard at {@code /p/{district}}, its print view at {@code /p/{district}/print} and a page per school at
 * {@code /p/{district}/schools/{school}}: no sign-in, English or Spanish, each rendered once per version.
 */
@Controller
class PublicScorecardController {

    private final DirectoryApi directory;
    private final PublicScorecard scorecard;
    private final PublicPages pages;
    private final MessageSource messages;
    private final JsonMapper json;
    private final PublicScorecardCsv csv;

    PublicScorecardController(
            DirectoryApi directory,
            PublicScorecard scorecard,
            PublicPages pages,
            MessageSource messages,
            JsonMapper json,
            PublicScorecardCsv csv) {
        this.csv = csv;
        this.directory = directory;
        this.scorecard = scorecard;
        this.pages = pages;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/p/{slug}")
    ResponseEntity<byte[]> show(
            @PathVariable String slug, Model model, HttpServletRequest request, HttpServletResponse response) {
        return serve(slug, "reports/public-scorecard", this::scorecard, false, model, request, response);
    }

    /** The whole scorecard laid out for paper: no navigation, tables instead of charts, each goal on a new page. */
    @GetMapping("/p/{slug}/print")
    ResponseEntity<byte[]> print(
            @PathVariable String slug, Model model, HttpServletRequest request, HttpServletResponse response) {
        return serve(slug, "reports/public-scorecard", this::scorecard, true, model, request, response);
    }

    /**
     * The scorecard's values as a CSV file in the visitor's language: what the page shows, a value the page hides
     * blank with the reason.
     */
    @GetMapping("/p/{slug}/scorecard.csv")
    ResponseEntity<byte[]> csv(@PathVariable String slug) {
        District district = district(slug);
        byte[] file = csv.csv(district, LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(district.slug() + "-scorecard.csv")
                                .build()
                                .toString())
                .body(file);
    }

    /** One school's page; a school the district does not have (another district's, say) is not found. */
    @GetMapping("/p/{slug}/schools/{school}")
    ResponseEntity<byte[]> school(
            @PathVariable String slug,
            @PathVariable String school,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        UUID schoolId = schoolId(school);
        return serve(
                slug,
                "reports/public-school",
                (district, locale) -> {
                    PublicScorecard.SchoolView page = scorecard
                            .school(district, schoolId, locale)
                            .orElseThrow(() -> new NotFoundException("school"));
                    return Map.of("school", page.school(), "view", page.view());
                },
                false,
                model,
                request,
                response);
    }

    /** What a public page shows besides the district: its view and the like, from the district and language. */
    private interface Content {
        Map<String, Object> of(District district, Locale locale);
    }

    private Map<String, Object> scorecard(District district, Locale locale) {
        PublicScorecard.View view = scorecard.view(district, locale);
        return Map.of("view", view, "changes", scorecard.changes(view));
    }

    /**
     * A public page, rendered once per district, version, language and address (the path, so each page and the print
     * view have their own) and then served as rendered.
     */
    private ResponseEntity<byte[]> serve(
            String slug,
            String viewName,
            Content content,
            boolean print,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        UUID id = district(slug).id();
        var version = pages.version(id);
        Locale locale = LocaleContextHolder.getLocale();
        var key = new PublicPages.Key(
                id, version, locale.toLanguageTag(), String.valueOf(model.getAttribute("otherLanguageUrl")));
        // any parameter but the language makes a page not worth keeping (and would let anyone fill the cache)
        boolean cacheable = request.getParameterMap().keySet().stream().allMatch("lang"::equals);
        var page = pages.page(
                key, cacheable, viewName, () -> model(slug, content, print, model, locale), request, response);
        return pages.answer(page, request);
    }

    /** The page's model, from the district read again: after the version, so that it is not older than the key. */
    private Map<String, Object> model(String slug, Content content, boolean print, Model model, Locale locale) {
        District district = district(slug);
        Map<String, Object> shown = content.of(district, locale);
        model.addAllAttributes(shown);
        PublicScorecard.View view = (PublicScorecard.View) shown.get("view");
        // the print view draws no chart: each KPI's values are in a table there
        if (!print) {
            Map<UUID, String> charts = new LinkedHashMap<>();
            view.goals()
                    .forEach(goal ->
                            goal.kpis().forEach(kpi -> charts.put(kpi.kpi().id(), chart(kpi.overview(), locale))));
            model.addAttribute("charts", charts);
            model.addAttribute(
                    "summaryChart",
                    StatusCounts.chart(
                            view.goals().stream().map(g -> g.title().toString()).toList(),
                            view.goals().stream()
                                    .map(PublicScorecard.PublicGoal::counts)
                                    .toList(),
                            messages,
                            locale,
                            json));
        }
        model.addAttribute("print", print);
        model.addAttribute("publicDistrict", district);
        // the same page for every visitor: nothing of this visit (a form's token) may be in it
        model.addAttribute("publicPage", true);
        return model.asMap();
    }

    private District district(String slug) {
        return directory.publicDistrict(slug).orElseThrow(() -> new NotFoundException("district"));
    }

    /** A school's id from the address; anything else names no school (not found, like another district's school). */
    private static UUID schoolId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("school");
        }
    }

    private String chart(KpiOverview overview, Locale locale) {
        return json.writeValueAsString(TrendChart.spec(
                overview,
                messages.getMessage("kpi.actual", null, locale),
                messages.getMessage("kpi.targetPath", null, locale)));
    }
}
