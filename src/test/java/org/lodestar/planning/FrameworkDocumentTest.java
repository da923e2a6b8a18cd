package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FrameworkFile;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A school's Title I schoolwide plan written out from its improvement plan: the PDF, opened and read back, has every
 * component's heading in the framework's order, the tagged action under its component with what the plan says of it,
 * and says which components nothing addresses yet. Its first page is drawn to target/screenshots.
 */
@LodestarTest
class FrameworkDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    @Test
    void theSchoolwidePlanAsPdfHasEveryComponentAndTheTaggedAction() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        TaggedPlan made = newCedarPlan(principal, 2028, "Cedar Elementary schoolwide plan 2028-29");
        UUID plan = made.plan();
        Strategy action = made.action();
        send(
                principal,
                post("/actions/" + action.id())
                        .param("description", "Reading interventionists work with small groups every morning.")
                        .param("evidenceTier", "STRONG")
                        .param("impactEvidence", "Grade 3 reading proficiency rises by five points.")
                        .param("version", "0"));
        send(
                principal,
                post("/actions/" + action.id() + "/costs")
                        .param("fund", "TITLE_I_A")
                        .param("purpose", "GENERAL")
                        .param("amount", "48000"));
        send(principal, post("/items/" + action.id() + "/tags").param("component", "title-i-schoolwide|SW-07"));

        MockHttpServletResponse pdf = send(
                principal, get("/compliance/title-i-schoolwide/document.pdf").param("plan", plan.toString()));

        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        Framework schoolwide = FrameworkFile.read(
                send(principal, get("/compliance/title-i-schoolwide/export")).getContentAsByteArray());
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            int last = -1;
            for (Component component : schoolwide.components()) {
                String heading = component.code() + " " + component.title().in(Locale.ENGLISH);
                assertThat(text).contains(heading);
                assertThat(text.indexOf(heading)).as("in the framework's order").isGreaterThan(last);
                last = text.indexOf(heading);
            }
            String reform = text.substring(text.indexOf("SW-07"), text.indexOf("SW-08"));
            assertThat(reform)
                    .contains("Action: " + action.title())
                    .contains("Reading interventionists work with small groups every morning.")
                    .contains("Strong (tier 1)")
                    .contains("$48,000");
            assertThat(text).contains("Cedar Elementary", "1 of 13 components are addressed by the plan.");
            assertThat(text.split("Nothing in the plan addresses this component yet.", -1))
                    .hasSize(13);
            BufferedImage firstPage = new PDFRenderer(document).renderImageWithDPI(0, 80);
            Files.createDirectories(Path.of("target/screenshots"));
            ImageIO.write(
                    firstPage,
                    "png",
                    Path.of("target/screenshots/title-i-schoolwide-pdf-page1.png")
                            .toFile());
        }

        String page = send(
                        principal,
                        get("/compliance/title-i-schoolwide/document")
                                .param("plan", plan.toString())
                                .param("lang", "es"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains(
                        "Plan de programa schoolwide de Título I, Parte A",
                        "Nada en el plan atiende este componente todavía.");
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(send(
                                outsider,
                                get("/compliance/title-i-schoolwide/document.pdf")
                                        .param("plan", plan.toString()))
                        .getStatus())
                .isEqualTo(404);
    }

    /** A Cedar Elementary plan with one action described, costed from two funds and tagged with the given components. */
    private record TaggedPlan(UUID plan, Strategy action, Goal goal) {}

    /** A Cedar Elementary improvement plan made from the strategic plan's first goal and its first strategy. */
    private TaggedPlan newCedarPlan(SignedInUser principal, int year, String title) throws Exception {
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        PlanSummary strategic =
                planning.districtStrategicPlan(fixtures.demoDistrict()).orElseThrow();
        Goal firstGoal = planning.nodesOfPlan(fixtures.demoDistrict(), strategic.id())
                .goals()
                .get(0);
        Strategy firstStrategy = planning.nodesOfPlan(fixtures.demoDistrict(), strategic.id()).strategies().stream()
                .filter(s -> s.goalId().equals(firstGoal.id()))
                .findFirst()
                .orElseThrow();
        MockHttpServletResponse created = send(
                principal,
                post("/improvement-plans")
                        .param("school", cedar.toString())
                        .param("year", String.valueOf(year))
                        .param("title", title)
                        .param("goals", firstGoal.id().toString())
                        .param("strategies", firstStrategy.id().toString()));
        UUID plan = UUID.fromString(created.getRedirectedUrl().replaceAll("/plans/([^?]+).*", "$1"));
        PlanNodes nodes = planning.nodesOfPlan(fixtures.demoDistrict(), plan);
        return new TaggedPlan(plan, nodes.strategies().get(0), nodes.goals().get(0));
    }

    private TaggedPlan cedarPlan(SignedInUser principal, String title, String... components) throws Exception {
        TaggedPlan tagged = newCedarPlan(principal, 2027, title);
        Strategy action = tagged.action();
        send(
                principal,
                post("/actions/" + action.id())
                        .param("description", "Family reading nights every month, with childcare and interpreters.")
                        .param("evidenceTier", "PROMISING")
                        .param("start", "2027-09-01")
                        .param("end", "2028-05-31")
                        .param("implementationEvidence", "Sign-in sheets of each night.")
                        .param("impactEvidence", "Families report reading at home more often.")
                        .param("version", "0"));
        send(
                principal,
                post("/actions/" + action.id() + "/costs")
                        .param("fund", "TITLE_I_A")
                        .param("purpose", "PARENT_FAMILY_ENGAGEMENT")
                        .param("amount", "9000"));
        send(
                principal,
                post("/actions/" + action.id() + "/costs")
                        .param("fund", "CEDAR_FAMILY_GRANT")
                        .param("purpose", "GENERAL")
                        .param("amount", "1500"));
        for (String component : components) {
            send(principal, post("/items/" + action.id() + "/tags").param("component", component));
        }
        return tagged;
    }

    private void addFamilyGrant() throws Exception {
        send(
                fixtures.user("admin@lakeview.example"),
                post("/funding/sources")
                        .param("code", "CEDAR_FAMILY_GRANT")
                        .param("nameEn", "Cedar family literacy grant")
                        .param("nameEs", "Subvención de alfabetización familiar de Cedar")
                        .param("kind", "GRANT"));
    }

    @Test
    void theSchoolwidePlanAndTheParentCompactAsWordHaveAHeadingPerComponentAndEveryTaggedItem() throws Exception {
        addFamilyGrant();
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        TaggedPlan tagged = cedarPlan(
                principal,
                "Cedar Elementary family plan 2027-28",
                "title-i-schoolwide|SW-07",
                "parent-family-engagement-school|PC-02",
                "parent-family-engagement-school|PC-07");
        send(
                principal,
                post("/items/" + tagged.goal().id() + "/tags")
                        .param("component", "parent-family-engagement-school|SPF-05"));

        for (String code : new String[] {"title-i-schoolwide", "parent-family-engagement-school"}) {
            Framework framework = FrameworkFile.read(
                    send(principal, get("/compliance/" + code + "/export")).getContentAsByteArray());
            MockHttpServletResponse docx = send(
                    principal,
                    get("/compliance/" + code + "/document.docx")
                            .param("plan", tagged.plan().toString()));
            assertThat(docx.getStatus()).isEqualTo(200);
            assertThat(docx.getContentType()).contains("wordprocessingml");
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()))) {
                List<String> headings = document.getParagraphs().stream()
                        .filter(p -> "Heading1".equals(p.getStyle()))
                        .map(XWPFParagraph::getText)
                        .toList();
                assertThat(headings)
                        .as("a Heading 1 per component, in the framework's order")
                        .containsExactlyElementsOf(framework.components().stream()
                                .map(c -> c.code() + " " + c.title().in(Locale.ENGLISH))
                                .toList());
                assertThat(document.getStyles()
                                .getStyle("Heading1")
                                .getCTStyle()
                                .getPPr()
                                .getOutlineLvl()
                                .getVal())
                        .as("the heading is in Word's outline")
                        .isEqualTo(BigInteger.ZERO);
                String text;
                try (XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
                    text = extractor.getText();
                }
                assertThat(text)
                        .contains(
                                framework.title().in(Locale.ENGLISH),
                                "Cedar Elementary",
                                "No consultation of stakeholders is recorded for this plan yet",
                                "Family reading nights every month, with childcare and interpreters.",
                                "Promising (tier 3)",
                                "$10,500 (Title I, Part A $9,000; Cedar family literacy grant $1,500)",
                                "What will show it worked: Families report reading at home more often.");
                List<String> items = document.getParagraphs().stream()
                        .filter(p -> "Heading2".equals(p.getStyle()))
                        .map(XWPFParagraph::getText)
                        .toList();
                if (code.equals("title-i-schoolwide")) {
                    assertThat(items)
                            .containsExactly("Action: " + tagged.action().title());
                    assertThat(text).contains("1 of 13 components are addressed by the plan.");
                } else {
                    // the compact: the goal under SPF-05, the action under PC-02 and PC-07, each under its heading
                    assertThat(items)
                            .containsExactly(
                                    "Goal: " + tagged.goal().title(),
                                    "Action: " + tagged.action().title(),
                                    "Action: " + tagged.action().title());
                    assertThat(text.indexOf("Goal: " + tagged.goal().title()))
                            .isGreaterThan(text.indexOf("SPF-05 Information for parents"))
                            .isLessThan(text.indexOf("PC-01"));
                    assertThat(text.indexOf("Action: " + tagged.action().title()))
                            .isGreaterThan(text.indexOf("PC-02 "))
                            .isLessThan(text.indexOf("PC-03 "));
                    assertThat(text).contains("3 of 12 components are addressed by the plan.");
                }
                Files.createDirectories(Path.of("target/screenshots"));
                Files.write(Path.of("target/screenshots/" + code + ".docx"), docx.getContentAsByteArray());
            }
        }

        Framework compact =
                FrameworkFile.read(send(principal, get("/compliance/parent-family-engagement-school/export"))
                        .getContentAsByteArray());
        MockHttpServletResponse spanish = send(
                principal,
                get("/compliance/parent-family-engagement-school/document.docx")
                        .param("plan", tagged.plan().toString())
                        .param("lang", "es"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(spanish.getContentAsByteArray()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText())
                    .contains(
                            "PC-02 "
                                    + compact.component("PC-02")
                                            .orElseThrow()
                                            .title()
                                            .es(),
                            "Acción: " + tagged.action().title(),
                            "Prometedora",
                            "Subvención de alfabetización familiar de Cedar",
                            "Nada en el plan atiende este componente todavía.");
        }
        assertThat(send(
                                fixtures.otherDistrictUser("DISTRICT_ADMIN"),
                                get("/compliance/title-i-schoolwide/document.docx")
                                        .param("plan", tagged.plan().toString()))
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theSchoolwidePlanAsAWorkbookHasARowPerComponentAndTaggedItem() throws Exception {
        addFamilyGrant();
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        TaggedPlan tagged = cedarPlan(principal, "Cedar Elementary workbook plan 2027-28", "title-i-schoolwide|SW-07");
        Framework schoolwide = FrameworkFile.read(
                send(principal, get("/compliance/title-i-schoolwide/export")).getContentAsByteArray());

        MockHttpServletResponse xlsx = send(
                principal,
                get("/compliance/title-i-schoolwide/document.xlsx")
                        .param("plan", tagged.plan().toString()));

        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Component");
            assertThat(rows.get(0).getCellText(4)).isEqualTo("Title");
            assertThat(rows.subList(1, rows.size()))
                    .extracting(row -> row.getCellText(0))
                    .containsExactlyElementsOf(
                            schoolwide.components().stream().map(c -> c.code()).toList());
            Row reform = rows.stream()
                    .filter(row -> "SW-07".equals(row.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(reform.getCellText(2))
                    .isEqualTo(schoolwide.component("SW-07").orElseThrow().citation());
            assertThat(reform.getCellText(3)).isEqualTo("Action");
            assertThat(reform.getCellText(4)).isEqualTo(tagged.action().title());
            assertThat(reform.getCellAsNumber(8).orElseThrow()).isEqualByComparingTo("10500");
            assertThat(reform.getCellText(9)).isEqualTo("Title I, Part A $9,000; Cedar family literacy grant $1,500");
            assertThat(reform.getCellAsDate(6).orElseThrow().toLocalDate()).isEqualTo("2027-09-01");
            assertThat(reform.getCellText(10)).isEqualTo("Promising (tier 3)");
            assertThat(reform.getCellText(12)).isEqualTo("Families report reading at home more often.");
            assertThat(rows.get(1).getCellText(4)).isEqualTo("Nothing in the plan addresses this component yet.");
            List<Row> about = workbook.getSheets().toList().get(1).read();
            assertThat(about.get(2).getCellText(1)).isEqualTo("Cedar Elementary");
            assertThat(about.get(5).getCellText(1)).isEqualTo("1 of 13 components are addressed by the plan.");
        }
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/title-i-schoolwide.xlsx"), xlsx.getContentAsByteArray());
    }
}
