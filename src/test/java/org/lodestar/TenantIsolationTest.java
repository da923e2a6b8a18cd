package org.lodestar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route of the application as a person of another district and as a viewer of the demo district, with
 * the demo district's ids in the path and in the form, and proves that nothing of the demo district leaks to the
 * outsider and that neither of them changes anything of it.
 */
@LodestarTest
class TenantIsolationTest {

    /**
     * Routes that are not about a district's data, or that are one's own account; the public pages (under {@code /p/},
     * no sign-in) are walked on their own, at another district's address.
     */
    private static final Set<String> NOT_TENANT_DATA = Set.of("/login", "/error");

    /** Names that only the demo district's data contains. */
    private static final List<String> DEMO_NAMES = List.of(
            "Lakeview", "Cedar Elementary", "Grade 3 reading proficiency", "Every student reads", "Alex Rivera");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Map<String, UUID> ids;

    @BeforeEach
    void demoIds() {
        ids = new LinkedHashMap<>();
        ids.put("school", fixtures.any("select id from school where district_id = ? order by name"));
        ids.put("person", fixtures.any("select id from app_user where district_id = ? order by email"));
        ids.put("plan", fixtures.any("select id from plan where district_id = ? and school_id is null"));
        ids.put("schoolPlan", fixtures.any("select id from plan where district_id = ? and school_id is not null"));
        ids.put(
                "goal",
                fixtures.any(
                        "select g.id from goal g join plan p on p.district_id = g.district_id and p.id = g.plan_id where g.district_id = ? and p.school_id is null and g.removed_at is null"));
        ids.put("schoolGoal", fixtures.any("select school_goal_id from goal_alignment where district_id = ?"));
        ids.put("outcome", fixtures.any("select id from outcome where district_id = ? and removed_at is null"));
        ids.put("kpi", fixtures.any("select id from kpi where district_id = ? and archived_at is null"));
        ids.put("strategy", fixtures.any("select id from strategy where district_id = ? and removed_at is null"));
        ids.put("project", fixtures.any("select id from project where district_id = ? and archived_at is null"));
        ids.put("task", fixtures.any("select id from task where district_id = ? order by title"));
        ids.put("otherTask", fixtures.any("select id from task where district_id = ? order by title desc"));
        ids.put(
                "otherStrategy",
                fixtures.any("select id from strategy where district_id = ? and removed_at is null order by id desc"));
        ids.put("token", UUID.randomUUID());
        // a funding source of the district's own, so the routes of one are walked with a real id
        fixtures.jdbc()
                .sql(
                        "insert into funding_source (district_id, id, code, name_en) values (?, ?, 'WALK_FUND', 'Walked fund')"
                                + " on conflict (district_id, code) do nothing")
                .params(fixtures.demoDistrict(), UUID.randomUUID())
                .update();
        ids.put("fund", fixtures.any("select id from funding_source where district_id = ? and code = 'WALK_FUND'"));
    }

