package org.lodestar.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.lodestar.execution.Narrative;
import org.lodestar.execution.ReviewDecision;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Values;
import org.lodestar.planning.PlanChange;
import org.lodestar.reports.BriefingContent.Book;
import org.lodestar.reports.BriefingContent.Section;
import org.lodestar.shared.PdfDocument;
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
        if (book.review() != null) {
            context.setVariable(
                    "reviewSignedOn",
                    book.review().review().signedOff()
                            ? LocalDate.ofInstant(book.review().review().signedOffAt(), ZoneId.systemDefault())
                            : null);
            context.setVariable(
                    "evidence",
                    book.review().rows().stream()
                            .map(row -> evidence(row.decision(), book, locale))
                            .toList());
        }
        context.setVariable(
                "posted",
                book.narratives().stream()
                        .map(n -> LocalDate.ofInstant(n.narrative().postedAt(), ZoneId.systemDefault()))
                        .toList());
        String xhtml = templates.process(TEMPLATE, context);
        return PdfDocument.of(xhtml);
    }

    /**
     * One sheet per chosen section: the scorecard by goal, every KPI's values by year, the projects, the changes, the
     * latest review's decisions, the narratives.
     */
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
            if (book.has(Section.REVIEW)) {
                Worksheet sheet = workbook.newWorksheet(say("briefing.section.REVIEW", locale));
                header(
                        sheet,
                        List.of(
                                say("briefing.review.quarter", locale),
                                say("briefing.review.tier", locale),
                                say("quarterly.item", locale),
                                say("quarterly.status", locale),
                                say("quarterly.evidence", locale),
                                say("quarterly.adjustment", locale),
                                say("quarterly.note", locale)));
                int r = 1;
                if (book.review() != null) {
                    var tiers = book.district().tiersIn(locale.getLanguage());
                    for (BriefingContent.DecisionLine line : book.review().rows()) {
                        ReviewDecision row = line.decision();
                        sheet.value(r, 0, book.review().quarter());
                        sheet.value(r, 1, tierName(row.tier(), tiers, locale));
                        sheet.value(r, 2, line.title().toString());
                        sheet.value(r, 3, say("quarterly.status." + row.status(), locale));
                        sheet.value(r, 4, evidence(row, book, locale));
                        sheet.value(
                                r,
                                5,
                                say(
                                        row.adjustment() == null
                                                ? "quarterly.undecided"
                                                : "quarterly.adjustment." + row.adjustment(),
                                        locale));
                        sheet.value(r, 6, row.note() == null ? "" : row.note());
                        r++;
                    }
                }
            }
            if (book.has(Section.NARRATIVES)) {
                var tiers = book.district().tiersIn(locale.getLanguage());
                Worksheet sheet = workbook.newWorksheet(say("briefing.section.NARRATIVES", locale));
                header(
                        sheet,
                        List.of(
                                say("briefing.goal", locale),
                                say("briefing.review.tier", locale),
                                say("quarterly.item", locale),
                                say("briefing.status", locale),
                                say("checkIn.field.whatHappened", locale),
                                say("checkIn.field.whatWeLearned", locale),
                                say("checkIn.field.whatChanges", locale),
                                say("briefing.narrative.by", locale),
                                say("briefing.narrative.on", locale)));
                int r = 1;
                for (BriefingContent.NarrativePart part : book.narratives()) {
                    Narrative n = part.narrative();
                    sheet.value(r, 0, part.goal().toString());
                    sheet.value(r, 1, tierName(n.kind(), tiers, locale));
                    sheet.value(r, 2, part.item().toString());
                    sheet.value(r, 3, say("checkIn.status." + n.status(), locale));
                    sheet.value(r, 4, n.whatHappened() == null ? "" : n.whatHappened());
                    sheet.value(r, 5, n.whatWeLearned() == null ? "" : n.whatWeLearned());
                    sheet.value(r, 6, n.whatChanges() == null ? "" : n.whatChanges());
                    sheet.value(r, 7, part.author() == null ? "" : part.author());
                    sheet.value(
                            r,
                            8,
                            LocalDate.ofInstant(n.postedAt(), ZoneId.systemDefault())
                                    .toString());
                    r++;
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A review row's evidence in words: a goal's KPIs on track, an action's projects done, a KPI's value and target. */
    private String evidence(ReviewDecision row, Book book, Locale locale) {
        switch (row.tier()) {
            case "GOAL":
                return messages.getMessage("quarterly.evidence.goal", new Object[] {row.done(), row.total()}, locale);
            case "ACTION":
                return messages.getMessage("quarterly.evidence.action", new Object[] {row.done(), row.total()}, locale);
            default:
                String target = row.target() == null ? "–" : number(row.unit(), row.target(), book, locale);
                if (row.latest() == null) {
                    return messages.getMessage("quarterly.evidence.noValue", new Object[] {target}, locale);
                }
                return messages.getMessage(
                        "quarterly.evidence.kpi",
                        new Object[] {
                            number(row.unit(), row.latest(), book, locale),
                            row.latestYear() == null ? "–" : new SchoolYear(row.latestYear()).toString(),
                            target
                        },
                        locale);
        }
    }

    private static String number(String unit, java.math.BigDecimal value, Book book, Locale locale) {
        return unit == null
                ? value.stripTrailingZeros().toPlainString()
                : Values.format(
                        Kpi.Unit.valueOf(unit), value, locale, book.district().currency());
    }

    /** GOAL, ACTION or KPI in the district's tier names. */
    private static String tierName(String tier, org.lodestar.directory.TierNames tiers, Locale locale) {
        switch (tier) {
            case "GOAL":
                return tiers.goal();
            case "ACTION":
                return tiers.strategy();
            default:
                return tiers.kpi();
        }
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
