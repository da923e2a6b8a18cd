package org.lodestar.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.web.FrameworkDocument.Content;
import org.lodestar.planning.web.FrameworkDocument.DocumentLabels;
import org.lodestar.planning.web.FrameworkDocument.Entry;
import org.lodestar.planning.web.FrameworkDocument.Section;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A framework's document as Word (DOCX), in the order and with the content of the PDF: the title, who and which plan,
 * how many components are addressed and the note on stakeholders, then a Heading 1 per component (its code and title,
 * what the law asks) and a Heading 2 per item of the plan tagged with it. Headings carry Word's own "Heading 1/2"
 * styles with outline levels, so Word's navigation pane and table of contents find them; a district edits the file
 * before submitting it.
 */
final class FrameworkDocx {

    private static final String TITLE = "Title";
    private static final String HEADING_1 = "Heading1";
    private static final String HEADING_2 = "Heading2";

    private final Content content;
    private final DocumentLabels labels;

    FrameworkDocx(Content content, DocumentLabels labels) {
        this.content = content;
        this.labels = labels;
    }

    byte[] write() {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(document, labels.locale().toLanguageTag());
            var framework = content.coverage().framework().framework();
            var plan = content.coverage().plan();
            document.getProperties()
                    .getCoreProperties()
                    .setTitle(framework.title().in(labels.locale()));
            document.getProperties().getCoreProperties().setCreator("Lodestar");
            paragraph(document, TITLE, framework.title().in(labels.locale()));
            paragraph(
                    document,
                    null,
                    String.join(" · ", content.who(), plan.title(), plan.years(), framework.citation()));
            paragraph(
                    document,
                    null,
                    labels.get(
                            "document.completeness",
                            content.coverage().coveredCount(),
                            content.coverage().components().size()));
            List<String> consulted = content.consultationLines(labels);
            if (consulted.isEmpty()) {
                paragraph(document, null, labels.get("document.consultation"));
            } else {
                paragraph(document, null, labels.get("consultation.title"));
                consulted.forEach(line -> paragraph(document, null, line));
            }
            for (Section section : content.sections()) {
                component(document, section);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private void component(XWPFDocument document, Section section) {
        Component component = section.component();
        paragraph(
                document, HEADING_1, component.code() + " " + component.title().in(labels.locale()));
        XWPFRun requirement = paragraph(
                document, null, component.requirement().in(labels.locale()) + " (" + component.citation() + ")");
        requirement.setColor("444444");
        if (section.entries().isEmpty()) {
            XWPFRun nothing = paragraph(document, null, labels.get("document.nothing"));
            nothing.setItalic(true);
            nothing.setColor("AA0000");
        }
        for (Entry entry : section.entries()) {
            item(document, entry);
        }
    }

    private void item(XWPFDocument document, Entry entry) {
        paragraph(
                document,
                HEADING_2,
                labels.get("coverage.kind." + entry.kind()) + ": "
                        + entry.title().text());
        ActionDetail d = entry.detail();
        if (d != null && d.description() != null) {
            paragraph(document, null, d.description());
        }
        if (entry.owner() != null) {
            labelled(document, labels.get("document.owner"), entry.owner());
        }
        if (d != null && (d.start() != null || d.end() != null)) {
            labelled(document, labels.get("document.when"), labels.date(d.start()) + " – " + labels.date(d.end()));
        }
        if (d != null && d.evidenceTier() != null) {
            labelled(
                    document, labels.get("improvement.field.evidenceTier"), labels.get("evidence." + d.evidenceTier()));
        }
        if (entry.cost() != null) {
            labelled(document, labels.get("improvement.costs"), entry.cost() + " (" + entry.funds() + ")");
        }
        if (d != null && d.implementationEvidence() != null) {
            labelled(document, labels.get("improvement.field.implementationEvidence"), d.implementationEvidence());
        }
        if (d != null && d.impactEvidence() != null) {
            labelled(document, labels.get("improvement.field.impactEvidence"), d.impactEvidence());
        }
    }

    private static XWPFRun paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        return run;
    }

    private static void labelled(XWPFDocument document, String label, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        XWPFRun name = paragraph.createRun();
        name.setBold(true);
        name.setText(label + ": ");
        paragraph.createRun().setText(text);
    }

    /** Word's built-in heading styles, declared as Word declares them (a blank document from POI has none). */
    private static void styles(XWPFDocument document, String language) {
        XWPFStyles styles = document.createStyles();
        // the reader's language, so Word checks spelling and screen readers speak it in that language
        styles.setSpellingLanguage(language);
        styles.addStyle(style(TITLE, "Title", null, 36));
        styles.addStyle(style(HEADING_1, "heading 1", 0, 28));
        styles.addStyle(style(HEADING_2, "heading 2", 1, 24));
    }

    private static XWPFStyle style(String id, String name, Integer outlineLevel, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewUiPriority().setVal(BigInteger.valueOf(outlineLevel == null ? 10 : 9));
        style.addNewQFormat();
        CTPPrGeneral paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(outlineLevel == null ? 0 : 240));
        if (outlineLevel != null) {
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTRPr run = style.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        return new XWPFStyle(style);
    }
}
