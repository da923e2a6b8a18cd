package org.lodestar.measures.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.status.Direction;

class ValueRuleTest {

    private static String refusal(Kpi.Unit unit, String value) {
        return ValueRule.value(unit, new BigDecimal(value))
                .map(ValueRule.Refusal::code)
                .orElse("ok");
    }

    @Test
    void aValueMustFitTheStoredColumnAndIsNeverRounded() {
        assertThat(refusal(Kpi.Unit.SCORE, "1e-30")).isEqualTo("measure.value.decimals");
        assertThat(refusal(Kpi.Unit.SCORE, "0.12345")).isEqualTo("measure.value.decimals");
        assertThat(refusal(Kpi.Unit.SCORE, "0.1234")).isEqualTo("ok");
        assertThat(refusal(Kpi.Unit.SCORE, "2.50000000")).isEqualTo("ok");
        assertThat(refusal(Kpi.Unit.COUNT, "9999999999.9999")).isEqualTo("ok");
        assertThat(refusal(Kpi.Unit.COUNT, "1e10")).isEqualTo("measure.value.range");
        assertThat(refusal(Kpi.Unit.CURRENCY, "-1e10")).isEqualTo("measure.value.range");
        assertThat(refusal(Kpi.Unit.CURRENCY, "-250")).isEqualTo("ok");
        assertThat(ValueRule.value(Kpi.Unit.SCORE, new BigDecimal("1e-30"))
                        .orElseThrow()
                        .args())
                .isEqualTo(List.of("1E-30", 4));
    }

    @Test
    void aPercentIsFromZeroToAHundred() {
        assertThat(refusal(Kpi.Unit.PERCENT, "-50")).isEqualTo("measure.value.percent");
        assertThat(refusal(Kpi.Unit.PERCENT, "250")).isEqualTo("measure.value.percent");
        assertThat(refusal(Kpi.Unit.PERCENT, "100.0001")).isEqualTo("measure.value.percent");
        assertThat(refusal(Kpi.Unit.PERCENT, "0")).isEqualTo("ok");
        assertThat(refusal(Kpi.Unit.PERCENT, "100")).isEqualTo("ok");
        assertThat(refusal(Kpi.Unit.RATE, "250")).isEqualTo("ok");
    }

    @Test
    void aNumberOfStudentsIsWholeAndNotNegative() {
        assertThat(ValueRule.n(new BigDecimal("2.7"))).isPresent();
        assertThat(ValueRule.n(new BigDecimal("-1"))).isPresent();
        assertThat(ValueRule.n(new BigDecimal("3e9"))).isPresent();
        assertThat(ValueRule.n(new BigDecimal("2.0"))).isEmpty();
        assertThat(ValueRule.n(new BigDecimal("0"))).isEmpty();
        assertThat(ValueRule.n(new BigDecimal("1200"))).isEmpty();
    }

    private static Kpi kpi(boolean aboutStudents) {
        return new Kpi(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "A KPI",
                null,
                Kpi.Unit.PERCENT,
                Direction.HIGHER_IS_BETTER,
                BigDecimal.TEN,
                2024,
                Kpi.Frequency.ANNUAL,
                null,
                null,
                true,
                aboutStudents,
                java.util.Set.of(),
                false,
                1,
                new TreeMap<>(),
                0);
    }

    private static String nRefusal(boolean aboutStudents, UUID school, String group, Integer n) {
        return ValueRule.n(kpi(aboutStudents), school, group, n)
                .map(ValueRule.Refusal::code)
                .orElse("ok");
    }

    @Test
    void aSchoolOrGroupValueAboutStudentsNeedsItsN() {
        UUID school = UUID.randomUUID();
        assertThat(nRefusal(true, null, "ASIAN", null)).isEqualTo("measure.n.required");
        assertThat(nRefusal(true, school, "ALL", null)).isEqualTo("measure.n.required");
        assertThat(nRefusal(true, school, "EL", null)).isEqualTo("measure.n.required");
        assertThat(nRefusal(true, null, "ASIAN", 0)).isEqualTo("ok");
        assertThat(nRefusal(true, school, "ALL", 420)).isEqualTo("ok");
        // the district total may come without n: it is then hidden from the public, and its breakdowns with it
        assertThat(nRefusal(true, null, "ALL", null)).isEqualTo("ok");
    }

    @Test
    void aValueNotAboutStudentsNeedsNoN() {
        assertThat(nRefusal(false, null, "ASIAN", null)).isEqualTo("ok");
        assertThat(nRefusal(false, UUID.randomUUID(), "ALL", null)).isEqualTo("ok");
    }
}
