package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.TierNames;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner moving from a spreadsheet downloads the template, imports a plan whose file has mistakes (every row listed,
 * in English and in Spanish), corrects it, lands on the new plan and downloads it back as XLSX.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanImportBrowserTest {

    private static final String HEADER = "code,parent,tier,title,title_translation,owner,description,start,end,"
            + "resources,needs,evidence_tier,evidence_basis,implementation_evidence,impact_evidence,student_groups,"
            + "costs,tags\n";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DirectoryApi directory;

    @TempDir
    Path folder;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        // a refused file answers 422, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("422"));
        browser.close();
    }

    @Test
    void aPlannerImportsAPlanFromASpreadsheetAndDownloadsItBack() throws Exception {
        TierNames t = directory.district(fixtures.demoDistrict()).tiers();
        Path bad = folder.resolve("plan-with-mistakes.csv");
        Files.writeString(
                bad,
                HEADER
                        + "G1,,%s,Every student reads,,,,,,,,,,,,,,\n".formatted(t.goal())
                        + "G1.A1,G2,%s,Tutoring,,,,,,,,,,,,,,\n".formatted(t.strategy())
                        + "G1.A2,G1,%s,Coaching,,nobody@example.com,,2026-09-01,2026-06-01,,,,,,,,,\n"
                                .formatted(t.strategy()),
                StandardCharsets.UTF_8);
        Path good = folder.resolve("reading-plan.csv");
        Files.writeString(
                good,
                HEADER
                        + "G1,,%s,Every student reads,Todos los estudiantes leen,planner@lakeview.example,,,,,,,,,,,,title-i-schoolwide:SW-01\n"
                                .formatted(t.goal())
                        + "G1.O1,G1,%s,Grade 3 reading at 75%%,,,,,,,,,,,,,,\n".formatted(t.outcome())
                        + "G1.A1,G1,%s,Small-group tutoring,,teacher@lakeview.example,Three times a week,2028-09-01,2029-05-31,Two tutors,Below benchmark,MODERATE,WWC review,Logs,Benchmarks,EL,LOCAL:GENERAL:12000,\n"
                                .formatted(t.strategy())
                        + "G1.A2,G1,%s,Reading coaches,,,,,,,,,,,,,,\n".formatted(t.strategy()),
                StandardCharsets.UTF_8);

        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Plans");
        page.click("[data-test=import-plan]");
        assertThat(page.locator("h1")).hasText("Import a plan");
        assertThat(page.locator("[data-test=columns] tbody tr")).hasCount(18);
        Download template = page.waitForDownload(() -> page.click("[data-test=templates] a >> text=XLSX"));
        assertThat(template.suggestedFilename()).isEqualTo("plan-template.xlsx");
        assertThat(rows(template)).hasSize(4);

        page.selectOption("#kind", "IMPROVEMENT");
        page.fill("#title", "Reading plan 2028-29");
        page.fill("#firstYear", "2028");
        page.setInputFiles("#file", bad);
        page.click("[data-test=import-form] button[type=submit]");
        assertThat(page.locator("[data-test=import-errors]")).containsText("Nothing from plan-with-mistakes.csv");
        assertThat(page.locator("[data-test=import-errors] tbody tr")).hasCount(3);
        assertThat(page.locator("[data-test=import-errors]")).containsText("No row has the code \"G2\".");
        assertThat(page.locator("[data-test=import-errors]"))
                .containsText("No person of the district has the e-mail \"nobody@example.com\".");
        assertThat(page.locator("[data-test=import-errors]"))
                .containsText("The end 2026-06-01 comes before the start 2026-09-01.");
        Browser.screenshot(page, "plan-import-errors-en");

        page.setInputFiles("#file", good);
        page.click("[data-test=import-form] button[type=submit]");
        assertThat(page.locator("h1")).hasText("Reading plan 2028-29");
        assertThat(page.locator("[data-test=imported]")).hasText("Imported 4 items into this new plan.");
        assertThat(page.locator("#tree")).containsText("Small-group tutoring");
        Browser.screenshot(page, "plan-imported-en");

        Download export = page.waitForDownload(() -> page.click("[data-test=export] a >> text=XLSX"));
        assertThat(export.suggestedFilename()).isEqualTo("reading-plan-2028-29.xlsx");
        List<List<String>> exported = rows(export);
        assertThat(exported).hasSize(5);
        assertThat(exported.get(3)).startsWith("G1.A1", "G1", t.strategy(), "Small-group tutoring");

        page.navigate("/plans/import?lang=es");
        assertThat(page.locator("h1")).hasText("Importar un plan");
        page.fill("#title", "Plan de lectura");
        page.fill("#firstYear", "2028");
        page.setInputFiles("#file", bad);
        page.click("[data-test=import-form] button[type=submit]");
        assertThat(page.locator("[data-test=import-errors]"))
                .containsText("No se importó nada de plan-with-mistakes.csv");
        assertThat(page.locator("[data-test=import-errors]")).containsText("Ninguna fila tiene el código \"G2\".");
        Browser.screenshot(page, "plan-import-errors-es");
        page.navigate("/plans?lang=es");
        page.click("[data-test=import-plan]");
        page.setInputFiles("#file", good);
        page.fill("#title", "Plan de lectura 2028-29");
        page.fill("#firstYear", "2028");
        page.click("[data-test=import-form] button[type=submit]");
        assertThat(page.locator("[data-test=imported]")).hasText("Se importaron 4 elementos en este plan nuevo.");
        Browser.screenshot(page, "plan-imported-es");
    }

    private static List<List<String>> rows(Download download) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path());
                ReadableWorkbook workbook = new ReadableWorkbook(in);
                var stream = workbook.getFirstSheet().openStream()) {
            for (Row row : stream.toList()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    String text = row.getCellText(c);
                    cells.add(text == null ? "" : text);
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
