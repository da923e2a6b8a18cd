package org.lodestar.enrollment.domain;

import java.math.BigDecimal;

/**
 * Class-size ratios (students per teacher) by band, and yearly teacher attrition in percent; {@code version} is the
 * saved version they were read at (0: never saved, the defaults).
 */
public record StaffingSettings(
        BigDecimal ratioK3, BigDecimal ratio45, BigDecimal ratioSecondary, BigDecimal attritionPercent, int version) {
    public static final StaffingSettings DEFAULT = new StaffingSettings(
            new BigDecimal("20"), new BigDecimal("24"), new BigDecimal("26"), new BigDecimal("10"), 0);
}
