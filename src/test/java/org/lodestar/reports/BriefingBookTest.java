package org.lodestar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The demo strategic plan's briefing book, made in the background from live data: a PDF with every chosen part, real
 * charts and the plan's change log; the same as a Spanish workbook of one sheet per part; refused without a part or
 * outside the plan's years; another district's book is not found.
 */
@LodestarTest
class BriefingBookTest {

    private static final String PLAN_TITLE = "Lakeview 2030: Every Student Ready";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.lodestar.execution.ExecutionApi execution;

    @Autowired
    org.springframework.context.MessageSource messages;

    private SignedInUser board() {
        return fixtures.user("board@lakeview.example");
    }

    private UUID demoPlan() {
        return fixtures.any("select id from plan where district_id = ? and title = '" + PLAN_TITLE + "'");
    }

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request, Locale locale)
            throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).locale(locale))
                .andReturn()
                .getResponse();
    }

    /** Asks for a book and waits (at most two minutes) until it is made; returns the download. */
    private MockHttpServletResponse made(MockHttpServletRequestBuilder ask, Locale locale) throws Exception {
        MockHttpServletResponse asked = send(board(), ask, locale);
        assertThat(asked.getRedirectedUrl()).startsWith("/briefing/");
        String book = asked.getRedirectedUrl();
        long until = System.currentTimeMillis() + 120_000;
        String part;
        do {
            Thread.sleep(200);
            part = send(board(), get(book + "/progress"), locale).getContentAsString(StandardCharsets.UTF_8);
        } while (!part.contains("data-status=\"DONE\"")
                && !part.contains("data-status=\"FAILED\"")
                && System.currentTimeMillis() < until);
        assertThat(part).contains("data-status=\"DONE\"").contains(book + "/download");
        return send(board(), get(book + "/download"), locale);
    }

    @Test
    void theBoardGetsAPdfOfEveryPartWithRealChartsAndTheChangeLog() throws Exception {
        MockHttpServletResponse pdf = made(
                post("/plans/" + demoPlan() + "/briefing")
                        .param("sections", "SCORECARD", "GOALS", "EXECUTION", "CHANGES")
                        .param("schoolYear", "2025")
                        .param("format", "PDF"),
                Locale.ENGLISH);

        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).contains("Lakeview-2030-Every-Student-Ready-2025-26.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            PLAN_TITLE,
                            "Board briefing book · Lakeview Unified School District · school year 2025-26",
                            "Contents",
                            "Scorecard",
                            "Goals and KPIs",
                            "Grade 3 reading proficiency",
                            "Execution",
                            "Attendance dashboards for every principal",
                            "Changes since adoption",
                            "The superintendent's cabinet asked that the educators goal speak of everyone");
            assertThat(text.indexOf("Goals and KPIs", text.indexOf("Contents") + 80))
                    .as("the parts in order after the contents")
                    .isLessThan(text.indexOf("Changes since adoption", text.indexOf("Contents") + 80));
            List<PDImageXObject> images = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images.add(image);
                    }
                }
            }
            assertThat(images)
                    .as("the status chart and a trend chart per KPI with values")
                    .hasSizeGreaterThan(5);
            assertThat(images.get(0).getWidth()).isEqualTo(640);
            Files.createDirectories(Path.of("target/screenshots"));
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < 3; page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 70);
                ImageIO.write(
                        image,
                        "png",
                        Path.of("target/screenshots/briefing-book-page" + (page + 1) + ".png")
                                .toFile());
            }
        }
    }

    @Test
    void inSpanishTheWorkbookHasASheetPerChosenPart() throws Exception {
        MockHttpServletResponse xlsx = made(
                post("/plans/" + demoPlan() + "/briefing")
                        .param("sections", "GOALS", "EXECUTION")
                        .param("lang", "es")
                        .param("schoolYear", "2025")
                        .param("format", "XLSX"),
                Locale.forLanguageTag("es"));

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(workbook.getSheets().map(Sheet::getName)).containsExactly("Metas e indicadores", "Ejecución");
            var goals = workbook.getFirstSheet().read();
            assertThat(goals.get(0).getCell(0).asString()).isEqualTo("Meta");
            assertThat(goals.stream().skip(1).map(row -> row.getCell(2).asString()))
                    .as("every year up to the one chosen")
                    .allMatch(year -> year.compareTo("2025-26") <= 0)
                    .contains("2025-26");
        }
    }

    @Test
    void aBookWithoutAPartOrOutsideThePlansYearsIsRefusedAndAnotherDistrictFindsNone() throws Exception {
        MockHttpServletResponse none = send(
                board(),
                post("/plans/" + demoPlan() + "/briefing")
                        .param("schoolYear", "2025")
                        .param("format", "PDF"),
                Locale.ENGLISH);
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(none.getContentAsString(StandardCharsets.UTF_8)).contains("Choose at least one part of the book.");
        MockHttpServletResponse outside = send(
                board(),
                post("/plans/" + demoPlan() + "/briefing")
                        .param("sections", "SCORECARD")
                        .param("schoolYear", "2031")
                        .param("format", "PDF"),
                Locale.ENGLISH);
        assertThat(outside.getStatus()).isEqualTo(422);

        String book = send(
                        board(),
                        post("/plans/" + demoPlan() + "/briefing")
                                .param("sections", "CHANGES")
                                .param("schoolYear", "2025")
                                .param("format", "XLSX"),
                        Locale.ENGLISH)
                .getRedirectedUrl();
        SignedInUser other = fixtures.otherDistrictUser("PLANNER");
        assertThat(send(other, get(book), Locale.ENGLISH).getStatus()).isEqualTo(404);
        assertThat(send(other, get(book + "/download"), Locale.ENGLISH).getStatus())
                .isEqualTo(404);
        assertThat(send(other, get("/plans/" + demoPlan() + "/briefing"), Locale.ENGLISH)
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theBookTellsTheLatestNarrativesOfTheYearAndSaysWhenThePlanHasNoReview() throws Exception {
        UUID action = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                  join plan p on p.district_id = g.district_id and p.id = g.plan_id
                 where s.district_id = ? and p.title = '%s' order by g.position, s.position limit 1""".formatted(PLAN_TITLE));
        execution.checkIn(
                fixtures.user("planner@lakeview.example"),
                "action",
                action,
                "AT_RISK",
                "Briefing story: two of five schools started the tutoring late.",
                "Briefing lesson: principals need the schedule before August.",
                "Briefing change: the schedule goes out in June.");

        MockHttpServletResponse pdf = made(
                post("/plans/" + demoPlan() + "/briefing")
                        .param("sections", "REVIEW", "NARRATIVES")
                        .param("schoolYear", "2026")
                        .param("format", "PDF"),
                Locale.ENGLISH);
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            "The latest review's decisions",
                            "This plan has no quarterly review yet.",
                            "Narratives",
                            "What happened: Briefing story: two of five schools started the tutoring late.",
                            "What we learned: Briefing lesson: principals need the schedule before August.",
                            "What changes: Briefing change: the schedule goes out in June.",
                            "At risk");
            assertThat(text).doesNotContain("Goals and KPIs");
        }
    }

    @Test
    void theLatestReviewsDecisionsAndTheNarrativesEachHaveTheirSheet() throws Exception {
        UUID improvement = fixtures.any(
                "select id from plan where district_id = ? and title = 'Lakeview Unified Improvement Plan 2025-26'");
        MockHttpServletResponse xlsx = made(
                post("/plans/" + improvement + "/briefing")
                        .param("sections", "REVIEW", "NARRATIVES")
                        .param("lang", "es")
                        .param("schoolYear", "2025")
                        .param("format", "XLSX"),
                Locale.forLanguageTag("es"));

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(workbook.getSheets().map(Sheet::getName))
                    .containsExactly("Últimas decisiones de revisión", "Narrativas");
            var review = workbook.getFirstSheet().read();
            assertThat(review.get(0).getCell(4).asString()).isEqualTo("Evidencia");
            // the demo's latest review is its Q2 draft: its goals decided, the rest still to decide
            assertThat(review.stream().skip(1).map(row -> row.getCell(0).asString()))
                    .isNotEmpty()
                    .allMatch("Q2 2025-26"::equals);
            assertThat(review.stream().skip(1).map(row -> row.getCell(5).asString()))
                    .contains("Por decidir")
                    .anyMatch(adjustment -> !adjustment.equals("Por decidir"));
            assertThat(review.stream().skip(1).map(row -> row.getCell(4).asString()))
                    .anyMatch(evidence -> evidence.contains("en camino"));
            var narratives = workbook.getSheets().toList().get(1).read();
            assertThat(narratives.get(0).getCell(4).asString()).isEqualTo(messageEs("checkIn.field.whatHappened"));
        }
    }

    private String messageEs(String key) {
        return messages.getMessage(key, null, Locale.forLanguageTag("es"));
    }
}
