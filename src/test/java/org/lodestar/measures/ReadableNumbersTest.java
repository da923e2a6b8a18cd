package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Numbers and groups as people read them: 60, not 6E+1; "Economically disadvantaged", not ECON. */
@LodestarTest
class ReadableNumbersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void numbersAreWrittenInTheReadersLanguage() {
        var percent = Kpi.Unit.PERCENT;
        assertThat(Values.format(percent, new BigDecimal("87.5"), java.util.Locale.ENGLISH, "USD"))
                .isEqualTo("87.5%");
        assertThat(Values.format(percent, new BigDecimal("87.5"), java.util.Locale.forLanguageTag("es"), "USD"))
                .isEqualTo("87,5\u00a0%");
        assertThat(Values.format(Kpi.Unit.COUNT, new BigDecimal("7478"), java.util.Locale.forLanguageTag("es"), "USD"))
                .isEqualTo("7.478");
        assertThat(Values.format(Kpi.Unit.COUNT, new BigDecimal("7478"), java.util.Locale.ENGLISH, "USD"))
                .isEqualTo("7,478");
    }

    @Test
    void moneyIsWrittenInTheDistrictsCurrencyAndTheReadersLanguage() {
        var money = Kpi.Unit.CURRENCY;
        assertThat(Values.format(money, new BigDecimal("1250000"), java.util.Locale.US, "USD"))
                .isEqualTo("$1,250,000");
        assertThat(Values.format(money, new BigDecimal("1250000.4"), java.util.Locale.CANADA, "CAD"))
                .isEqualTo("$1,250,000");
        assertThat(Values.format(money, new BigDecimal("412"), java.util.Locale.forLanguageTag("es"), "USD"))
                .contains("412")
                .contains("US$")
                .doesNotStartWith("$");
        assertThat(Values.format(money, new BigDecimal("1250000"), java.util.Locale.forLanguageTag("es"), "EUR"))
                .isEqualTo("1.250.000\u00a0€");
        assertThat(org.lodestar.shared.Money.isCurrency("MXN")).isTrue();
        assertThat(org.lodestar.shared.Money.isCurrency("XYZ")).isFalse();
        assertThat(org.lodestar.shared.Money.isCurrency("usd")).isFalse();
    }

    @Test
    void plainDropsPaddingZerosWithoutTurningToExponents() {
        assertThat(Values.plain(new BigDecimal("60.0000")).toString()).isEqualTo("60");
        assertThat(Values.plain(new BigDecimal("380.0000")).toString()).isEqualTo("380");
        assertThat(Values.plain(new BigDecimal("72.5000")).toString()).isEqualTo("72.5");
        assertThat(Values.plain(new BigDecimal("0.0000")).toString()).isEqualTo("0");
        assertThat(Values.plain(null)).isNull();
    }

    @Test
    void theKpiEditFormShowsPlainDecimals() throws Exception {
        // a KPI of its own, so that no other test's figures move
        UUID outcome = fixtures.any("select id from outcome where district_id = ?");
        UUID kpi = fixtures.newKpi(outcome, "Round numbers", 60);
        fixtures.jdbc()
                .sql("insert into kpi_target (district_id, kpi_id, school_year, value) values (?, ?, 2027, 80)")
                .params(fixtures.demoDistrict(), kpi)
                .update();
        String form = mvc.perform(get("/kpis/" + kpi + "/edit").with(user(fixtures.user("planner@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).doesNotContainPattern("value=\"[0-9.]+E\\+?[0-9]+\"");
        assertThat(form).contains("value=\"60\"").contains("value=\"80\"");
    }

    @Test
    void aYearBeforeTheBaselineHasNoExpectedValueAndNoStatus() throws Exception {
        UUID outcome = fixtures.any("select id from outcome where district_id = ?");
        UUID kpi = fixtures.newKpi(outcome, "Before the baseline", 50);
        fixtures.jdbc()
                .sql("""
                        insert into measurement (district_id, id, kpi_id, school_year, value, n, recorded_at, recorded_by)
                        values (?, ?, ?, 2022, 41, 300, now(), 'test')""")
                .params(fixtures.demoDistrict(), UUID.randomUUID(), kpi)
                .update();
        String page = mvc.perform(get("/kpis/" + kpi).with(user(fixtures.user("planner@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String history = page.substring(page.indexOf("data-test=\"history\""));
        String row2022 = history.substring(history.indexOf("2022-23"));
        row2022 = row2022.substring(0, row2022.indexOf("</tr>"));
        assertThat(row2022).contains("41").doesNotContain("class=\"status");
    }

    @Test
    void theKpiPageNamesStudentGroupsInTheReadersLanguage() throws Exception {
        UUID kpi = fixtures.any("""
                select k.id from kpi k where k.district_id = ? and exists (
                    select 1 from measurement m where m.kpi_id = k.id and m.group_code <> 'ALL')""");
        String page = mvc.perform(get("/kpis/" + kpi).with(user(fixtures.user("planner@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String groups = page.substring(page.indexOf("data-test=\"groups\""));
        groups = groups.substring(0, groups.indexOf("</table>"));
        assertThat(groups).doesNotContainPattern(">(ECON|NOT_ECON|EL|SWD|ASIAN|BLACK|HISPANIC|WHITE|MULTI)<");
        String spanish = mvc.perform(
                        get("/kpis/" + kpi + "?lang=es").with(user(fixtures.user("planner@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(spanish).containsAnyOf("Estudiantes", "Hispano", "Blanco", "desventaja");
    }
}
