package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A value's school year must be one its KPI can be measured in: from ten years before the plan to the plan's last year,
 * never a year still to come. The form, the import and the API refuse the same years with the same reason.
 */
@LodestarTest
class RecordableYearsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    private UUID districtKpi() {
        UUID outcome = fixtures.any("select o.id from outcome o join goal g on g.id = o.goal_id"
                + " join plan p on p.id = g.plan_id where o.district_id = ? and p.school_id is null"
                + " and p.kind = 'STRATEGIC'");
        return fixtures.newKpi(outcome, "Years " + UUID.randomUUID(), 50, false);
    }

    private int values(UUID kpi) {
        return fixtures.jdbc()
                .sql("select count(*) from measurement where kpi_id = ?")
                .param(kpi)
                .query(Integer.class)
                .single();
    }

    private String form(UUID kpi, String year, SignedInUser planner) throws Exception {
        return mvc.perform(post("/kpis/" + kpi + "/measurements")
                        .param("lang", "en")
                        .param("schoolYear", year)
                        .param("period", "0")
                        .param("groupCode", "ALL")
                        .param("value", "50")
                        .with(user(planner))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFormRefusesAYearToComeAndOneLongBeforeThePlan() throws Exception {
        UUID kpi = districtKpi();
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        int future = java.time.LocalDate.now().getYear() + 2;
        assertThat(form(kpi, future + "-" + String.valueOf(future + 1).substring(2), planner))
                .contains("is outside the years this KPI can be measured in");
        assertThat(form(kpi, "1999-00", planner)).contains("is outside the years this KPI can be measured in");
        assertThat(values(kpi)).isZero();
        form(kpi, "2019-20", planner);
        assertThat(values(kpi)).isEqualTo(1);
    }

    @Test
    void theImportAndTheApiRefuseTheSameYears() throws Exception {
        UUID kpi = districtKpi();
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        String csv = "kpi,school_year,period,school,group,value,n\n" + kpi + ",2019-20,0,,,40,\n" + kpi
                + ",1990-91,0,,,41,\n";
        String page = mvc.perform(multipart("/measurements/import")
                        .file(new MockMultipartFile("file", "years.csv", "text/csv", csv.getBytes()))
                        .param("lang", "en")
                        .with(user(planner))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-test=\"import-errors\"").contains("School year 1990-91 is outside");
        assertThat(values(kpi)).isZero();

        var refused = mvc.perform(post("/api/v1/kpis/" + kpi + "/measurements")
                        .header(
                                "Authorization",
                                "Bearer " + tokens.create(planner.districtId(), planner.userId(), "years"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"schoolYear\":\"2040-41\",\"value\":40}]"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("\"field\":\"schoolYear\"", "2040-41 is outside");
        assertThat(values(kpi)).isZero();
    }
}
