package org.lodestar.reports;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Values;
import org.lodestar.planning.PlanChange;
import org.lodestar.reports.BriefingContent.Book;
import org.lodestar.reports.BriefingContent.Section;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A briefing book written out: as a PDF (the Thymeleaf template {@code reports/briefing-book} with server-drawn charts,
 * through openhtmltopdf) or as a workbook of one sheet per section (fastexcel), in the reader's language.
 */
@Component
class BriefingDocuments {

    private static final String TEMPLATE = "reports/briefing-book";

    private final ITemplateEngine templates;
    private final MessageSource messages;

    BriefingDocuments(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    byte[] pdf(Book book, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("book", book);
        context.setVariable("schoolYear", new SchoolYear(book.schoolYear()).toString());
        context.setVariable("tiers", book.district().tiersIn(locale.getLanguage()));
        for (Section section : Section.values()) {
            context.setVariable("T_" + section.name(), section);
        }
        Map<UUID, String> values = new HashMap<>();
        Map<UUID, String> expected = new HashMap<>();
        Map<UUID, String> years = new HashMap<>();
        Map<UUID, String> charts = new HashMap<>();
        String actual = say("kpi.actual", locale);
        String target = say("kpi.targetPath", locale);
        for (BriefingContent.GoalPart goal : book.goals()) {
            for (BriefingContent.KpiPart kpi : goal.kpis()) {
                UUID id = kpi.kpi().id();
                if (kpi.latest() != null) {
                    values.put(id, value(kpi, kpi.latest().value(), book, locale));
                    years.put(id, new SchoolYear(kpi.latest().year()).toString());
                    if (kpi.latest().expected() != null) {
                        expected.put(id, value(kpi, kpi.latest().expected(), book, locale));
                    }
                }
                if (book.has(Section.GOALS) && kpi.years().stream().anyMatch(p -> p.value() != null)) {
                    charts.put(id, BriefingCharts.trend(kpi.years(), actual, target));
                }
            }
        }
        context.setVariable("values", values);
        context.setVariable("expected", expected);
        context.setVariable("years", years);
        context.setVariable("charts", charts);
        if (book.has(Section.SCORECARD)) {
            Map<String, String> statusLabels = new LinkedHashMap<>();
            StatusCounts.STATUSES.forEach(status -> statusLabels.put(status, say("status." + status, locale)));
            context.setVariable(
                    "statusChart",
                    BriefingCharts.statusBars(
                            book.goals().stream().map(g -> g.title().toString()).toList(),
                            book.goals().stream()
                                    .map(BriefingContent.GoalPart::counts)
                                    .toList(),
                            statusLabels));
        }
        String xhtml = templates.process(TEMPLATE, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** One sheet per chosen section: the scorecard by goal, every KPI's values by year, the projects, the changes. */
    byte[] xlsx(Book book, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Lodestar", "1.0");
            if (book.has(Section.SCORECARD)) {
                Worksheet sheet = workbook.newWorksheet(say("briefing.section.SCORECARD", locale));
                header(
                        sheet,
                        List.of(
                                say("briefing.goal", locale),
                                say("status.ON_TRACK", locale),
                                say("status.AT_RISK", locale),
                                say("status.OFF_TRACK", locale),
                                say("status.NO_DATA", locale)));
                int r = 1;
                for (BriefingContent.GoalPart goal : book.goals()) {
                    sheet.value(r, 0, goal.title().toString());
                    for (int s = 0; s < StatusCounts.STATUSES.size(); s++) {
                        sheet.value(r, s + 1, goal.counts().getOrDefault(StatusCounts.STATUSES.get(s), 0));
                    }
                    r++;
                }
            }
            if (book.has(Section.GOALS)) {
                Worksheet sheet = workbook.newWorksheet(say("briefing.section.GOALS", locale));
                header(
                        sheet,
                        List.of(
                                say("briefing.goal", locale),
                                say("briefing.kpi", locale),
                                say("public.csv.year", locale),
                                say("briefing.value", locale),
                                say("briefing.expected", locale),
                                say("briefing.status", locale)));
                int r = 1;
                for (BriefingContent.GoalPart goal : book.goals()) {
                    for (BriefingContent.KpiPart kpi : goal.kpis()) {
                        for (KpiOverview.Point point : kpi.years()) {
                            sheet.value(r, 0, goal.title().toString());
                            sheet.value(r, 1, kpi.name().toString());
                            sheet.value(r, 2, new SchoolYear(point.year()).toString());
                            if (point.value() != null) {
                                sheet.value(r, 3, point.value());
                            }
                            if (point.expected() != null) {
                                sheet.value(r, 4, point.expected());
                            }
                            sheet.value(r, 5, say("status." + point.statusName(), locale));
                            r++;
                        }
                    }
                }
            }
            if (book.has(Section.EXECUTION)) {
                var tiers = book.district().tiersIn(locale.getLanguage());
                Worksheet sheet = workbook.newWorksheet(say("briefing.section.EXECUTION", locale));
                header(
                        sheet,
                        List.of(
                                say("briefing.goal", locale),
                                tiers.strategy(),
                                tiers.project(),
                                say("briefing.owner", locale),
                                say("briefing.status", locale),
                                say("briefing.due", locale)));
                int r = 1;
                for (BriefingContent.GoalPart goal : book.goals()) {
                    for (BriefingContent.ActionPart action : goal.actions()) {
                        for (BriefingContent.ProjectLine line : action.projects()) {
                            sheet.value(r, 0, goal.title().toString());
                            sheet.value(r, 1, action.title().toString());
                            sheet.value(r, 2, line.project().title());
                            sheet.value(r, 3, line.owner() == null ? "" : line.owner());
                            sheet.value(
                                    r, 4, say("project.status." + line.project().status(), locale));
                            if (line.project().dueDate() != null) {
                                sheet.value(r, 5, line.project().dueDate().toString());
                            }
                            r++;
                        }
                    }
                }
            }
            if (book.has(Section.CHANGES)) {
                Worksheet sheet = workbook.newWorksheet(say("briefing.section.CHANGES", locale));
                header(sheet, List.of(say("version.madeAt", locale), say("version.reason", locale)));
                int r = 1;
                for (PlanChange change : book.changes()) {
                    sheet.value(r, 0, change.madeAt().toLocalDate().toString());
                    sheet.value(r, 1, change.reason());
                    r++;
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void header(Worksheet sheet, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            sheet.value(0, c, names.get(c));
            sheet.style(0, c).bold().set();
        }
    }

    private static String value(BriefingContent.KpiPart kpi, java.math.BigDecimal value, Book book, Locale locale) {
        return Values.format(kpi.kpi().unit(), value, locale, book.district().currency());
    }

    private String say(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
