package org.lodestar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public page is rendered once and then served as rendered, until anything it shows changes: then at once. Changes
 * here go through the application and are committed (no test transaction), as a district's would be, and are undone
 * the same way.
 */
@LodestarTest
class PublicPageCacheTest {

    private static final String KPI = "Grade 3 reading proficiency";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeasuresApi measures;

    @Autowired
    PlanningApi planning;

    @Autowired
    DistrictChanges changes;

    @Autowired
    FilterRegistrationBean<KeptPublicPageFilter> kept;

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String english() throws Exception {
        return page(get("/p/lakeview").locale(Locale.ENGLISH));
    }

    @Test
    void aRecordedValueIsOnThePublicPageAtOnce() throws Exception {
        UUID district = fixtures.demoDistrict();
        UUID kpi = fixtures.any("select id from kpi where district_id = ? and name = '" + KPI + "'");
        var latest = fixtures.jdbc()
                .sql("""
                        select value, n from measurement where district_id = ? and kpi_id = ? and school_id is null
                           and group_code = 'ALL' and school_year = 2025 and period = 0""")
                .params(district, kpi)
                .query((rs, row) -> new Measurement(
                        kpi, 2025, 0, null, "ALL", rs.getBigDecimal("value"), (Integer) rs.getObject("n")))
                .single();
        var planner = fixtures.user("planner@lakeview.example");
        // the district's headline is the value in a span (a school's or group's is in a cell, and may be the same)
        assertThat(english()).contains(">61.9%</span>").doesNotContain(">63.4%</span>");
        assertThat(english()).as("served again, unchanged").contains(">61.9%</span>");
        try {
            measures.record(
                    planner, List.of(new Measurement(kpi, 2025, 0, null, "ALL", new BigDecimal("63.4"), latest.n())));

            assertThat(english()).contains(">63.4%</span>").doesNotContain(">61.9%</span>");
            assertThat(page(get("/p/lakeview").param("lang", "es"))).contains("63,4");
        } finally {
            measures.record(planner, List.of(latest));
        }
        assertThat(english()).contains(">61.9%</span>");
    }

    @Test
    void aRecordedSchoolValueIsOnTheSchoolsPageAndThePrintViewAtOnce() throws Exception {
        UUID district = fixtures.demoDistrict();
        UUID kpi = fixtures.any("select id from kpi where district_id = ? and name = '" + KPI + "'");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        var latest = fixtures.jdbc()
                .sql("""
                        select value, n from measurement where district_id = ? and kpi_id = ? and school_id = ?
                           and group_code = 'ALL' and school_year = 2025 and period = 0""")
                .params(district, kpi, cedar)
                .query((rs, row) -> new Measurement(
                        kpi, 2025, 0, cedar, "ALL", rs.getBigDecimal("value"), (Integer) rs.getObject("n")))
                .single();
        String school = "/p/lakeview/schools/" + cedar;
        String before = page(get(school).locale(Locale.ENGLISH));
        assertThat(page(get(school).locale(Locale.ENGLISH)))
                .as("served again, unchanged")
                .isEqualTo(before);
        assertThat(before).doesNotContain(">97.3%</span>");
        var planner = fixtures.user("planner@lakeview.example");
        try {
            measures.record(
                    planner, List.of(new Measurement(kpi, 2025, 0, cedar, "ALL", new BigDecimal("97.3"), latest.n())));

            // the school's headline on its page, its cell on the district's page and in the print view
            assertThat(page(get(school).locale(Locale.ENGLISH))).contains(">97.3%</span>");
            assertThat(page(get(school).param("lang", "es"))).contains("97,3");
            assertThat(english()).contains(">97.3%</td>");
            assertThat(page(get("/p/lakeview/print").locale(Locale.ENGLISH))).contains(">97.3%</td>");
        } finally {
            measures.record(planner, List.of(latest));
        }
        assertThat(page(get(school).locale(Locale.ENGLISH))).isEqualTo(before);
    }

    private int version(org.lodestar.directory.SignedInUser planner, UUID goal) {
        return planning.goal(planner.districtId(), goal).orElseThrow().version();
    }

    @Test
    void aGoalTakenOffThePublicPageLeavesItAtOnce() throws Exception {
        String goalTitle = "Safe, healthy and welcoming schools";
        UUID goal =
                fixtures.any("select id from goal where district_id = ? and title = '" + goalTitle + "' and published");
        var planner = fixtures.user("planner@lakeview.example");
        assertThat(english()).contains(goalTitle);
        try {
            planning.setPublished(planner, goal, false, version(planner, goal));

            assertThat(english()).doesNotContain(goalTitle).contains(KPI);
        } finally {
            planning.setPublished(planner, goal, true, version(planner, goal));
        }
        assertThat(english()).contains(goalTitle);
    }

    @Test
    void eachDistrictAndLanguageHasItsOwnPage() throws Exception {
        fixtures.otherDistrictUser("VIEWER"); // a second district, with nothing published
        String lakeview = english();
        String spanish = page(get("/p/lakeview").param("lang", "es"));
        String other = page(get("/p/other").locale(Locale.ENGLISH));
        String lakeviewAgain = english();

        assertThat(lakeview).contains("Lakeview").contains(KPI).contains("href=\"/p/lakeview?lang=es\"");
        assertThat(spanish)
                .contains("avance de nuestro plan estratégico")
                .contains("href=\"/p/lakeview?lang=en\"")
                .doesNotContain("progress on our strategic plan");
        assertThat(other) // its name may have been changed by another test: its address is its own
                .contains("href=\"/p/other?lang=es\"")
                .doesNotContain("Lakeview")
                .doesNotContain(KPI);
        assertThat(lakeviewAgain).isEqualTo(lakeview);
    }

