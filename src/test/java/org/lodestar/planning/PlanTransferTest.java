package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.TierNames;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.planning.domain.PlanTransfer;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Plan import and export (issue 9): a plan of 200 items read whole, a file of bad rows refused whole with every line,
 * XLSX and CSV back out as they went in, JSON between two districts, and the same through the API with its tokens.
 * Each import makes a plan of its own, in a school year no other test uses for improvement plans.
 */
@LodestarTest
class PlanTransferTest {

    private static final String HEADER = "code,parent,tier,title,title_translation,owner,description,start,end,"
            + "resources,needs,evidence_tier,evidence_basis,implementation_evidence,impact_evidence,student_groups,"
            + "costs,tags";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.lodestar.planning.domain.FundingSources fundingSources;

    @Autowired
    DirectoryApi directory;

    @Autowired
    ApiTokenStore tokens;

    @Autowired
    PlanTransfer transfer;

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    private TierNames tiers() {
        return directory.district(fixtures.demoDistrict()).tiers();
    }

    private MockHttpServletResponse upload(
            SignedInUser who, String name, byte[] bytes, String kind, int year, Locale locale) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/plans/import");
        request.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .param("kind", kind)
                .param("firstYear", String.valueOf(year))
                .param("lastYear", String.valueOf(year + 4))
                .param("title", "Imported " + name + " " + UUID.randomUUID())
                .param("lang", locale.getLanguage());
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private static UUID planOf(MockHttpServletResponse response) {
        assertThat(response.getStatus()).as(() -> contentOf(response)).isEqualTo(302);
        return UUID.fromString(response.getRedirectedUrl().replaceAll("/plans/([^?]+).*", "$1"));
    }

    private static String contentOf(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] export(SignedInUser who, UUID plan, String format) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/plans/" + plan + "/export")
                        .param("format", format)
                        .with(user(who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("attachment");
        return response.getContentAsByteArray();
    }

    private int count(String sql, UUID plan) {
        return fixtures.jdbc().sql(sql).param(plan).query(Integer.class).single();
    }

    /**
     * A plan of 40 goals, each with an outcome and three actions (200 items): every action with dates, evidence,
     * groups and two costs, every goal tagged with a Title I schoolwide component.
     */
    private String bigPlan() {
        return bigPlan(40);
    }

    /** A plan of {@code goals} goals, each with an outcome and three actions. */
    private String bigPlan(int goals) {
        TierNames t = tiers();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int g = 1; g <= goals; g++) {
            csv.append("G%d,,%s,Goal %d,Meta %d,planner@lakeview.example,,,,,,,,,,,,title-i-schoolwide:SW-01\n"
                    .formatted(g, t.goal(), g, g));
            csv.append("G%d.O1,G%d,%s,Outcome %d,,,,,,,,,,,,,,\n".formatted(g, g, t.outcome(), g));
            for (int a = 1; a <= 3; a++) {
                csv.append(("G%d.A%d,G%d,%s,\"Action %d.%d, with a comma\",,teacher@lakeview.example,Tutoring,"
                                + "2026-09-01,2027-05-28,Two tutors,Reading below benchmark,MODERATE,WWC review,"
                                + "Logs,Benchmark scores,EL;SWD,LOCAL:GENERAL:12000;STATE:GENERAL:500.5,\n")
                        .formatted(g, a, g, t.strategy(), g, a));
            }
        }
        return csv.toString();
    }