    @Test
    void aPersonOfAnotherDistrictSeesAndChangesNothingOfThisOne() throws Exception {
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        String before = fingerprint();
        List<String> walked = new ArrayList<>();
        for (Route route : routes()) {
            MvcResult result = mvc.perform(request(route, outsider)).andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            walked.add(route + " -> " + status);
            if (route.path().contains("{") && !route.path().startsWith("/history")) {
                assertThat(status).as(route.toString()).isIn(302, 400, 403, 404, 422);
            }
            for (String name : DEMO_NAMES) {
                assertThat(body).as(route + " leaks " + name).doesNotContain(name);
            }
        }
        mvc.perform(multipart("/measurements/import")
                        .file(new MockMultipartFile(
                                "file",
                                "values.csv",
                                "text/csv",
                                ("kpi,school_year,value\n" + ids.get("kpi") + ",2025-26,1\n").getBytes()))
                        .with(user(outsider))
                        .with(csrf()))
                .andReturn();
        // a plan imported into another district cannot carry out this one's strategic plan nor be one of its schools'
        MvcResult imported = mvc.perform(multipart("/plans/import")
                        .file(new MockMultipartFile(
                                "file", "plan.csv", "text/csv", "code,parent,tier,title\nG1,,goal,A goal\n".getBytes()))
                        .param("kind", "IMPROVEMENT")
                        .param("firstYear", "2025")
                        .param("title", "Changed by a stranger")
                        .param("school", ids.get("school").toString())
                        .param("strategicPlan", ids.get("plan").toString())
                        .with(user(outsider))
                        .with(csrf()))
                .andReturn();
        assertThat(imported.getResponse().getStatus()).isEqualTo(422);
        assertThat(walked)
                .anyMatch(route -> route.contains("/plans/import"))
                .anyMatch(route -> route.contains("/api/v1/plans/import"))
                .anyMatch(route -> route.contains("/api/v1/plans/{id}/export"))
                .anyMatch(route -> route.contains("/plans/{id}/export"));
        assertThat(walked).hasSizeGreaterThan(40);
        assertThat(fingerprint())
                .as("demo district data after walking " + walked)
                .isEqualTo(before);
    }

