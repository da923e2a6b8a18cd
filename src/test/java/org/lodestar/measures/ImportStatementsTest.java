package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.measures.domain.MeasurementImport;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.SchoolYear;
import org.lodestar.support.Fixtures;
import org.lodestar.support.ImportDistrict;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import of measurements, and a bulk write through the API, cost the same few statements however many rows they
 * carry: KPIs, plans and recorded values are read once, values written in chunks, audit entries in one batch. Each
 * value still gets its own audit entry, and the district's change counter goes up once per import.
 */
@LodestarTest
class ImportStatementsTest {

    private static final int ROWS = 120;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DirectoryApi directory;

    @Autowired
    PlanningApi planning;

    @Autowired
    MeasuresApi measures;

    @Autowired
    MeasurementImport imports;

    @Autowired
    ApiTokenStore tokens;

    private ImportDistrict district;

    @BeforeEach
    void aFreshDistrict() {
        district = ImportDistrict.create(directory, planning, measures, 3, 1);
        assertThat(district.measurementCells()).isGreaterThanOrEqualTo(2 * ROWS);
    }

    private int statementsToImport(int rows, int seed) throws Exception {
        var counted = StatementCounter.count(() -> imports.importFile(
                district.admin(), "values.csv", new ByteArrayResource(district.measurementFile(rows, seed))));
        assertThat(counted.result().problems()).isEmpty();
        assertThat(counted.result().recorded()).isEqualTo(rows);
        return counted.statements();
    }

    @Test
    void anImportOfTwiceTheRowsCostsNoMoreStatements() throws Exception {
        long changesBefore = changeCount();
        int small = statementsToImport(ROWS, 1);
        assertThat(changeCount()).as("the change counter, once per import").isEqualTo(changesBefore + 1);
        assertThat(audited()).isEqualTo(ROWS);

        // the first ROWS cells are replaced, as many are new
        int twice = statementsToImport(2 * ROWS, 2);

        assertThat(twice)
                .as("statements for %d rows against %d for %d", 2 * ROWS, small, ROWS)
                .isLessThanOrEqualTo(small);
        assertThat(small).as("a few statements, not one or more a row").isLessThan(30);
        assertThat(changeCount()).isEqualTo(changesBefore + 2);
        assertThat(audited()).as("one audit entry per written value").isEqualTo(3 * ROWS);
        assertThat(audited("UPDATED"))
                .as("each replaced value kept in the history")
                .isEqualTo(ROWS);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from measurement where district_id = ? and version = 1")
                        .param(district.id())
                        .query(Integer.class)
                        .single())
                .as("each replaced value's version went up")
                .isEqualTo(ROWS);
    }

    @Test
    void aBulkWriteThroughTheApiOfTwiceTheValuesCostsNoMoreStatements() throws Exception {
        String token = "Bearer " + tokens.create(district.id(), district.admin().userId(), "test");
        UUID kpi = district.kpis().get(0);
        int small = statementsToPost(token, kpi, 0, ROWS, false, "");
        int twice = statementsToPost(token, kpi, ROWS, 2 * ROWS, false, "");
        // all replaced at once, and the first of them again in the same call: the later value is kept
        int replacing = statementsToPost(token, kpi, 0, 2 * ROWS, true, "?replace=true");

        assertThat(twice)
                .as("statements for %d values against %d for %d", 2 * ROWS, small, ROWS)
                .isLessThanOrEqualTo(small);
        assertThat(replacing).isLessThanOrEqualTo(small);
        assertThat(small).isLessThan(30);
        assertThat(audited()).as("one audit entry per value sent").isEqualTo(4 * ROWS + 1);
        assertThat(audited("UPDATED")).isEqualTo(2 * ROWS + 1);
        assertThat(fixtures.jdbc()
                        .sql("select value from measurement where district_id = ? and school_id = ? and group_code = ?"
                                + " and school_year = ?")
                        .params(district.id(), district.school(0).id(), ImportDistrict.group(0), ImportDistrict.year(0))
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("99.5");
    }

    /**
     * Posts values for the cells of rows {@code from} to {@code to} of the district's files, and with {@code
     * repeatFirst} the first cell again (99.5).
     */
    private int statementsToPost(String token, UUID kpi, int from, int to, boolean repeatFirst, String query)
            throws Exception {
        StringJoiner body = new StringJoiner(",", "[", "]");
        for (int i = from; i < to; i++) {
            body.add(entry(i, new BigDecimal(i % 100)));
        }
        if (repeatFirst) {
            body.add(entry(from, new BigDecimal("99.5")));
        }
        var counted = StatementCounter.count(() -> mvc.perform(post("/api/v1/kpis/" + kpi + "/measurements" + query)
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.toString()))
                .andReturn()
                .getResponse());
        assertThat(counted.result().getStatus())
                .as(counted.result().getContentAsString())
                .isEqualTo(201);
        return counted.statements();
    }

    private String entry(int i, BigDecimal value) {
        return "{\"schoolYear\":\"%s\",\"schoolId\":\"%s\",\"group\":\"%s\",\"value\":%s,\"n\":%d}"
                .formatted(
                        SchoolYear.of(ImportDistrict.year(i)),
                        district.school(i).id(),
                        ImportDistrict.group(i),
                        value.toPlainString(),
                        30 + i);
    }

    private long changeCount() {
        return fixtures.jdbc()
                .sql("select coalesce(max(version), 0) from district_change where district_id = ?")
                .param(district.id())
                .query(Long.class)
                .single();
    }

    private int audited(String... actions) {
        return fixtures.jdbc()
                .sql("select count(*) from audit_event where district_id = ? and entity_type = 'Measurement'"
                        + (actions.length == 0 ? "" : " and action = '" + actions[0] + "'"))
                .param(district.id())
                .query(Integer.class)
                .single();
    }
}
