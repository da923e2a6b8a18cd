package org.lodestar.enrollment.domain;

import java.math.BigDecimal;
import java.util.UUID;
import org.lodestar.enrollment.projection.Scenario;

/** A saved scenario with the fields of its kind filled. */
public record ScenarioRow(
        UUID id,
        String name,
        Kind kind,
        int fromYear,
        UUID schoolId,
        UUID otherSchoolId,
        BigDecimal sharePercent,
        Integer units,
        BigDecimal elementary,
        BigDecimal middle,
        BigDecimal high) {

    public enum Kind {
        HOUSING,
        CHARTER,
        BOUNDARY
    }

    public Scenario toScenario() {
        String school = schoolId == null ? null : schoolId.toString();
        return switch (kind) {
            case HOUSING ->
                new Scenario.Housing(
                        school, fromYear, units, elementary.doubleValue(), middle.doubleValue(), high.doubleValue());
            case CHARTER -> new Scenario.Charter(school, fromYear, sharePercent.doubleValue() / 100);
            case BOUNDARY ->
                new Scenario.Boundary(school, otherSchoolId.toString(), fromYear, sharePercent.doubleValue() / 100);
        };
    }
}
