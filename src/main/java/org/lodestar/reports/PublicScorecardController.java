package org.lodestar.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/** The public scorecard at {@code /p/{district}}: no sign-in, English or Spanish, rendered once per version. */
@Controller
class PublicScorecardController {

    private final DirectoryApi directory;
    private final PublicScorecard scorecard;
    private final PublicPages pages;
    private final MessageSource messages;
    private final JsonMapper json;

    PublicScorecardController(
            DirectoryApi directory,
            PublicScorecard scorecard,
            PublicPages pages,
            MessageSource messages,
            JsonMapper json) {
        this.directory = directory;
        this.scorecard = scorecard;
        this.pages = pages;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/p/{slug}")
    ResponseEntity<byte[]> show(
            @PathVariable String slug, Model model, HttpServletRequest request, HttpServletResponse response) {
        UUID id = district(slug).id();
        var version = pages.version(id);
        Locale locale = LocaleContextHolder.getLocale();
        var key = new PublicPages.Key(
                id, version, locale.toLanguageTag(), String.valueOf(model.getAttribute("otherLanguageUrl")));
        // any parameter but the language makes a page not worth keeping (and would let anyone fill the cache)
        boolean cacheable = request.getParameterMap().keySet().stream().allMatch("lang"::equals);
        var page = pages.page(
                key, cacheable, "reports/public-scorecard", () -> model(slug, model, locale), request, response);
        return pages.answer(page, request);
    }

    /** The page's model, from the district read again: after the version, so that it is not older than the key. */
    private Map<String, Object> model(String slug, Model model, Locale locale) {
        District district = district(slug);
        PublicScorecard.View view = scorecard.view(district, locale);
        Map<UUID, String> charts = new LinkedHashMap<>();
        view.goals()
                .forEach(goal -> goal.kpis().forEach(kpi -> charts.put(kpi.kpi().id(), chart(kpi.overview(), locale))));
        model.addAttribute("view", view);
        model.addAttribute("charts", charts);
        model.addAttribute("publicDistrict", district);
        // the same page for every visitor: nothing of this visit (a form's token) may be in it
        model.addAttribute("publicPage", true);
        return model.asMap();
    }

    private District district(String slug) {
        return directory.publicDistrict(slug).orElseThrow(() -> new NotFoundException("district"));
    }

    private String chart(KpiOverview overview, Locale locale) {
        return json.writeValueAsString(TrendChart.spec(
                overview,
                messages.getMessage("kpi.actual", null, locale),
                messages.getMessage("kpi.targetPath", null, locale)));
    }
}
