package org.lodestar.enrollment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.lodestar.enrollment.domain.StaffingSettings;
import org.lodestar.enrollment.projection.EnrollmentForecaster;
import org.lodestar.enrollment.projection.EnrollmentHistory;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.enrollment.projection.Staffing;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The staffing page, worked out from a ready forecast and the district's ratios: each school's teachers, hires and
 * use of its building year by year from the last count, and the district's totals with their chart.
 */
@Component
class StaffingPage {

    private final DirectoryApi directory;
    private final EnrollmentCharts charts;
    private final MessageSource messages;

    StaffingPage(DirectoryApi directory, EnrollmentCharts charts, MessageSource messages) {
        this.directory = directory;
        this.charts = charts;
        this.messages = messages;
    }

    /** A school's staffing and use of its building, year by year from the last count. */
    record SchoolPlan(School school, List<Staffing.Year> years, List<Double> utilization) {}

    void fill(UUID districtId, StaffingSettings settings, EnrollmentForecasts.Forecasts forecasts, Model model) {
        Staffing staffing = new Staffing(
                settings.ratioK3().doubleValue(),
                settings.ratio45().doubleValue(),
                settings.ratioSecondary().doubleValue(),
                settings.attritionPercent().doubleValue());
        EnrollmentHistory history = forecasts.history();
        int last = history.completeYear();
        Map<UUID, School> schools = directory.schoolsById(districtId);
        Map<String, Map<Integer, Map<Grade, Double>>> students = new TreeMap<>();
        for (String id : history.schools()) {
            if (history.of(id).containsKey(last)) {
                Map<Grade, Double> counted = new java.util.EnumMap<>(Grade.class);
                history.of(id).get(last).forEach((grade, n) -> counted.put(grade, n.doubleValue()));
                students.computeIfAbsent(id, s -> new TreeMap<>()).put(last, counted);
            }
        }
        for (EnrollmentForecaster.Cell cell : forecasts.forecast().cells()) {
            students.computeIfAbsent(cell.school(), s -> new TreeMap<>())
                    .computeIfAbsent(cell.year(), y -> new java.util.EnumMap<>(Grade.class))
                    .put(cell.grade(), cell.forecast());
        }
        List<SchoolPlan> plans = new ArrayList<>();
        Map<Integer, int[]> district = new TreeMap<>();
        students.forEach((id, byYear) -> {
            School school = schools.get(UUID.fromString(id));
            List<Staffing.Year> years = staffing.plan(byYear);
            List<Double> use = years.stream()
                    .map(y -> Staffing.utilization(
                            y.studentsK3() + y.students45() + y.studentsSecondary(), school.capacity()))
                    .toList();
            years.forEach(y -> {
                int[] sums = district.computeIfAbsent(y.year(), k -> new int[2]);
                sums[0] += y.teachers();
                sums[1] += y.hires();
            });
            plans.add(new SchoolPlan(school, years, use));
        });
        plans.sort(java.util.Comparator.comparing(p -> p.school().name()));
        List<Integer> years = new ArrayList<>(district.keySet());
        model.addAttribute("plans", plans);
        model.addAttribute("years", years);
        model.addAttribute("districtTotals", district);
        model.addAttribute(
                "chart",
                charts.chart(years)
                        .line(
                                text("enrollment.teachers"),
                                years.stream()
                                        .map(y -> (double) district.get(y)[0])
                                        .toList(),
                                false)
                        .line(
                                text("enrollment.hires"),
                                years.stream()
                                        .map(y -> (double) district.get(y)[1])
                                        .toList(),
                                true)
                        .json());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