    @Test
    void aPlanOf200ItemsIsImportedWholeWithItsCodesDetailsCostsAndTags() throws Exception {
        long auditBefore = fixtures.count("audit_event");

        UUID plan = planOf(upload(
                planner(),
                "plan.csv",
                bigPlan().getBytes(StandardCharsets.UTF_8),
                "IMPROVEMENT",
                2026,
                Locale.ENGLISH));

        assertThat(count("select count(*) from goal where plan_id = ?", plan)).isEqualTo(40);
        assertThat(count(
                        "select count(*) from outcome o join goal g on g.district_id = o.district_id and g.id = o.goal_id where g.plan_id = ?",
                        plan))
                .isEqualTo(40);
        assertThat(count(
                        "select count(*) from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id where g.plan_id = ?",
                        plan))
                .isEqualTo(120);
        assertThat(count(
                        "select count(*) from action_detail d join strategy s on s.district_id = d.district_id and s.id = d.strategy_id"
                                + " join goal g on g.district_id = s.district_id and g.id = s.goal_id where g.plan_id = ?"
                                + " and d.evidence_tier = 'MODERATE' and d.start_date = date '2026-09-01' and d.student_groups = '{EL,SWD}'",
                        plan))
                .isEqualTo(120);
        assertThat(count(
                        "select count(*) from action_cost c join strategy s on s.district_id = c.district_id and s.id = c.strategy_id"
                                + " join goal g on g.district_id = s.district_id and g.id = s.goal_id where g.plan_id = ?",
                        plan))
                .isEqualTo(240);
        assertThat(fixtures.jdbc()
                        .sql("select sum(c.amount) from action_cost c join strategy s on s.district_id = c.district_id"
                                + " and s.id = c.strategy_id join goal g on g.district_id = s.district_id and g.id = s.goal_id"
                                + " where g.plan_id = ?")
                        .param(plan)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("1500060");
        assertThat(count(
                        "select count(*) from compliance_tag t join goal g on g.district_id = t.district_id and g.id = t.item_id"
                                + " where g.plan_id = ? and t.component_code = 'SW-01'",
                        plan))
                .isEqualTo(40);
        assertThat(count(
                        "select count(*) from goal where plan_id = ? and code = 'G17' and title_translation = 'Meta 17'",
                        plan))
                .isEqualTo(1);
        assertThat(count("select count(*) from improvement_plan where plan_id = ?", plan))
                .isEqualTo(1);
        // the plan and each of its 200 items, audited
        assertThat(fixtures.count("audit_event") - auditBefore).isEqualTo(201);

        String page =
                contentOf(mvc.perform(get("/plans/" + plan + "?imported=200").with(user(planner())))
                        .andReturn()
                        .getResponse());
        assertThat(page).contains("Imported 200 items into this new plan.", "Action 17.3, with a comma");
    }

    /** Items: the plan is written in a statement per table, so twice the items cost no more statements. */
    @Test
    void anImportOfTwiceTheItemsPreparesNoMoreStatements() throws Exception {
        statementsToImport(2); // the district and its frameworks remembered, as in a running Lodestar
        StatementCounter.Counted<Integer> small = statementsToImport(20);
        long start = System.nanoTime();
        StatementCounter.Counted<Integer> large = statementsToImport(40);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "plan import: %d items in %d statements and %d ms (%d items: %d statements)%n",
                large.result(), large.statements(), millis, small.result(), small.statements());
        assertThat(large.result()).isEqualTo(200);
        assertThat(large.statements())
                .as("statements for 200 items against %d for 100: %s", small.statements(), large.sql())
                .isLessThanOrEqualTo(small.statements());
        assertThat(small.statements()).isLessThan(60);
    }

