package org.lodestar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Numbers typed into forms are read in the page's language: in Spanish 72,5 is 72.5, and 72.5 is refused. */
@LodestarTest
class LocalizedNumbersInFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    /** A KPI of Cedar Elementary's own plan, made for the test so demo figures do not move. */
    private UUID cedarKpi() {
        return fixtures.newKpi(fixtures.cedarOutcome(), "Cedar numbers", 50);
    }

    private SignedInUser principal() {
        return fixtures.user("principal@lakeview.example");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String language) throws Exception {
        return mvc.perform(request.cookie(new Cookie("lodestar-lang", language))
                        .with(user(principal()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletRequestBuilder kpiForm(UUID kpi, String baseline, String target) {
        return post("/kpis/" + kpi)
                .param("version", fixtures.version("kpi", kpi))
                .param("name", "Cedar numbers")
                .param("unit", "PERCENT")
                .param("direction", "HIGHER_IS_BETTER")
                .param("baselineValue", baseline)
                .param("baselineYear", "2024")
                .param("frequency", "ANNUAL")
                .param("targets[0].year", "2027")
                .param("targets[0].value", target);
    }

    private BigDecimal baseline(UUID kpi) {
        return fixtures.jdbc()
                .sql("select baseline_value from kpi where id = ?")
                .param(kpi)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal target(UUID kpi) {
        return fixtures.jdbc()
                .sql("select value from kpi_target where kpi_id = ? and school_year = 2027")
                .param(kpi)
                .query(BigDecimal.class)
                .single();
    }

    @Test
    void aSpanishUserTypesCommaDecimalsAndPointThousands() throws Exception {
        UUID kpi = cedarKpi();
        assertThat(send(kpiForm(kpi, "72,5", "80,25"), "es").getStatus()).isEqualTo(302);
        assertThat(baseline(kpi)).isEqualByComparingTo("72.5");
        assertThat(target(kpi)).isEqualByComparingTo("80.25");

        assertThat(send(kpiForm(kpi, "1.234,5", "1.300"), "es").getStatus()).isEqualTo(302);
        assertThat(baseline(kpi)).isEqualByComparingTo("1234.5");
        assertThat(target(kpi)).isEqualByComparingTo("1300");
    }

    @Test
    void aSpanishPointDecimalIsRefusedAtItsFieldAndNothingChanges() throws Exception {
        UUID kpi = cedarKpi();
        var response = send(kpiForm(kpi, "72.5", "80"), "es");
        assertThat(response.getStatus())
                .as(response.getRedirectedUrl() + " " + baseline(kpi))
                .isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("id=\"baselineValue-error\"")
                .contains("la coma marca los decimales")
                .contains("value=\"72.5\"");
        assertThat(baseline(kpi)).isEqualByComparingTo("50");
    }

    @Test
    void anEnglishUserStillTypesPointDecimalsAndACommaDecimalIsRefused() throws Exception {
        UUID kpi = cedarKpi();
        assertThat(send(kpiForm(kpi, "72.5", "1,300"), "en").getStatus()).isEqualTo(302);
        assertThat(baseline(kpi)).isEqualByComparingTo("72.5");
        assertThat(target(kpi)).isEqualByComparingTo("1300");

        var response = send(kpiForm(kpi, "72,5", "80"), "en");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("id=\"baselineValue-error\"")
                .contains("a point marks the decimals");
        assertThat(baseline(kpi)).isEqualByComparingTo("72.5");
    }

    @Test
    void theEditFormShowsNumbersInSpanishAndSavingThemUnchangedKeepsThem() throws Exception {
        UUID kpi = cedarKpi();
        send(kpiForm(kpi, "72.5", "80.25"), "en");
        String page = send(get("/kpis/" + kpi + "/edit"), "es").getContentAsString();
        assertThat(page).contains("value=\"72,5\"").contains("value=\"80,25\"");

        assertThat(send(kpiForm(kpi, "72,5", "80,25"), "es").getStatus()).isEqualTo(302);
        assertThat(baseline(kpi)).isEqualByComparingTo("72.5");
        assertThat(target(kpi)).isEqualByComparingTo("80.25");
        assertThat(send(get("/kpis/" + kpi + "/edit"), "en").getContentAsString())
                .contains("value=\"72.5\"");
    }

    @Test
    void theInPlaceKpiFormReadsSpanishNumbers() throws Exception {
        UUID outcome = fixtures.cedarOutcome();
        var added = send(
                post("/outcomes/" + outcome + "/kpis")
                        .param("name", "Cedar in place")
                        .param("unit", "PERCENT")
                        .param("direction", "HIGHER_IS_BETTER")
                        .param("baseline", "1.234,5")
                        .param("target", "72,5"),
                "es");
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(fixtures.jdbc()
                        .sql("select baseline_value from kpi where outcome_id = ? and name = 'Cedar in place'")
                        .param(outcome)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("1234.5");

        var refused = send(
                post("/outcomes/" + outcome + "/kpis")
                        .param("name", "Cedar refused")
                        .param("unit", "PERCENT")
                        .param("direction", "HIGHER_IS_BETTER")
                        .param("baseline", "72.5")
                        .param("target", "80"),
                "es");
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("la coma marca los decimales");
        assertThat(fixtures.count("kpi where name = 'Cedar refused'")).isZero();
        fixtures.jdbc()
                .sql("delete from kpi where outcome_id = ? and name = 'Cedar in place'")
                .param(outcome)
                .update();
    }
}
