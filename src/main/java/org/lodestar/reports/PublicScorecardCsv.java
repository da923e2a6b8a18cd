package org.lodestar.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lodestar.directory.District;
import org.lodestar.measures.KpiOverview;
import org.lodestar.shared.BoundedCache;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The public scorecard as a CSV file, for those who work with the numbers: the very values the page shows, from the
 * same view, so a value the page hides (too few students, or one that would let a hidden value be worked out) is blank
 * here too, with the reason. One row per value: every school year of the district's total, then the latest year's
 * student groups and schools. Kept per district, version of its data and language, as the page is: a visitor's
 * download costs nothing after the first.
 */
@Component
class PublicScorecardCsv {

    private final PublicScorecard scorecard;
    private final DistrictChanges changes;
    private final MessageSource messages;
    private final BoundedCache<Key, byte[]> kept = new BoundedCache<>(PublicPages.MAX_PAGES / 4);

    PublicScorecardCsv(PublicScorecard scorecard, DistrictChanges changes, MessageSource messages) {
        this.scorecard = scorecard;
        this.changes = changes;
        this.messages = messages;
    }

    private record Key(UUID districtId, long version, String language) {}

    /** The file for the district in the visitor's language, computed after the version it is kept under. */
    byte[] csv(District district, Locale locale) {
        OptionalLong version = changes.version(district.id());
        if (version.isEmpty()) {
            return write(scorecard.view(district, locale), locale);
        }
        return kept.get(
                new Key(district.id(), version.getAsLong(), locale.toLanguageTag()),
                () -> write(scorecard.view(district, locale), locale));
    }

    private byte[] write(PublicScorecard.View view, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv =
                new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            // a byte-order mark, so that spreadsheet programs read accents right
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            csv.printRecord(List.of(
                    say("public.csv.goal", locale),
                    say("public.csv.kpi", locale),
                    say("public.csv.unit", locale),
                    say("public.csv.year", locale),
                    say("public.csv.place", locale),
                    say("public.csv.group", locale),
                    say("public.csv.value", locale),
                    say("public.csv.status", locale),
                    say("public.csv.note", locale)));
            String district = view.district().name();
            String allStudents = say("public.csv.allStudents", locale);
            String hidden = messages.getMessage(
                    "public.csv.hidden", new Object[] {view.district().minimumN()}, locale);
            for (PublicScorecard.PublicGoal goal : view.goals()) {
                for (PublicScorecard.PublicKpi kpi : goal.kpis()) {
                    List<String> about = List.of(
                            goal.title().toString(),
                            kpi.name().toString(),
                            say("unit." + kpi.kpi().unit().name(), locale));
                    for (KpiOverview.Point point : kpi.overview().series()) {
                        if (point.value() != null) {
                            csv.printRecord(row(
                                    about,
                                    point.year(),
                                    district,
                                    allStudents,
                                    plain(point.value()),
                                    say("status." + point.statusName(), locale),
                                    ""));
                        }
                    }
                    Integer year = kpi.breakdownYear();
                    if (year == null) {
                        continue;
                    }
                    if (kpi.headlineHidden()) {
                        csv.printRecord(row(about, year, district, allStudents, "", "", hidden));
                    }
                    for (PublicScorecard.Cell group : kpi.groups()) {
                        csv.printRecord(
                                row(about, year, district, group.label(), value(group), "", note(group, hidden)));
                    }
                    for (PublicScorecard.Cell school : kpi.schools()) {
                        csv.printRecord(
                                row(about, year, school.label(), allStudents, value(school), "", note(school, hidden)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> row(
            List<String> about, int year, String place, String group, String value, String status, String note) {
        List<String> row = new ArrayList<>(about);
        row.addAll(List.of(new SchoolYear(year).toString(), place, group, value, status, note));
        return row;
    }

    private static String value(PublicScorecard.Cell cell) {
        return cell.hidden() ? "" : plain(cell.value());
    }

    private static String note(PublicScorecard.Cell cell, String hidden) {
        return cell.hidden() ? hidden : "";
    }

    /** The number as a spreadsheet reads it whatever its language: digits and a point, no grouping. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private String say(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
