package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
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
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.compliance.PlanLevel;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every shipped required plan written out as a PDF from the demo's 2025-26 improvement plans (the district's for a
 * district framework, Cedar Elementary's for a school one): each opens, has every component's heading in order and the
 * stakeholders consulted with their dates; its first page is drawn to target/screenshots so anyone can look at it.
 */
@LodestarTest
class EveryFrameworkDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ComplianceFrameworks frameworks;

    @Autowired
    ImprovementPlans improvementPlans;

    private UUID plan(String title) {
        return improvementPlans.ofYear(fixtures.demoDistrict(), 2025).stream()
                .filter(plan -> plan.title().equals(title))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void everyFrameworkComesOutAsAPdfWithEveryComponentAndTheStakeholdersConsulted() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID districtPlan = plan("Lakeview Unified Improvement Plan 2025-26");
        UUID cedarPlan = plan("Cedar Elementary Improvement Plan 2025-26");
        List<FrameworkEntry> shipped = frameworks.list(planner);
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(15);
        Files.createDirectories(Path.of("target/screenshots"));

        for (FrameworkEntry entry : shipped) {
            boolean school = entry.framework().level() == PlanLevel.SCHOOL;
            MockHttpServletResponse pdf = mvc.perform(get("/compliance/" + entry.code() + "/document.pdf")
                            .param("plan", (school ? cedarPlan : districtPlan).toString())
                            .with(user(planner)))
                    .andReturn()
                    .getResponse();
            assertThat(pdf.getStatus()).as(entry.code()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                int last = -1;
                for (Component component : entry.framework().components()) {
                    String heading = component.code() + " " + component.title().in(Locale.ENGLISH);
                    assertThat(text.indexOf(heading))
                            .as("%s: %s in the framework's order", entry.code(), heading)
                            .isGreaterThan(last);
                    last = text.indexOf(heading);
                }
                assertThat(text)
                        .as(entry.code())
                        .contains("Stakeholders consulted")
                        .contains(school ? "Annual Title I meeting" : "Spring family forum in English and Spanish")
                        .contains(school ? "Sep 9, 2025" : "Apr 22, 2025");
                BufferedImage firstPage = new PDFRenderer(document).renderImageWithDPI(0, 60);
                ImageIO.write(
                        firstPage,
                        "png",
                        Path.of("target/screenshots/framework-" + entry.code() + "-pdf-page1.png")
                                .toFile());
            }
        }
    }
}
