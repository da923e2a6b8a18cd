package org.lodestar.measures.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Recording one value of a KPI. {@code replaces} is the version of the recorded value the person was shown and agreed
 * to replace; null until they were asked. {@code lockReason}: why a district admin writes into a locked quarter.
 */
record MeasurementForm(
        @NotBlank String schoolYear,
        // boxed, like every form number: a missing or mistyped one is an error at its field, not a lost form
        @NotNull @Min(0) @Max(12) Integer period,
        UUID schoolId,
        @NotBlank String groupCode,
        @NotNull BigDecimal value,
        @PositiveOrZero Integer n,
        Integer replaces,
        @jakarta.validation.constraints.Size(max = 500) String lockReason) {

    /** The form as typed, each field read leniently (a number that does not parse is left empty). */
    static MeasurementForm asTyped(Map<String, String[]> params) {
        return new MeasurementForm(
                KpiForm.text(params, "schoolYear"),
                KpiForm.whole(KpiForm.text(params, "period")),
                uuid(KpiForm.text(params, "schoolId")),
                KpiForm.text(params, "groupCode"),
                KpiForm.decimal(KpiForm.text(params, "value")),
                KpiForm.whole(KpiForm.text(params, "n")),
                KpiForm.whole(KpiForm.text(params, "replaces")),
                KpiForm.text(params, "lockReason"));
    }

    /** The same entry, now asking to replace the recorded value of this version. */
    MeasurementForm replacing(int version) {
        return new MeasurementForm(schoolYear, period, schoolId, groupCode, value, n, version, lockReason);
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
