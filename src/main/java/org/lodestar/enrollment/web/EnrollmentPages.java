package org.lodestar.enrollment.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.lodestar.enrollment.projection.Bands;
import org.lodestar.enrollment.projection.EnrollmentForecaster;
import org.lodestar.enrollment.projection.EnrollmentHistory;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.enrollment.projection.Staffing;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the enrollment overview and a school's page show, worked out from a ready forecast: the school lines with
 * next year's band and use of capacity, the charts, the grade rows, accuracy and assumptions. The controller only
 * decides whether a forecast is ready and which page to answer.
 */
@Component
class EnrollmentPages {

    private static final int HISTORY_SHOWN = 10;

    private final DirectoryApi directory;
    private final EnrollmentCharts charts;
    private final MessageSource messages;
    private final ForecastWarnings warnings;

    EnrollmentPages(
            DirectoryApi directory, EnrollmentCharts charts, MessageSource messages, ForecastWarnings warnings) {
        this.directory = directory;
        this.charts = charts;
        this.messages = messages;
        this.warnings = warnings;
    }

    /** One school's line in the overview: last count, next year's forecast with its band, five years out, use. */
    record SchoolLine(
            School school,
            Integer lastCount,
            double nextYearTotal,
            double nextLower80,
            double nextUpper80,
            double lastForecastTotal,
            Double utilization) {}

    /** The district's overview: every school's line, the stacked history with the district's bands, accuracy. */
    void overview(UUID districtId, EnrollmentForecasts.Forecasts forecasts, Model model) {
        EnrollmentHistory history = forecasts.history();
        EnrollmentForecaster.Result result = forecasts.forecast();
        Map<UUID, School> schools = directory.schoolsById(districtId);
        int last = history.completeYear();
        List<Integer> years = new ArrayList<>();
        for (int year = Math.max(history.firstYear(), last - HISTORY_SHOWN + 1);
                year <= last + EnrollmentForecasts.HORIZON;
                year++) {
            years.add(year);
        }
        Map<String, Map<Integer, Double>> forecastTotals = totals(result.cells());
        EnrollmentCharts.Chart chart = charts.chart(years);
        List<SchoolLine> lines = new ArrayList<>();
        for (String id : history.schools()) {
            School school = schools.get(UUID.fromString(id));
            List<Double> values = new ArrayList<>();
            for (int year : years) {
                Integer counted = history.total(id, year);
                Double predicted = forecastTotals.getOrDefault(id, Map.of()).get(year);
                values.add(counted != null ? Double.valueOf(counted) : predicted);
            }
            if (values.stream().anyMatch(v -> v != null)) {
                chart.stacked(school.name(), values, "schools");
            }
            Map<Integer, Double> ahead = forecastTotals.get(id);
            if (ahead != null) {
                // the school's total and its band come from the same forecast of the total, so the one is inside the
                // other as shown
                var band = result.schoolTotals().stream()
                        .filter(t -> t.school().equals(id) && t.year() == last + 1)
                        .findFirst()
                        .orElseThrow();
                double next = band.forecast();
                double band80Low = band.lower80();
                double band80High = band.upper80();
                lines.add(new SchoolLine(
                        school,
                        history.total(id, last),
                        next,
                        band80Low,
                        band80High,
                        ahead.get(last + EnrollmentForecasts.HORIZON),
                        Staffing.utilization(next, school.capacity())));
            }
        }
        List<Double> low80 = new ArrayList<>();
        List<Double> high80 = new ArrayList<>();
        List<Double> low95 = new ArrayList<>();
        List<Double> high95 = new ArrayList<>();
        for (int year : years) {
            var total = result.districtTotals().stream()
                    .filter(t -> t.year() == year)
                    .findFirst();
            low80.add(total.map(EnrollmentForecaster.Total::lower80).orElse(null));
            high80.add(total.map(EnrollmentForecaster.Total::upper80).orElse(null));
            low95.add(total.map(EnrollmentForecaster.Total::lower95).orElse(null));
            high95.add(total.map(EnrollmentForecaster.Total::upper95).orElse(null));
        }
        Locale locale = LocaleContextHolder.getLocale();
        chart.band(messages.getMessage("enrollment.band95", null, locale), low95, high95, 0.12);
        chart.band(messages.getMessage("enrollment.band80", null, locale), low80, high80, 0.25);
        lines.sort(Comparator.comparing(line -> line.school().name()));
        model.addAttribute("lines", lines);
        model.addAttribute("chart", chart.json());
        model.addAttribute("lastYear", last);
        model.addAttribute("totals", result.districtTotals());
        model.addAttribute(
                "districtLast",
                history.schools().stream()
                        .map(id -> history.total(id, last))
                        .filter(java.util.Objects::nonNull)
                        .mapToInt(Integer::intValue)
                        .sum());
        model.addAttribute("accuracy", result.backtest().rows());
        model.addAttribute("baseline", forecasts.baseline().rows());
        model.addAttribute("warnings", warnings.district(result.warnings(), schools));
        // the first years ahead whose school bands the history could not test, so the page can say so
        model.addAttribute(
                "priorFrom",
                result.schoolTotals().stream()
                        .filter(t -> t.bandSource() == Bands.Source.PRIOR)
                        .mapToInt(t -> t.year() - last)
                        .min()
                        .stream()
                        .boxed()
                        .findFirst()
                        .orElse(null));
    }

