package org.lodestar.needs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.NeedsApi;
import org.lodestar.needs.SharedCell;
import org.lodestar.needs.domain.CnaStore;
import org.lodestar.shared.NotFoundException;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;

/** NeedsApi's shared table and trend, from the database, bound to the district. */
@LodestarTest
class SharedTableTest {

    @Autowired
    NeedsApi needs;

    @Autowired
    CnaStore store;

    @Autowired
    DirectoryApi directory;

    @Autowired
    Fixtures fixtures;

    @Test
    void sharesTheTableWithSmallGroupsHiddenAndGivesTheTrend() {
        UUID district = fixtures.demoDistrict();
        int minimumN = directory.district(district).minimumN();
        UUID metric = store.addMetric(
                district,
                new CnaMetric(
                        null,
                        "SHARED_TEST_" + UUID.randomUUID(),
                        "Shared test",
                        "Prueba compartida",
                        CnaArea.ATTENDANCE_AND_BEHAVIOR,
                        CnaMetric.Unit.PERCENT,
                        false,
                        true,
                        null,
                        0));
        School cedar = directory.schools(district).stream()
                .filter(s -> s.name().equals("Cedar Elementary"))
                .findFirst()
                .orElseThrow();
        int big = minimumN * 10;
        store.upsertValues(
                district,
                List.of(
                        new CnaValue(metric, null, "ALL", 2024, "", new BigDecimal("12.5"), big * 10),
                        new CnaValue(metric, cedar.id(), "ALL", 2024, "", new BigDecimal("14.0"), big),
                        new CnaValue(metric, cedar.id(), "ECON", 2024, "", new BigDecimal("30.0"), minimumN - 1),
                        new CnaValue(
                                metric, cedar.id(), "NOT_ECON", 2024, "", new BigDecimal("12.0"), big - minimumN + 1),
                        new CnaValue(metric, null, "ALL", 2023, "", new BigDecimal("10.5"), big * 10),
                        new CnaValue(metric, null, "ALL", 2022, "", new BigDecimal("9.5"), big * 10)),
                CnaStore.Source.CSV,
                "test",
                Instant.now());

        List<SharedCell> table = needs.sharedTable(district, metric, 2024);

        assertThat(table).extracting(SharedCell::groupCode).containsExactly("ALL", "ALL", "ECON", "NOT_ECON");
        assertThat(table.get(0).schoolId()).isNull();
        assertThat(table.get(0).schoolName())
                .isEqualTo(directory.district(district).name());
        assertThat(table.get(0).value()).isEqualByComparingTo("12.5");
        assertThat(table.get(1).schoolName()).isEqualTo("Cedar Elementary");
        // under the minimum n, and its sibling that would give it away as "all minus the other"
        assertThat(table.get(2).hidden()).isTrue();
        assertThat(table.get(2).value()).isNull();
        assertThat(table.get(3).hidden()).isTrue();
        assertThat(table.get(3).n()).isNull();

        assertThat(needs.trend(district, metric, null, "ALL"))
                .extracting(CnaValue::schoolYear, CnaValue::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2022, new BigDecimal("9.5000")),
                        org.assertj.core.groups.Tuple.tuple(2023, new BigDecimal("10.5000")),
                        org.assertj.core.groups.Tuple.tuple(2024, new BigDecimal("12.5000")));
        assertThat(needs.trend(district, metric, cedar.id(), "ECON")).hasSize(1);

        UUID other = fixtures.otherDistrictUser("PLANNER").districtId();
        assertThatThrownBy(() -> needs.sharedTable(other, metric, 2024)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> needs.trend(other, metric, null, "ALL")).isInstanceOf(NotFoundException.class);
    }
}
