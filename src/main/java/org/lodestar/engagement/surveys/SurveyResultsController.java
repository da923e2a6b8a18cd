package org.lodestar.engagement.surveys;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Consultation;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * A survey's results and the import of responses from another tool, for whoever may work on the survey (planners and
 * admins, a school's leader for their school's). Open comments are personal data: their text is listed, a page at a
 * time, to planners and admins only; a school's leader sees how many there are. The CSV export holds counts only: no
 * comment, no response of its own.
 */
@Controller
class SurveyResultsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SurveyEditing editing;
    private final SurveyResults results;
    private final SurveyImport imports;
    private final MessageSource messages;

    SurveyResultsController(
            SurveyEditing editing, SurveyResults results, SurveyImport imports, MessageSource messages) {
        this.editing = editing;
        this.results = results;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/surveys/{id}/results")
    String results(
            @PathVariable UUID id,
            @RequestParam(required = false) String audience,
            @RequestParam(defaultValue = "1") String page,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model) {
        Survey survey = editing.survey(user, id);
        SurveyResults.View view =
                results.view(survey, audience(audience), locale, user.canPlanForDistrict(), page(page));
        model.addAttribute("survey", survey);
        model.addAttribute("view", view);
        model.addAttribute("lang", "es".equals(locale.getLanguage()) ? "es" : "en");
        Map<UUID, String> charts = new LinkedHashMap<>();
        for (SurveyResults.QuestionResult question : view.questions()) {
            if (!question.question().isOpen()) {
                charts.put(question.question().id(), barChart(question, locale));
            }
        }
        model.addAttribute("charts", charts);
        model.addAttribute("timeChart", timeChart(view.byDay(), locale));
        return "engagement/survey-results";
    }

    @GetMapping("/surveys/{id}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Locale locale)
            throws IOException {
        Survey survey = editing.survey(user, id);
        String language = "es".equals(locale.getLanguage()) ? "es" : "en";
        SurveyResults.View all = results.view(survey, null, locale);
        List<Consultation.Audience> views = new ArrayList<>();
        views.add(null);
        survey.audiences().stream().filter(a -> !all.hidden().contains(a)).forEach(views::add);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(
                    messages.getMessage("survey.csv.audience", null, locale),
                    messages.getMessage("survey.csv.code", null, locale),
                    messages.getMessage("survey.csv.question", null, locale),
                    messages.getMessage("survey.csv.answer", null, locale),
                    messages.getMessage("survey.csv.count", null, locale),
                    messages.getMessage("survey.csv.answered", null, locale));
            for (Consultation.Audience audience : views) {
                SurveyResults.View view = audience == null ? all : results.view(survey, audience, locale);
                String who = audience == null
                        ? messages.getMessage("survey.results.all", null, locale)
                        : messages.getMessage("consultation.audience." + audience, null, locale);
                for (SurveyResults.QuestionResult question : view.questions()) {
                    if (question.question().isOpen()) {
                        continue;
                    }
                    for (SurveyResults.Option option : question.options()) {
                        csv.printRecord(
                                who,
                                question.question().code(),
                                question.question().text(language),
                                option.label(),
                                option.count(),
                                question.answered());
                    }
                }
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("survey-results.csv")
                                .build()
                                .toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/surveys/{id}/import")
    String importForm(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return importPage(editing.survey(user, id), user, model);
    }

    @PostMapping("/surveys/{id}/import")
    String importFile(
            @PathVariable UUID id,
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            jakarta.servlet.http.HttpServletResponse response,
            Model model)
            throws IOException {
        Survey survey = editing.survey(user, id);
        SurveyImport.ImportResult result = imports.importFile(user, id, file.getOriginalFilename(), file);
        if (!result.applied()) {
            response.setStatus(422);
        }
        model.addAttribute("result", result);
        model.addAttribute("filename", file.getOriginalFilename());
        return importPage(survey, user, model);
    }

    private String importPage(Survey survey, SignedInUser user, Model model) {
        model.addAttribute("survey", survey);
        model.addAttribute("questions", results.questions(survey));
        return "engagement/survey-import";
    }

    /** The page asked for, from 1; anything else (a hand-made address) the first. */
    private static int page(String page) {
        return page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
    }

    private static Consultation.Audience audience(String audience) {
        if (audience == null || audience.isBlank()) {
            return null;
        }
        for (Consultation.Audience a : Consultation.Audience.values()) {
            if (a.name().equals(audience)) {
                return a;
            }
        }
        return null;
    }

    /** Counts by answer as horizontal bars (lodestar.js draws a "bars" chart), in the page's primary colour. */
    private String barChart(SurveyResults.QuestionResult question, Locale locale) {
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("name", messages.getMessage("survey.results.count", null, locale));
        bar.put("status", "pico_primary");
        bar.put("data", question.counts());
        return JSON.writeValueAsString(Map.of("categories", question.labels(), "bars", List.of(bar)));
    }

    /** Responses by day as a line (lodestar.js draws a chart whose series the server describes). */
    private String timeChart(Map<LocalDate, Integer> byDay, Locale locale) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", messages.getMessage("survey.results.perDay", null, locale));
        series.put("type", "line");
        series.put("data", List.copyOf(byDay.values()));
        return JSON.writeValueAsString(Map.of(
                "years", byDay.keySet().stream().map(LocalDate::toString).toList(),
                "series", List.of(series),
                "fromZero", true));
    }
}