    /** A grade's row on a school's page: counts of recent years, then forecasts with their 80% band. */
    record GradeRow(Grade grade, List<Integer> counted, List<EnrollmentForecaster.Cell> forecast) {}

    /** One school's page: its grades counted and forecast, its total with the school-level bands. */
    void school(School school, EnrollmentForecasts.Forecasts forecasts, Model model) {
        UUID id = school.id();
        EnrollmentHistory history = forecasts.history();
        String key = id.toString();
        int last = history.completeYear();
        List<Integer> past = new ArrayList<>();
        for (int year = Math.max(history.firstYear(), last - 5); year <= last; year++) {
            past.add(year);
        }
        List<EnrollmentForecaster.Cell> cells = forecasts.forecast().cells().stream()
                .filter(c -> c.school().equals(key))
                .toList();
        List<Integer> future = cells.stream()
                .map(EnrollmentForecaster.Cell::year)
                .distinct()
                .sorted()
                .toList();
        Map<Grade, GradeRow> rows = new EnumMap<>(Grade.class);
        history.of(key)
                .values()
                .forEach(grades -> grades.keySet()
                        .forEach(grade -> rows.computeIfAbsent(
                                grade, g -> new GradeRow(g, new ArrayList<>(), new ArrayList<>()))));
        cells.forEach(c -> rows.computeIfAbsent(c.grade(), g -> new GradeRow(g, new ArrayList<>(), new ArrayList<>())));
        rows.values().forEach(row -> {
            past.forEach(year -> row.counted().add(history.count(key, year, row.grade())));
            future.forEach(year -> row.forecast()
                    .add(cells.stream()
                            .filter(c -> c.year() == year && c.grade() == row.grade())
                            .findFirst()
                            .orElse(null)));
        });
        List<Integer> years = new ArrayList<>(past);
        years.addAll(future);
        List<Double> counted = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        List<Double> low80 = new ArrayList<>();
        List<Double> high80 = new ArrayList<>();
        List<Double> low95 = new ArrayList<>();
        List<Double> high95 = new ArrayList<>();
        // the school's total ahead and its bands are the school-level forecast (bands calibrated on school totals),
        // not sums of grade bands, which would be far too wide and need not hold the total
        Map<Integer, EnrollmentForecaster.SchoolTotal> totalsAhead = new java.util.HashMap<>();
        forecasts.forecast().schoolTotals().stream()
                .filter(t -> t.school().equals(key))
                .forEach(t -> totalsAhead.put(t.year(), t));
        for (int year : years) {
            Integer total = history.total(key, year);
            counted.add(total == null ? null : Double.valueOf(total));
            EnrollmentForecaster.SchoolTotal ahead = totalsAhead.get(year);
            Double countedTotal = total == null ? null : Double.valueOf(total);
            predicted.add(ahead != null ? Double.valueOf(ahead.forecast()) : year == last ? countedTotal : null);
            low80.add(ahead == null ? null : ahead.lower80());
            high80.add(ahead == null ? null : ahead.upper80());
            low95.add(ahead == null ? null : ahead.lower95());
            high95.add(ahead == null ? null : ahead.upper95());
        }
        Locale locale = LocaleContextHolder.getLocale();
        String chart = charts.chart(years)
                .band(messages.getMessage("enrollment.band95", null, locale), low95, high95, 0.12)
                .band(messages.getMessage("enrollment.band80", null, locale), low80, high80, 0.25)
                .line(messages.getMessage("enrollment.counted", null, locale), counted, false)
                .line(messages.getMessage("enrollment.forecast", null, locale), predicted, true)
                .json();
        model.addAttribute("school", school);
        model.addAttribute("gridYears", List.of(last - 1, last, last + 1));
        model.addAttribute(
                "gridLabels",
                java.util.stream.Stream.of(last - 1, last, last + 1)
                        .map(year -> org.lodestar.shared.SchoolYear.of(year).toString())
                        .toList());
        model.addAttribute("gridGrades", rows.keySet());
        model.addAttribute("history", history);
        model.addAttribute("schoolKey", key);
        model.addAttribute("past", past);
        model.addAttribute("future", future);
        model.addAttribute("rows", rows.values());
        model.addAttribute("chart", chart);
        model.addAttribute("accuracy", forecasts.forecast().backtest().rows());
        model.addAttribute("baseline", forecasts.baseline().rows());
        model.addAttribute("warnings", warnings.school(forecasts.forecast().warnings(), id));
    }

    static Map<String, Map<Integer, Double>> totals(List<EnrollmentForecaster.Cell> cells) {
        Map<String, Map<Integer, Double>> totals = new LinkedHashMap<>();
        cells.forEach(c ->
                totals.computeIfAbsent(c.school(), s -> new TreeMap<>()).merge(c.year(), c.forecast(), Double::sum));
        return totals;
    }
}
