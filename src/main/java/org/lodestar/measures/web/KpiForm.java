package org.lodestar.measures.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.status.Direction;

/** Every field of a KPI, with its targets as rows of school year and value (blank rows are ignored). */
record KpiForm(
        @NotBlank @Size(max = 300) String name,
        @NotNull Kpi.Unit unit,
        @NotNull Direction direction,
        @NotNull @Digits(integer = 10, fraction = 4) BigDecimal baselineValue,
        @NotNull @Min(1990) @Max(2100) Integer baselineYear,
        @NotNull Kpi.Frequency frequency,
        @Size(max = 300) String dataSource,
        UUID ownerId,
        // boxed: a box that is not on the page (school leaders do not publish) is absent, which means unticked
        Boolean byStudentGroup,
        Boolean published,
        List<@Valid TargetRow> targets) {

    /** Values are stored with at most 10 digits before the point and 4 after it: more is refused, not rounded. */
    record TargetRow(
            Integer year,
            @Digits(integer = 10, fraction = 4) BigDecimal value) {}
}