    @Test
    void anotherDistrictsPublicAddressShowsNothingOfThisOneWhateverIdsItIsGiven() throws Exception {
        fixtures.otherDistrictUser("VIEWER"); // the other district, with its public address /p/other
        List<String> walked = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/p/")) {
                    continue;
                }
                // the demo district's ids (its schools') at the other district's address
                String path = fill(pattern).replace("/p/lakeview", "/p/other");
                MvcResult result = mvc.perform(get(path)).andReturn();
                int status = result.getResponse().getStatus();
                walked.add(path + " -> " + status);
                assertThat(status).as(path).isIn(200, 404);
                if (pattern.replace("{slug}", "").contains("{")) {
                    assertThat(status).as(path).isEqualTo(404);
                }
                String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                for (String name : DEMO_NAMES) {
                    assertThat(body).as(path + " leaks " + name).doesNotContain(name);
                }
            }
        }
        assertThat(walked).as("public pages").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aViewerChangesNothing() throws Exception {
        SignedInUser viewer = fixtures.user("board@lakeview.example");
        String before = fingerprint();
        int posts = 0;
        for (Route route : routes()) {
            if (route.method() != RequestMethod.POST || route.path().startsWith("/account")) {
                continue;
            }
            int status = mvc.perform(request(route, viewer))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(route.toString()).isIn(302, 400, 403, 404, 422);
            posts++;
        }
        assertThat(posts).isGreaterThan(15);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aSchoolLeaderCannotChangeTheDistrictPlanOrAnotherSchoolsPlan() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        String before = fingerprint();
        for (Route route : routes()) {
            if (route.method() != RequestMethod.POST
                    || !(route.path().startsWith("/plans/")
                            || route.path().startsWith("/outcomes")
                            || route.path().startsWith("/strategies")
                            || route.path().startsWith("/projects")
                            || route.path().startsWith("/kpis/{id}")
                                    && !route.path().endsWith("measurements")
                            || route.path().startsWith("/admin")
                            || route.path().startsWith("/publishing"))) {
                continue;
            }
            int status = mvc.perform(request(route, principal))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(route.toString()).isIn(302, 400, 403, 404, 422);
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aDeactivatedPlannersOpenSessionReadsAndChangesNothing() throws Exception {
        SignedInUser planner = fixtures.demoUser("walk-deactivated@lakeview.example", "PLANNER", null);
        fixtures.jdbc()
                .sql("update app_user set active = false where id = ?")
                .param(planner.userId())
                .update();
        String before = fingerprint();
        int walked = 0;
        for (Route route : routes()) {
            var response = mvc.perform(request(route, planner)).andReturn().getResponse();
            if (route.path().startsWith("/api/")) {
                assertThat(response.getStatus()).as(route.toString()).isEqualTo(401);
            } else {
                assertThat(response.getRedirectedUrl()).as(route.toString()).isEqualTo("/login?expired");
            }
            walked++;
        }
        assertThat(walked).isGreaterThan(40);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void anAdminDemotedToViewerChangesNothingWithTheSessionOpenedAsAdmin() throws Exception {
        SignedInUser admin = fixtures.demoUser("walk-demoted@lakeview.example", "DISTRICT_ADMIN", null);
        fixtures.jdbc()
                .sql("update role_grant set role = 'VIEWER' where user_id = ?")
                .param(admin.userId())
                .update();
        String before = fingerprint();
        int posts = 0;
        for (Route route : routes()) {
            if (route.method() != RequestMethod.POST || route.path().startsWith("/account")) {
                continue;
            }
            int status =
                    mvc.perform(request(route, admin)).andReturn().getResponse().getStatus();
            assertThat(status).as(route.toString()).isIn(302, 400, 403, 404, 422);
            posts++;
        }
        assertThat(posts).isGreaterThan(15);
        assertThat(fingerprint()).isEqualTo(before);
    }

    record Route(RequestMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                // a calendar feed and a public survey are opened by their secret token, not a session
                // (CalendarFeedTest and SurveysTest walk them)
                if (NOT_TENANT_DATA.contains(path)
                        || path.startsWith("/api/v1/openapi")
                        || path.startsWith("/p/")
                        || path.startsWith("/calendar/")
                        || path.startsWith("/s/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method, path));
                }
            }
        }
        routes.sort(java.util.Comparator.comparing(Route::toString));
        return routes;
    }

    private MockHttpServletRequestBuilder request(Route route, SignedInUser as) {
        String path = fill(route.path());
        MockHttpServletRequestBuilder request = route.method() == RequestMethod.POST ? post(path) : get(path);
        request.with(user(as)).with(csrf());
        if (route.path().startsWith("/api/")) {
            request.contentType(MediaType.APPLICATION_JSON).content("[{\"schoolYear\":\"2025-26\",\"value\":1}]");
        }
        if (route.method() == RequestMethod.POST) {
            formFields(route.path()).forEach(request::param);
        }
        return request;
    }

    /** Replaces the path's variables with ids of the demo district's items of the right kind. */
    private String fill(String pattern) {
        Matcher matcher = Pattern.compile("\\{([a-zA-Z]+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, value(pattern, matcher.group(1)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String value(String pattern, String variable) {
        return switch (variable) {
            case "tier" -> "goal";
            case "slug" -> "lakeview";
            case "planId" -> ids.get("plan").toString();
            case "outcomeId" -> ids.get("outcome").toString();
            case "strategyId" -> ids.get("strategy").toString();
            case "districtGoal" -> ids.get("goal").toString();
            case "entityId" -> ids.get("kpi").toString();
            case "year" -> "2025";
            default -> idFor(pattern).toString();
        };
    }

    private UUID idFor(String pattern) {
        if (pattern.startsWith("/admin/schools")) return ids.get("school");
        if (pattern.startsWith("/admin/people")) return ids.get("person");
        if (pattern.startsWith("/plans/{planId}/nodes")) return ids.get("goal");
        if (pattern.startsWith("/projects") || pattern.startsWith("/api/v1/projects")) return ids.get("project");
        if (pattern.startsWith("/tasks") || pattern.startsWith("/api/v1/tasks")) return ids.get("task");
        if (pattern.startsWith("/funding/sources")) return ids.get("fund");
        if (pattern.startsWith("/actions")) return ids.get("strategy");
        if (pattern.startsWith("/plans") || pattern.startsWith("/api/v1/plans")) return ids.get("plan");
        if (pattern.startsWith("/strategic-plans")) return ids.get("plan");
        if (pattern.startsWith("/goals/{id}/alignments")) return ids.get("schoolGoal");
        if (pattern.contains("goals")) return ids.get("goal");
        if (pattern.contains("kpis")) return ids.get("kpi");
        if (pattern.contains("tokens")) return ids.get("token");
        if (pattern.contains("schools")) return ids.get("school");
        return ids.get("kpi");
    }

    /** Every form field any page posts, filled with the demo district's ids and valid values. */
    private Map<String, String> formFields(String pattern) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(
                "id", idFor(pattern.startsWith("/plans") ? "/plans" : pattern).toString());
        fields.put("schoolId", ids.get("school").toString());
        fields.put("parent", ids.get("goal").toString());
        fields.put("districtGoal", ids.get("goal").toString());
        fields.put("owner", ids.get("person").toString());
        fields.put("title", "Changed by a stranger");
        fields.put("name", "Changed by a stranger");
        fields.put("displayName", "Changed by a stranger");
        fields.put("email", "stranger@example.com");
        fields.put("password", "a-long-enough-password");
        fields.put("rationale", "because");
        fields.put("kind", "STRATEGIC");
        fields.put("status", "ADOPTED");
        fields.put("firstYear", "2025");
        fields.put("lastYear", "2029");
        fields.put("level", "ELEMENTARY");
        fields.put("lowestGrade", "K");
        fields.put("highestGrade", "5");
        fields.put("unit", "PERCENT");
        fields.put("direction", "HIGHER_IS_BETTER");
        fields.put("frequency", "ANNUAL");
        fields.put("baseline", "1");
        fields.put("target", "2");
        fields.put("baselineValue", "1");
        fields.put("baselineYear", "2024");
        fields.put("schoolYear", "2025-26");
        fields.put("period", "0");
        fields.put("groupCode", "ALL");
        fields.put("value", "1");
        fields.put("n", "100");
        fields.put("published", "true");
        fields.put("up", "true");
        fields.put("version", "0");
        fields.put("active", "true");
        fields.put("grants[0].role", "DISTRICT_ADMIN");
        fields.put("tierGoal", "X");
        fields.put("tierOutcome", "X");
        fields.put("tierKpi", "X");
        fields.put("tierStrategy", "X");
        fields.put("tierProject", "X");
        fields.put("schoolYearStartMonth", "7");
        fields.put("minimumN", "1");
        fields.put("statusTolerancePercent", "5");
        fields.put("defaultLanguage", "en");
        fields.put("keep", ids.get("strategy").toString());
        fields.put("keepVersion", "0");
        fields.put("merged", ids.get("otherStrategy").toString());
        fields.put("mergedVersion", "0");
        fields.put("code", "STRANGER_FUND");
        fields.put("nameEn", "Changed by a stranger");
        fields.put("retired", "true");
        fields.put("task", ids.get("task").toString());
        fields.put("dependsOn", ids.get("otherTask").toString());
        fields.put("to", "DONE");
        fields.put("body", "A stranger's comment");
        fields.put("percent", "100");
        fields.put("startDate", "2026-01-01");
        fields.put("dueDate", "2026-02-01");
        return fields;
    }

    /**
     * Every row of the demo district, in a stable order: any change to it changes this text. The tables are every table
     * with a {@code district_id} column, read from the database's catalogue, so that a new module's table cannot escape.
     */
    private String fingerprint() {
        UUID district = fixtures.demoDistrict();
        List<String> tables = tenantTables();
        assertThat(tables).contains("school", "app_user", "plan", "kpi", "measurement", "enrollment_count");
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            all.append(table)
                    .append(fixtures.jdbc()
                            .sql("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from (select *"
                                    + " from " + table + " where district_id = ?) t")
                            .param(district)
                            .query(String.class)
                            .single());
        }
        // nor was anything announced to other modules (the registry holds every event that has a module listener)
        all.append(fixtures.jdbc()
                .sql("select count(*) from event_publication")
                .query(String.class)
                .single());
        all.append(fixtures.jdbc()
                .sql("select md5(d::text) from district d where id = ?")
                .param(district)
                .query(String.class)
                .single());
        return all.toString();
    }

    private List<String> tenantTables() {
        return fixtures.jdbc().sql("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = 'public' and c.column_name = 'district_id' and t.table_type = 'BASE TABLE'
                        order by c.table_name""").query(String.class).list();
    }
}
