package org.lodestar.enrollment.domain;

import java.math.BigDecimal;

/** Class-size ratios (students per teacher) by band, and yearly teacher attrition in percent. */
public record StaffingSettings(
        BigDecimal ratioK3, BigDecimal ratio45, BigDecimal ratioSecondary, BigDecimal attritionPercent) {
    public static final StaffingSettings DEFAULT = new StaffingSettings(
            new BigDecimal("20"), new BigDecimal("24"), new BigDecimal("26"), new BigDecimal("10"));
}
