package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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
                        .param("year", "2028")
                        .param("title", "Cedar Elementary schoolwide plan 2028-29")
                        .param("goals", firstGoal.id().toString())
                        .param("strategies", firstStrategy.id().toString()));
        UUID plan = UUID.fromString(created.getRedirectedUrl().replaceAll("/plans/([^?]+).*", "$1"));
        Strategy action =
                planning.nodesOfPlan(fixtures.demoDistrict(), plan).strategies().get(0);
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
}
