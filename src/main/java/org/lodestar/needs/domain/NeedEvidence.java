package org.lodestar.needs.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A gap that backs up a need, as it stood when the need was taken from the data.
 *
 * @param grade the grade whose value it is, "" for all grades
 * @param against what the value was compared with: ALL_STUDENTS, DISTRICT, STATE or ALL_GRADES (a grade against its
 *     school's all grades)
 * @param years the school years (fall year), oldest first, with the value, reference and n of each
 * @param verdict the trend's verdict: IMPROVING, WORSENING or NO_CLEAR_CHANGE
 */
public record NeedEvidence(
        UUID id,
        UUID needId,
        UUID metricId,
        UUID schoolId,
        String groupCode,
        String grade,
        String against,
        List<Integer> years,
        List<BigDecimal> values,
        List<BigDecimal> references,
        List<Integer> ns,
        BigDecimal shortfall,
        String verdict,
        BigDecimal score) {

    public BigDecimal lastValue() {
        return values.get(values.size() - 1);
    }

    public BigDecimal lastReference() {
        return references.get(references.size() - 1);
    }

    public Integer lastN() {
        return ns.get(ns.size() - 1);
    }

    public int lastYear() {
        return years.get(years.size() - 1);
    }
}
