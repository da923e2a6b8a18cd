package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Role;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.lodestar.enrollment.domain.EnrollmentImports;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A forecast is kept per version of the district's history, and the version lives in the database: a change made
 * here, or by another application node through the same database, is never answered with a forecast of before.
 */
@LodestarTest
class ForecastVersionTest {

    @Autowired
    EnrollmentForecasts forecasting;

    @Autowired
    EnrollmentImports imports;

    @Autowired
    Fixtures fixtures;

    @Test
    void aChangeHereOrOnAnotherNodeIsForecastFromAtOnce() {
        // a district of its own, so that no other test sees these counts
        UUID district = UUID.randomUUID();
        fixtures.jdbc()
                .sql("insert into district (id, name, slug) values (?, 'Versioned', ?)")
                .params(district, "versioned-" + district.toString().substring(0, 8))
                .update();
        SignedInUser planner = new SignedInUser(
                district,
                UUID.randomUUID(),
                "planner@versioned.example",
                "Planner",
                "",
                true,
                0,
                List.of(new Grant(Role.PLANNER, null)));
        UUID school = UUID.randomUUID();
        fixtures.jdbc().sql("""
                        insert into school (district_id, id, name, level, lowest_grade, highest_grade)
                        values (?, ?, 'Version Elementary', 'ELEMENTARY', 'K', '2')""").params(district, school).update();
        imports.record(
                planner,
                List.of(
                        new EnrollmentImports.Count(school, 2021, Grade.K, 50),
                        new EnrollmentImports.Count(school, 2021, Grade.G1, 48),
                        new EnrollmentImports.Count(school, 2022, Grade.K, 52),
                        new EnrollmentImports.Count(school, 2022, Grade.G1, 49)));
        assertThat(forecasting.forecasts(district).orElseThrow().history().lastYear())
                .isEqualTo(2022);
        var kept = forecasting.forecasts(district).orElseThrow();
        assertThat(forecasting.forecasts(district).orElseThrow()).isSameAs(kept);

        // a change through this node
        imports.record(
                planner,
                List.of(
                        new EnrollmentImports.Count(school, 2023, Grade.K, 55),
                        new EnrollmentImports.Count(school, 2023, Grade.G1, 51)));
        assertThat(forecasting.forecasts(district).orElseThrow().history().lastYear())
                .isEqualTo(2023);

        // another node writes the same database: its counts and its raised version, in one transaction
        fixtures.jdbc().sql("""
                        insert into enrollment_count (district_id, school_id, school_year, grade, students)
                        values (?, ?, 2024, 'K', 57), (?, ?, 2024, '1', 54)""").params(district, school, district, school).update();
        fixtures.jdbc()
                .sql("update enrollment_history_version set version = version + 1 where district_id = ?")
                .param(district)
                .update();
        assertThat(forecasting.forecasts(district).orElseThrow().history().lastYear())
                .isEqualTo(2024);
    }
}
