package org.lodestar.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lodestar.measures.KpiOverview;

/**
 * The briefing book's charts, drawn on the server as PNG images (a PDF runs no script, so the pages' ECharts cannot
 * draw there): a KPI's values against its target path by school year, and the KPIs of each goal by status. Each is
 * returned as a data URI the book's template puts in an image. No Spring: plain JFreeChart, headless.
 */
final class BriefingCharts {

    private static final Map<String, Color> STATUS_COLOURS = Map.of(
            "ON_TRACK", new Color(0x2e7d32),
            "AT_RISK", new Color(0xb26a00),
            "OFF_TRACK", new Color(0xc62828),
            "NO_DATA", new Color(0x9e9e9e));

    private BriefingCharts() {}

    /** The KPI's values (solid, with points) and the values its target path expects (dashed), by school year. */
    static String trend(List<KpiOverview.Point> years, String actualLabel, String targetLabel) {
        XYSeries actual = new XYSeries(actualLabel);
        XYSeries expected = new XYSeries(targetLabel);
        for (KpiOverview.Point point : years) {
            if (point.value() != null) {
                actual.add(point.year(), point.value());
            }
            if (point.expected() != null) {
                expected.add(point.year(), point.expected());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(actual);
        data.addSeries(expected);
        JFreeChart chart =
                ChartFactory.createXYLineChart(null, null, null, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlinesVisible(false);
        NumberAxis yearAxis = (NumberAxis) plot.getDomainAxis();
        yearAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        yearAxis.setNumberFormatOverride(new java.text.DecimalFormat("0")); // 2025, not 2,025
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, new Color(0x1565c0));
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesPaint(1, new Color(0x555555));
        lines.setSeriesStroke(
                1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        lines.setSeriesShapesVisible(1, false);
        plot.setRenderer(lines);
        return png(chart, 560, 240);
    }

    /** Per goal, its KPIs by status, one stacked bar each; {@code statusLabels} name the statuses in the reader's words. */
    static String statusBars(List<String> goals, List<Map<String, Integer>> counts, Map<String, String> statusLabels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String status : StatusCounts.STATUSES) {
            for (int g = 0; g < goals.size(); g++) {
                data.addValue(
                        counts.get(g).getOrDefault(status, 0),
                        statusLabels.get(status),
                        (g + 1) + ". " + shortened(goals.get(g)));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(
                null, null, null, data, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        StackedBarRenderer bars = (StackedBarRenderer) plot.getRenderer();
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        for (int s = 0; s < StatusCounts.STATUSES.size(); s++) {
            bars.setSeriesPaint(s, STATUS_COLOURS.get(StatusCounts.STATUSES.get(s)));
        }
        return png(chart, 640, 60 + 40 * Math.max(1, goals.size()));
    }

    /** A goal's title short enough for an axis label. */
    private static String shortened(String title) {
        return title.length() <= 48 ? title : title.substring(0, 47) + "…";
    }

    private static String png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
