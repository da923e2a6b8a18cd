package org.lodestar.measures.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Values;
import org.lodestar.shared.SchoolYear;
import org.springframework.stereotype.Component;

/**
 * Values and school years as the KPI pages write them, for templates as {@code @kpiText}. A template's
 * {@code T(org.lodestar.measures.Values)} looks the class up through the web application's class loader every time,
 * under a lock per class name that all requests share: on a scorecard of 60 KPIs or a KPI page of 200 schools, most
 * concurrent requests waited there (seen in thread dumps of the load benchmark). A bean is found without it.
 */
@Component("kpiText")
class KpiText {

    public String value(Kpi.Unit unit, BigDecimal value, Locale locale, String currencyCode) {
        return Values.format(unit, value, locale, currencyCode);
    }

    public String year(int startYear) {
        return SchoolYear.of(startYear).toString();
    }
}