    private StatementCounter.Counted<Integer> statementsToImport(int goals) throws Exception {
        byte[] csv = bigPlan(goals).getBytes(StandardCharsets.UTF_8);
        PlanTransfer.Target target =
                new PlanTransfer.Target(PlanKind.STRATEGIC, null, 2025, 2029, "Counted " + UUID.randomUUID(), null);
        return StatementCounter.count(() -> {
            PlanTransfer.Result result = transfer.importFile(planner(), target, "plan.csv", new ByteArrayResource(csv));
            assertThat(result.problems()).isEmpty();
            return result.items();
        });
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryLineAndColumn() throws Exception {
        TierNames t = tiers();
        String csv = HEADER + "\n"
                + "G1,,%s,A good goal,,,,,,,,,,,,,,\n".formatted(t.goal()) // line 2
                + "G1.A1,G9,%s,Parent nobody has,,,,,,,,,,,,,,\n".formatted(t.strategy()) // 3: unknown parent
                + "X1,X2,%s,Loop one,,,,,,,,,,,,,,\n".formatted(t.outcome()) // 4: cycle
                + "X2,X1,%s,Loop two,,,,,,,,,,,,,,\n".formatted(t.outcome()) // 5: cycle
                + "G1.Z,G1,Milestone,Bad tier,,,,,,,,,,,,,,\n" // 6: bad tier
                + "G1.A2,G1,%s,Unknown owner,,nobody@example.com,,,,,,,,,,,,\n".formatted(t.strategy()) // 7
                + "G1.A3,G1,%s,Bad date,,,,2026-13-01,,,,,,,,,,\n".formatted(t.strategy()) // 8
                + "G1.A4,G1,%s,Backwards,,,,2026-09-01,2026-08-01,,,,,,,,,\n".formatted(t.strategy()) // 9
                + "G1.A5,G1,%s,Bad fund,,,,,,,,,,,,,TITLE_IX:GENERAL:5,\n".formatted(t.strategy()) // 10
                + "G1.A6,G1,%s,Bad tag,,,,,,,,,,,,,,title-i-schoolwide:NOPE\n".formatted(t.strategy()) // 11
                + "G1.A7,G1,%s,%s,,,,,,,,,,,,,,\n".formatted(t.strategy(), "x".repeat(301)) // 12: too long
                + "G1.A1,G1,%s,Repeated code,,,,,,,,,,,,,,\n".formatted(t.strategy()); // 13: repeated code
        long plansBefore = fixtures.count("plan");

        MockHttpServletResponse refused =
                upload(planner(), "bad.csv", csv.getBytes(StandardCharsets.UTF_8), "STRATEGIC", 2025, Locale.ENGLISH);

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(fixtures.count("plan")).isEqualTo(plansBefore);
        String page = contentOf(refused).replaceAll("\\s+", " ").replace("&quot;", "\"");
        assertThat(page)
                .contains("Nothing from bad.csv was imported")
                .contains("<td>3</td> <td><code>parent</code></td> <td>No row has the code \"G9\".</td>")
                .contains(
                        "<td>4</td> <td><code>parent</code></td> <td>The parents go round in a loop: X1 → X2 → X1.</td>")
                .contains(
                        "<td>5</td> <td><code>parent</code></td> <td>The parents go round in a loop: X2 → X1 → X2.</td>")
                .contains("<td>6</td> <td><code>tier</code></td> <td>\"Milestone\" is not a tier")
                .contains(
                        "<td>7</td> <td><code>owner</code></td> <td>No person of the district has the e-mail \"nobody@example.com\".</td>")
                .contains(
                        "<td>8</td> <td><code>start</code></td> <td>\"2026-13-01\" is not a date like 2025-09-01.</td>")
                .contains(
                        "<td>9</td> <td><code>end</code></td> <td>The end 2026-08-01 comes before the start 2026-09-01.</td>")
                .contains("<td>10</td> <td><code>costs</code></td> <td>\"TITLE_IX\" is not a funding source")
                .contains(
                        "<td>11</td> <td><code>tags</code></td> <td>\"title-i-schoolwide:NOPE\": the required plan title-i-schoolwide has no such component.</td>")
                .contains("<td>12</td> <td><code>title</code></td> <td>At most 300 characters here; this has 301.</td>")
                .contains(
                        "<td>13</td> <td><code>code</code></td> <td>The code \"G1.A1\" is already used on line 3.</td>")
                .doesNotContain("<td>2</td>");

        MockHttpServletResponse spanish = upload(
                planner(),
                "malo.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                "STRATEGIC",
                2025,
                Locale.forLanguageTag("es"));
        assertThat(contentOf(spanish).replace("&quot;", "\""))
                .contains("No se importó nada de malo.csv", "Ninguna fila tiene el código \"G9\".");
    }

    @Test
    void anXlsxPlanComesBackOutAsItWentIn() throws Exception {
        TierNames t = tiers();
        List<List<String>> rows = List.of(
                List.of(
                        "code",
                        "parent",
                        "tier",
                        "title",
                        "title_translation",
                        "owner",
                        "description",
                        "start",
                        "end",
                        "resources",
                        "needs",
                        "evidence_tier",
                        "evidence_basis",
                        "implementation_evidence",
                        "impact_evidence",
                        "student_groups",
                        "costs",
                        "tags"),
                List.of(
                        "READ",
                        "",
                        t.goal(),
                        "Every student reads",
                        "Todos leen",
                        "planner@lakeview.example",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "title-i-schoolwide:SW-01"),
                List.of(
                        "READ.1",
                        "READ",
                        t.outcome(),
                        "Grade 3 reading at 75%",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        ""),
                List.of(
                        "1.10",
                        "READ",
                        t.strategy(),
                        "Tutoring",
                        "Tutoría",
                        "teacher@lakeview.example",
                        "Three times a week",
                        "2026-09-01",
                        "2027-05-28",
                        "Two tutors",
                        "Below benchmark",
                        "STRONG",
                        "A trial",
                        "Logs",
                        "Scores",
                        "EL;SWD",
                        "TITLE_I_A:GENERAL:12000;LOCAL:ADMINISTRATION:99.95",
                        "title-i-schoolwide:SW-01;title-i-schoolwide:SW-02"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(bytes, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("plan");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    sheet.value(r, c, rows.get(r).get(c));
                }
            }
        }
        workbook.finish();

        UUID plan = planOf(upload(planner(), "plan.xlsx", bytes.toByteArray(), "STRATEGIC", 2025, Locale.ENGLISH));

        assertThat(sheetRows(export(planner(), plan, "xlsx"))).isEqualTo(rows);
    }

    private static List<List<String>> sheetRows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                var stream = workbook.getFirstSheet().openStream()) {
            for (Row row : stream.toList()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 18; c++) {
                    String text = c < row.getCellCount() ? row.getCellText(c) : null;
                    cells.add(text == null ? "" : text);
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void aCsvPlanComesBackOutAsItWentInAndItemsMadeHereGetGeneratedCodes() throws Exception {
        TierNames t = tiers();
        String csv = HEADER + "\n"
                + "G1,,%s,Safe schools,,,,,,,,,,,,,,\n".formatted(t.goal())
                + "G1.O1,G1,%s,Fewer absences,,,,,,,,,,,,,,\n".formatted(t.outcome())
                + "G1.A1,G1,%s,\"Mentors, for every \"\"at risk\"\" student\",,,,2026-09-01,,,,PROMISING,,,,,OTHER:GENERAL:0,\n"
                        .formatted(t.strategy());

        UUID plan = planOf(
                upload(planner(), "plan.csv", csv.getBytes(StandardCharsets.UTF_8), "STRATEGIC", 2025, Locale.ENGLISH));
        String exported = new String(export(planner(), plan, "csv"), StandardCharsets.UTF_8);
        assertThat(exported.replace("\uFEFF", "").replace("\r\n", "\n")).isEqualTo(csv);

        // a goal added in Lodestar has no code; the export gives it the next free one
        UUID goal = fixtures.jdbc()
                .sql("select id from goal where plan_id = ? and code = 'G1'")
                .param(plan)
                .query(UUID.class)
                .single();
        mvc.perform(post("/plans/" + plan + "/nodes/goal")
                        .param("parent", plan.toString())
                        .param("title", "Added here")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn();
        mvc.perform(post("/plans/" + plan + "/nodes/strategy")
                        .param("parent", goal.toString())
                        .param("title", "Added under G1")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn();
        String again = new String(export(planner(), plan, "csv"), StandardCharsets.UTF_8);
        assertThat(again).contains("G1.A2,G1," + t.strategy() + ",Added under G1", "G2,," + t.goal() + ",Added here");
    }

    @Test
    void aCostFromAFundTheDistrictAddedIsImported() throws Exception {
        TierNames t = tiers();
        fundingSources.add(
                fixtures.user("admin@lakeview.example"),
                "IMPORTED_STATE_GRANT",
                new org.lodestar.planning.compliance.Wording("Imported state grant", "Subvención estatal importada"),
                org.lodestar.planning.compliance.FundKind.STATE);
        String csv = HEADER + "\n"
                + "G1,,%s,Readers by grade 3,,,,,,,,,,,,,,\n".formatted(t.goal())
                + "G1.A1,G1,%s,Reading tutors,,,,,,,,,,,,,IMPORTED_STATE_GRANT:GENERAL:5000,\n".formatted(t.strategy());

        UUID plan = planOf(
                upload(planner(), "plan.csv", csv.getBytes(StandardCharsets.UTF_8), "STRATEGIC", 2027, Locale.ENGLISH));

        assertThat(fixtures.jdbc().sql("""
                                select c.fund from action_cost c join strategy s
                                  on s.district_id = c.district_id and s.id = c.strategy_id
                                  join goal g on g.district_id = s.district_id and g.id = s.goal_id
                                 where g.plan_id = ?""").param(plan).query(String.class).list())
                .containsExactly("IMPORTED_STATE_GRANT");
    }

    @Test
    void aWholePlanMovesToAnotherDistrictAsJsonAndComesOutTheSame() throws Exception {
        TierNames t = tiers();
        // an owner whose address has an account in both districts (nobody signs in with it)
        fixtures.demoUser("transfer.owner@lakeview.example", "CONTRIBUTOR", null);
        String csv = HEADER + "\n"
                + "G1,,%s,Family engagement,Participación familiar,transfer.owner@lakeview.example,,,,,,,,,,,,title-i-schoolwide:SW-05\n"
                        .formatted(t.goal())
                + "G1.A1,G1,%s,Family nights,Noches familiares,transfer.owner@lakeview.example,Monthly,2026-10-01,2027-04-30,"
                        .formatted(t.strategy())
                + "Interpreters,Low attendance,PROMISING,Survey,Sign-in sheets,Attendance,EL,"
                + "TITLE_I_A:PARENT_FAMILY_ENGAGEMENT:4500,title-i-schoolwide:SW-05\n";
        UUID plan = planOf(
                upload(planner(), "plan.csv", csv.getBytes(StandardCharsets.UTF_8), "STRATEGIC", 2025, Locale.ENGLISH));
        byte[] json = export(planner(), plan, "json");
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"format\" : \"lodestar-plan\"", "\"owner\" : \"transfer.owner@lakeview.example\"");

        SignedInUser other = fixtures.otherDistrictUser("PLANNER");
        fixtures.jdbc()
                .sql("""
                        insert into app_user (district_id, id, email, display_name, password_hash)
                        select ?, ?, u.email, 'Same address', u.password_hash from app_user u
                         where u.district_id = ? and u.email = 'transfer.owner@lakeview.example'
                           and not exists (select 1 from app_user o where o.district_id = ? and o.email = u.email)""")
                .params(other.districtId(), Ids.next(), fixtures.demoDistrict(), other.districtId())
                .update();
        fixtures.jdbc().sql("""
                        insert into student_group (district_id, code, name_en, name_es, family, position)
                        select ?, 'EL', 'English learners', 'Estudiantes de inglés', 'EL', 1
                         where not exists (select 1 from student_group where district_id = ? and code = 'EL')""").params(other.districtId(), other.districtId()).update();

        MockHttpServletResponse moved = mvc.perform(multipart("/plans/import")
                        .file(new MockMultipartFile("file", "plan.json", "application/json", json))
                        .with(user(other))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        UUID copy = planOf(moved);

        assertThat(fixtures.jdbc()
                        .sql("select district_id from plan where id = ?")
                        .param(copy)
                        .query(UUID.class)
                        .single())
                .isEqualTo(other.districtId());
        assertThat(new String(export(other, copy, "json"), StandardCharsets.UTF_8))
                .isEqualTo(new String(json, StandardCharsets.UTF_8));
        // another district's plan is not found, whatever its id
        assertThat(mvc.perform(get("/plans/" + plan + "/export")
                                .param("format", "json")
                                .with(user(other)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theApiImportsAndExportsWithTheCallersToken() throws Exception {
        TierNames t = tiers();
        byte[] csv = (HEADER + "\n" + "G1,,%s,From a script,,,,,,,,,,,,,,\n".formatted(t.goal())
                        + "G1.A1,G1,%s,An action,,,,2026-09-01,,,,,,,,,LOCAL:GENERAL:10,\n".formatted(t.strategy()))
                .getBytes(StandardCharsets.UTF_8);
        String token = tokens.create(planner().districtId(), planner().userId(), "test");
        String viewerToken = tokens.create(
                fixtures.demoDistrict(), fixtures.user("board@lakeview.example").userId(), "test");

        MockMultipartHttpServletRequestBuilder anonymous = multipart("/api/v1/plans/import")
                .file(new MockMultipartFile("file", "plan.csv", "text/csv", csv))
                .param("kind", "IMPROVEMENT")
                .param("firstYear", "2026-27")
                .param("title", "Scripted plan");
        assertThat(mvc.perform(anonymous).andReturn().getResponse().getStatus()).isEqualTo(401);
        MockHttpServletResponse viewer = mvc.perform(multipart("/api/v1/plans/import")
                        .file(new MockMultipartFile("file", "plan.csv", "text/csv", csv))
                        .param("kind", "IMPROVEMENT")
                        .param("firstYear", "2026-27")
                        .param("title", "Scripted plan")
                        .header("Authorization", "Bearer " + viewerToken))
                .andReturn()
                .getResponse();
        assertThat(viewer.getStatus()).isEqualTo(403);
        assertThat(viewer.getContentType()).contains("application/problem+json");

        MockHttpServletResponse created = mvc.perform(multipart("/api/v1/plans/import")
                        .file(new MockMultipartFile("file", "plan.csv", "text/csv", csv))
                        .param("kind", "IMPROVEMENT")
                        .param("firstYear", "2026-27")
                        .param("title", "Scripted plan")
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).as(contentOf(created)).isEqualTo(201);
        String id = contentOf(created).replaceAll(".*\"planId\":\"([^\"]+)\".*", "$1");
        assertThat(contentOf(created)).contains("\"items\":2");

        MockHttpServletResponse json = mvc.perform(
                        get("/api/v1/plans/" + id + "/export").header("Authorization", "Bearer " + viewerToken))
                .andReturn()
                .getResponse();
        assertThat(json.getStatus()).isEqualTo(200);
        assertThat(contentOf(json)).contains("\"title\" : \"Scripted plan\"", "\"fund\" : \"LOCAL\"");

        // the exported JSON goes back in through the API's JSON body, as a plan of its own
        MockHttpServletResponse again = mvc.perform(post("/api/v1/plans/import")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.getContentAsByteArray())
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).as(contentOf(again)).isEqualTo(201);

        MockHttpServletResponse bad = mvc.perform(multipart("/api/v1/plans/import")
                        .file(new MockMultipartFile(
                                "file",
                                "plan.csv",
                                "text/csv",
                                (HEADER + "\nG1,,%s,,,,,,,,,,,,,,,\n".formatted(t.goal()))
                                        .getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "STRATEGIC")
                        .param("firstYear", "2025")
                        .param("title", "Bad")
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(contentOf(bad))
                .contains("\"line\":2", "\"column\":\"title\"", "\"message\":\"Each item needs a title.\"");
        assertThat(contentOf(mvc.perform(get("/api/v1/openapi")).andReturn().getResponse()))
                .contains("/api/v1/plans/import", "/api/v1/plans/{id}/export");
        assertThat(mvc.perform(get("/api/v1/plans/" + UUID.randomUUID() + "/export")
                                .header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aViewerMayNotImportAndTheTemplateHasAnExampleRowPerTier() throws Exception {
        MockHttpServletResponse viewer = upload(
                fixtures.user("board@lakeview.example"),
                "plan.csv",
                bigPlan().getBytes(StandardCharsets.UTF_8),
                "STRATEGIC",
                2025,
                Locale.ENGLISH);
        assertThat(viewer.getStatus()).isEqualTo(403);

        String template = contentOf(
                mvc.perform(get("/plans/import/template").param("format", "csv").with(user(planner())))
                        .andReturn()
                        .getResponse());
        TierNames t = tiers();
        assertThat(template.lines().skip(1).map(line -> line.split(",")[2]).collect(Collectors.toList()))
                .containsExactly(t.goal(), t.outcome(), t.strategy());
        // the template itself imports
        planOf(upload(
                planner(),
                "template.csv",
                template.getBytes(StandardCharsets.UTF_8),
                "STRATEGIC",
                2025,
                Locale.ENGLISH));
    }
}
