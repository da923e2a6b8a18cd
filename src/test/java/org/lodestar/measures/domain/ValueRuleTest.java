package org.lodestar.measures.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lodestar.measures.Kpi;

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
}
