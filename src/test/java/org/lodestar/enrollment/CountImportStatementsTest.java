package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.enrollment.domain.EnrollmentImports;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanningApi;
import org.lodestar.support.Fixtures;
import org.lodestar.support.ImportDistrict;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imports of counts and births, and counts written through the API, cost the same few statements however many rows
 * they carry: what is counted already is read once and the counts are written in one statement.
 */
@LodestarTest
class CountImportStatementsTest {

    private static final int ROWS = 60;

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
    EnrollmentImports imports;

    @Autowired
    ApiTokenStore tokens;

    private ImportDistrict district;

    @BeforeEach
    void aFreshDistrict() {
        district = ImportDistrict.create(directory, planning, measures, 3, 1);
        assertThat(district.countCells()).isGreaterThanOrEqualTo(5 * ROWS);
    }

    @Test
    void anImportOfTwiceTheRowsCostsNoMoreStatements() throws Exception {
        int small = statementsToImport(district.countFile(ROWS, 1));
        // the first ROWS cells are counted again, as many are new
        int twice = statementsToImport(district.countFile(2 * ROWS, 2));

        assertThat(twice)
                .as("statements for %d rows against %d for %d", 2 * ROWS, small, ROWS)
                .isLessThanOrEqualTo(small);
        assertThat(small).as("a few statements, not one or more a row").isLessThan(20);
        assertThat(counted()).isEqualTo(2 * ROWS);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from audit_event where district_id = ? and entity_type = 'Enrollment'")
                        .param(district.id())
                        .query(Integer.class)
                        .single())
                .as("an import is one entry, naming each changed school year")
                .isEqualTo(2);

        int births = statementsToImportBirths(ROWS);
        assertThat(statementsToImportBirths(2 * ROWS)).isLessThanOrEqualTo(births);
    }

    @Test
    void countsPostedThroughTheApiCostNoMoreStatementsForTwiceAsMany() throws Exception {
        String token = "Bearer " + tokens.create(district.id(), district.admin().userId(), "test");
        // new cells, each checked against what is counted (nothing yet)
        int small = statementsToPost(token, 0, ROWS, "");
        int twice = statementsToPost(token, ROWS, 3 * ROWS, "");
        // replacing on purpose, each of these cells counted already
        int replacing = statementsToPost(token, 0, 3 * ROWS, "?replace=true");

        assertThat(twice)
                .as("statements for %d counts against %d for %d", 2 * ROWS, small, ROWS)
                .isLessThanOrEqualTo(small);
        assertThat(replacing).isLessThanOrEqualTo(small);
        assertThat(small).isLessThan(20);
        assertThat(counted()).isEqualTo(3 * ROWS);
    }

    private int statementsToImport(byte[] file) throws Exception {
        var counted = StatementCounter.count(
                () -> imports.importFile(district.admin(), "counts.csv", new ByteArrayResource(file), false));
        assertThat(counted.result().problems()).isEmpty();
        return counted.statements();
    }

    private int statementsToImportBirths(int years) throws Exception {
        StringBuilder csv = new StringBuilder("year,births\n");
        for (int year = 1950; year < 1950 + years; year++) {
            csv.append(year).append(',').append(900 + year % 50).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        var counted = StatementCounter.count(
                () -> imports.importBirths(district.admin(), "births.csv", new ByteArrayResource(file)));
        assertThat(counted.result().problems()).isEmpty();
        assertThat(counted.result().recorded()).isEqualTo(years);
        return counted.statements();
    }

    /** Posts counts for the cells of rows {@code from} to {@code to} of the district's count files. */
    private int statementsToPost(String token, int from, int to, String query) throws Exception {
        StringJoiner body = new StringJoiner(",", "[", "]");
        for (int i = from; i < to; i++) {
            body.add("{\"schoolId\":\"%s\",\"year\":%d,\"grade\":\"%s\",\"count\":%d}"
                    .formatted(
                            district.countSchool(i).id(),
                            ImportDistrict.countYear(i),
                            ImportDistrict.countGrade(i),
                            40 + i % 30));
        }
        var counted = StatementCounter.count(() -> mvc.perform(post("/api/v1/enrollment/history" + query)
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

    private int counted() {
        return fixtures.jdbc()
                .sql("select count(*) from enrollment_count where district_id = ?")
                .param(district.id())
                .query(Integer.class)
                .single();
    }
}