    @Test
    void aCachedPageCarriesNoVisitorsTokenAndReadsNoData() throws Exception {
        english();
        var again = StatementCounter.count(this::english);

        assertThat(again.result()).contains(KPI).doesNotContain("csrf-token");
        // the district and its version are remembered: at most the version is read again, after a second
        assertThat(again.statements()).as("the version of the district's data").isLessThanOrEqualTo(1);
    }

    @Test
    void aBrowserThatHoldsThePageGetsNotModifiedUntilThePageChanges() throws Exception {
        UUID kpi = fixtures.any("select id from kpi where district_id = ? and name = '" + KPI + "'");
        var planner = fixtures.user("planner@lakeview.example");
        MockHttpServletResponse first = zipped(null);
        String tag = first.getHeader("ETag");
        MockHttpServletResponse plain = mvc.perform(get("/p/lakeview").locale(Locale.ENGLISH))
                .andReturn()
                .getResponse();

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(tag).startsWith("\"").endsWith("-gz\"");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(first.getHeaders("Vary")).anyMatch(vary -> vary.contains("Accept-Language"));
        assertThat(plain.getHeader("ETag"))
                .as("the plain page is another representation")
                .isNotEqualTo(tag);

        MockHttpServletResponse held = zipped(tag);
        assertThat(held.getStatus()).isEqualTo(304);
        assertThat(held.getContentAsByteArray()).isEmpty();
        assertThat(held.getHeader("ETag")).isEqualTo(tag);
        assertThat(zipped("W/" + tag + ", \"other\"").getStatus())
                .as("a weak tag in a list")
                .isEqualTo(304);
        assertThat(mvc.perform(get("/p/lakeview").param("lang", "es").header("If-None-Match", tag))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("the Spanish page is another page")
                .isEqualTo(200);

        var latest = fixtures.jdbc()
                .sql("""
                        select value, n from measurement where district_id = ? and kpi_id = ? and school_id is null
                           and group_code = 'ALL' and school_year = 2025 and period = 0""")
                .params(planner.districtId(), kpi)
                .query((rs, row) -> new Measurement(
                        kpi, 2025, 0, null, "ALL", rs.getBigDecimal("value"), (Integer) rs.getObject("n")))
                .single();
        try {
            measures.record(
                    planner, List.of(new Measurement(kpi, 2025, 0, null, "ALL", new BigDecimal("63.4"), latest.n())));
            MockHttpServletResponse changed = zipped(tag);

            assertThat(changed.getStatus()).as("changed on this node: at once").isEqualTo(200);
            assertThat(changed.getHeader("ETag")).isNotEqualTo(tag);
            assertThat(new String(PublicPages.gunzip(changed.getContentAsByteArray()), StandardCharsets.UTF_8))
                    .contains(">63.4%</span>");
        } finally {
            measures.record(planner, List.of(latest));
        }
    }

    private MockHttpServletResponse zipped(String ifNoneMatch) throws Exception {
        var request = get("/p/lakeview").locale(Locale.ENGLISH).header("Accept-Encoding", "gzip");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void thePageGoesOutCompressedToWhoAsksForItAndPlainToOthers() throws Exception {
        MockHttpServletResponse zipped = mvc.perform(
                        get("/p/lakeview").locale(Locale.ENGLISH).header("Accept-Encoding", "gzip, deflate"))
                .andReturn()
                .getResponse();
        MockHttpServletResponse plain = mvc.perform(
                        get("/p/lakeview").locale(Locale.ENGLISH).header("Accept-Encoding", "gzip;q=0, identity"))
                .andReturn()
                .getResponse();

        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getHeader("Vary")).contains("Accept-Encoding");
        assertThat(new String(PublicPages.gunzip(zipped.getContentAsByteArray()), StandardCharsets.UTF_8))
                .isEqualTo(plain.getContentAsString(StandardCharsets.UTF_8))
                .contains(KPI);
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(plain.getContentType()).startsWith("text/html");
    }

    @Test
    void aKeptPageIsAnsweredBeforeSpringMvcAsTheControllerAnswersItUntilTheDistrictChanges() throws Exception {
        changes.count(fixtures.demoDistrict());
        MockHttpServletResponse rendered = zipped(null);
        long answered = kept.getFilter().answered();

        MockHttpServletResponse again = zipped(null);
        MockHttpServletResponse held = zipped(again.getHeader("ETag"));

        assertThat(kept.getFilter().answered())
                .as("both answered by the filter")
                .isEqualTo(answered + 2);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsByteArray()).isEqualTo(rendered.getContentAsByteArray());
        assertThat(again.getHeaderNames()).containsExactlyInAnyOrderElementsOf(rendered.getHeaderNames());
        for (String header : rendered.getHeaderNames()) {
            assertThat(again.getHeaders(header)).as(header).isEqualTo(rendered.getHeaders(header));
        }
        assertThat(again.getHeader("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(held.getStatus()).isEqualTo(304);
        assertThat(held.getContentAsByteArray()).isEmpty();

        // another language asked by parameter, and a page after a change, are the controller's
        assertThat(page(get("/p/lakeview").param("lang", "es"))).contains("<html lang=\"es\"");
        changes.count(fixtures.demoDistrict());
        assertThat(zipped(null).getStatus()).isEqualTo(200);
        assertThat(kept.getFilter().answered()).isEqualTo(answered + 2);
    }
}
