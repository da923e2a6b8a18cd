package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin adds the district's own funding source (a state grant); a principal plans an action's cost from it, tags the
 * action with a Title I schoolwide component (shown by the plan's and the component's names) and downloads the school's
 * Title I schoolwide plan as Word and as a spreadsheet, both opened and read.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworkDownloadsBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        // the refused entry answers 422, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("422"));
        browser.close();
    }

    @Test
    void anAddedFundIsPlannedOnAnActionAndTheSchoolwidePlanIsDownloadedAsWordAndSpreadsheet() throws Exception {
        Page admin = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
        admin.click("nav >> text=Plans");
        admin.click("[data-test=required-plans]");
        admin.click("main [data-test=funding-sources]");
        assertThat(admin.locator("h1")).hasText("Funding sources");
        admin.fill("#code", "reading academies");
        admin.fill("#nameEn", "Texas reading academies grant");
        admin.fill("#nameEs", "Subvención de academias de lectura de Texas");
        admin.selectOption("#kind", "STATE");
        admin.click("[data-test=add-source] button[type=submit]");
        assertThat(admin.locator("[role=status]")).hasText("Added READING_ACADEMIES.");
        assertThat(admin.locator("[data-test=funding-sources] tr[data-code=READING_ACADEMIES]"))
                .containsText("Texas reading academies grant");
        admin.click("[data-test=funding-sources] tr[data-code=READING_ACADEMIES] a");
        assertThat(admin.locator("h1")).containsText("READING_ACADEMIES");
        assertThat(admin.locator("[data-test=delete-source]")).isVisible();
        admin.fill("#nameEn", "");
        admin.fill("#nameEs", "");
        admin.click("[data-test=source-form] button[type=submit]");
        assertThat(admin.locator("#nameEn-error")).hasText("Give the fund a name in English or Spanish.");
        admin.fill("#nameEn", "Texas reading academies grant");
        admin.fill("#nameEs", "Subvención de academias de lectura de Texas");
        Browser.screenshot(admin, "funding-source-form-en");
        admin.click("[data-test=source-form] button[type=submit]");
        assertThat(admin.locator("[role=status]")).hasText("Saved.");
        Browser.screenshot(admin, "funding-sources-en");
        admin.navigate("/funding/sources?lang=es");
        assertThat(admin.locator("[data-test=funding-sources] tr[data-code=READING_ACADEMIES]"))
                .containsText("Subvención de academias de lectura de Texas");
        Browser.screenshot(admin, "funding-sources-es");
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/funding/sources", "admin@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();

        Page page = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Plans");
        page.click("[data-test=new-improvement] a");
        page.fill("#year", "2025");
        page.fill("#title", "Cedar Elementary reading plan 2025-26");
        page.click("main button[type=submit]");
        assertThat(page.locator("h1")).hasText("Cedar Elementary reading plan 2025-26");
        String action =
                page.locator("#tree [data-tier=strategy] a.title").first().textContent();
        page.locator("#tree [data-tier=strategy] a.title").first().click();
        page.selectOption("#fund", "READING_ACADEMIES");
        page.selectOption("#purpose", "GENERAL");
        page.fill("#amount", "7,250");
        page.click("[data-test=add-cost] button[type=submit]");
        assertThat(page.locator("[data-test=costs] tbody")).containsText("Texas reading academies grant");
        assertThat(page.locator("[data-test=costs] tbody")).containsText("$7,250");
        page.selectOption("#component", "title-i-schoolwide|SW-07");
        page.click("[data-test=add-tag] button[type=submit]");
        assertThat(page.locator("[data-test=tags] [data-test=tag-label]").first())
                .containsText("Title I schoolwide: Schoolwide reform strategies");
        Browser.screenshot(page, "improvement-action-fund-en");
        String actionUrl = page.url();
        page.navigate(actionUrl.replaceAll("#.*", "") + "?lang=es");
        assertThat(page.locator("[data-test=tags] [data-test=tag-label]").first())
                .containsText("Título I schoolwide: Estrategias de reforma para toda la escuela");
        assertThat(page.locator("[data-test=costs] tbody")).containsText("Subvención de academias de lectura de Texas");
        Browser.screenshot(page, "improvement-action-fund-es");

        page.navigate(actionUrl.replaceAll("#.*", "") + "?lang=en");
        page.locator("a", new Page.LocatorOptions().setHasText("Cedar Elementary reading plan 2025-26"))
                .first()
                .click();
        page.click("[data-test=improvement] >> text=Title I, Part A schoolwide program plan");
        Browser.screenshot(page, "improvement-coverage-downloads-en");
        Download docx = page.waitForDownload(() -> page.click("[data-test=document] [data-test=docx]"));
        assertThat(docx.suggestedFilename()).startsWith("title-i-schoolwide-").endsWith(".docx");
        try (InputStream in = Files.newInputStream(docx.path());
                XWPFDocument document = new XWPFDocument(in)) {
            List<String> headings = document.getParagraphs().stream()
                    .filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)
                    .toList();
            assertThat(headings).hasSize(13).contains("SW-07 Schoolwide reform strategies");
            assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText))
                    .contains("Action: " + action.strip());
        }
        Download xlsx = page.waitForDownload(() -> page.click("[data-test=document] [data-test=xlsx]"));
        assertThat(xlsx.suggestedFilename()).startsWith("title-i-schoolwide-").endsWith(".xlsx");
        try (InputStream in = Files.newInputStream(xlsx.path());
                ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(1 + 13);
            Row reform = rows.stream()
                    .filter(row -> "SW-07".equals(row.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(reform.getCellText(4)).isEqualTo(action.strip());
            assertThat(reform.getCellText(9)).isEqualTo("Texas reading academies grant");
        }

        page.navigate(
                page.url().replaceAll("[?&]lang=[a-z]+", "") + (page.url().contains("?") ? "&" : "?") + "lang=es");
        assertThat(page.locator("[data-test=document] [data-test=xlsx]")).hasText("Hoja de cálculo (XLSX)");
        Browser.screenshot(page, "improvement-coverage-downloads-es");
    }
}
