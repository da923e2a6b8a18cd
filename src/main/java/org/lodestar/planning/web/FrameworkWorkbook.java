package org.lodestar.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.web.FrameworkDocument.Content;
import org.lodestar.planning.web.FrameworkDocument.DocumentLabels;
import org.lodestar.planning.web.FrameworkDocument.Entry;
import org.lodestar.planning.web.FrameworkDocument.Section;

/**
 * A framework's document as a workbook, for states that take a spreadsheet: the first sheet has one row per component
 * and tagged item in the framework's order (a component nothing addresses gets one row saying so), the second says
 * what the document is (framework, school or district, plan, year, components addressed, the note on stakeholders).
 * Headings in the reader's language; amounts are numbers and dates are dates, so the state can sum and sort them.
 */
final class FrameworkWorkbook {

    static final List<String> COLUMNS = List.of(
            "document.column.component",
            "document.column.componentTitle",
            "document.column.citation",
            "document.column.tier",
            "document.column.item",
            "document.owner",
            "improvement.field.start",
            "improvement.field.end",
            "document.column.cost",
            "document.column.funds",
            "improvement.field.evidenceTier",
            "improvement.field.implementationEvidence",
            "improvement.field.impactEvidence");

    private final Content content;
    private final DocumentLabels labels;

    FrameworkWorkbook(Content content, DocumentLabels labels) {
        this.content = content;
        this.labels = labels;
    }

    byte[] write() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook workbook = new Workbook(out, "Lodestar", "1.0");
            Framework framework = content.coverage().framework().framework();
            Worksheet rows = workbook.newWorksheet(sheetName(framework.label().in(labels.locale())));
            for (int c = 0; c < COLUMNS.size(); c++) {
                rows.value(0, c, labels.get(COLUMNS.get(c)));
                rows.style(0, c).bold().set();
            }
            rows.freezePane(0, 1);
            int r = 1;
            for (Section section : content.sections()) {
                if (section.entries().isEmpty()) {
                    component(rows, r, section.component());
                    rows.value(r, 4, labels.get("document.nothing"));
                    rows.style(r, 4).italic().set();
                    r++;
                }
                for (Entry entry : section.entries()) {
                    component(rows, r, section.component());
                    item(rows, r, entry);
                    r++;
                }
            }
            widths(rows);
            about(workbook.newWorksheet(sheetName(labels.get("document.sheet.about"))), framework);
            workbook.finish();
            return out.toByteArray();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private void component(Worksheet rows, int r, Component component) {
        rows.value(r, 0, component.code());
        rows.value(r, 1, component.title().in(labels.locale()));
        rows.value(r, 2, component.citation());
    }

    private void item(Worksheet rows, int r, Entry entry) {
        rows.value(r, 3, labels.get("coverage.kind." + entry.kind()));
        rows.value(r, 4, entry.title().text());
        rows.value(r, 5, entry.owner());
        ActionDetail d = entry.detail();
        if (d != null && d.start() != null) {
            rows.value(r, 6, d.start());
            rows.style(r, 6).format("yyyy-mm-dd").set();
        }
        if (d != null && d.end() != null) {
            rows.value(r, 7, d.end());
            rows.style(r, 7).format("yyyy-mm-dd").set();
        }
        if (entry.total() != null) {
            rows.value(r, 8, entry.total());
            rows.style(r, 8).format("#,##0.00").set();
            rows.value(r, 9, entry.funds());
        }
        if (d != null && d.evidenceTier() != null) {
            rows.value(r, 10, labels.get("evidence." + d.evidenceTier()));
        }
        if (d != null) {
            rows.value(r, 11, d.implementationEvidence());
            rows.value(r, 12, d.impactEvidence());
        }
    }

    private void about(Worksheet sheet, Framework framework) {
        var plan = content.coverage().plan();
        String[][] lines = {
            {labels.get("document.sheet.framework"), framework.title().in(labels.locale())},
            {labels.get("document.sheet.citation"), framework.citation()},
            {labels.get("document.sheet.for"), content.who()},
            {labels.get("document.sheet.plan"), plan.title()},
            {labels.get("document.sheet.years"), plan.years()},
            {
                labels.get("document.sheet.addressed"),
                labels.get(
                        "document.completeness",
                        content.coverage().coveredCount(),
                        content.coverage().components().size())
            },
            {
                labels.get("document.sheet.consultation"),
                content.consultations().isEmpty()
                        ? labels.get("document.consultation")
                        : String.join("\n", content.consultationLines(labels))
            }
        };
        for (int r = 0; r < lines.length; r++) {
            sheet.value(r, 0, lines[r][0]);
            sheet.style(r, 0).bold().set();
            sheet.value(r, 1, lines[r][1]);
        }
        sheet.width(0, 24);
        sheet.width(1, 90);
    }

    private static void widths(Worksheet rows) {
        double[] widths = {10, 36, 22, 10, 44, 20, 12, 12, 12, 28, 22, 40, 40};
        for (int c = 0; c < widths.length; c++) {
            rows.width(c, widths[c]);
        }
    }

    /** A sheet's name: at most 31 characters, none of those Excel refuses. */
    static String sheetName(String wanted) {
        String name = wanted.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.length() > 31 ? name.substring(0, 31).strip() : name;
    }
}
