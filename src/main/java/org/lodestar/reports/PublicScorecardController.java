package org.lodestar.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.TrendChart;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/** The public scorecard at {@code /p/{district}}: no sign-in, English or Spanish. */
@Controller
class PublicScorecardController {

    private final DirectoryApi directory;
    private final PublicScorecard scorecard;
    private final MessageSource messages;
    private final JsonMapper json;

    PublicScorecardController(
            DirectoryApi directory, PublicScorecard scorecard, MessageSource messages, JsonMapper json) {
        this.directory = directory;
        this.scorecard = scorecard;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/p/{slug}")
    String show(@PathVariable String slug, Model model) {
        District district = directory.publicDistrict(slug).orElseThrow(() -> new NotFoundException("district"));
        var locale = LocaleContextHolder.getLocale();
        PublicScorecard.View view = scorecard.view(district, locale);
        Map<UUID, String> charts = new LinkedHashMap<>();
        view.goals()
                .forEach(goal -> goal.kpis().forEach(kpi -> charts.put(kpi.kpi().id(), chart(kpi.overview(), locale))));
        model.addAttribute("view", view);
        model.addAttribute("charts", charts);
        model.addAttribute("publicDistrict", district);
        return "reports/public-scorecard";
    }

    private String chart(KpiOverview overview, java.util.Locale locale) {
        return json.writeValueAsString(TrendChart.spec(
                overview,
                messages.getMessage("kpi.actual", null, locale),
                messages.getMessage("kpi.targetPath", null, locale)));
    }
}
