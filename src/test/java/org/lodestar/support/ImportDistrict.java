package org.lodestar.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Ids;
import org.lodestar.shared.SchoolYear;

/**
 * A fresh district to import into, entered through the modules' APIs as its administrator would: eleven student
 * groups, schools that teach PK-12, a 2025-2029 plan with percent KPIs about students (a draft, so that no test that
 * counts adopted plans' KPIs finds it). Makes the files to import: the
 * i-th row of a file is always the same cell, so a longer file holds a shorter one's cells and more.
 */
public record ImportDistrict(SignedInUser admin, List<School> schools, List<UUID> kpis) {

    public static final String[] GROUPS = {
        "ALL", "ECON", "NOT_ECON", "EL", "SWD", "ASIAN", "BLACK", "HISPANIC", "NATIVE", "MULTI", "WHITE"
    };
    private static final String[] GRADES = {"PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"};
    private static final int YEARS = 10;

    public static ImportDistrict create(
            DirectoryApi directory, PlanningApi planning, MeasuresApi measures, int schoolCount, int kpiCount) {
        // the random end of a time-ordered id: its start is the same for every id of the same minute
        String slug = "imports-" + Ids.next().toString().substring(24);
        List<StudentGroup> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS.length; i++) {
            groups.add(new StudentGroup(GROUPS[i], GROUPS[i], GROUPS[i], i == 0 ? "ALL" : "RACE", i));
        }
        SignedInUser admin = directory.createDistrict(
                "Import District " + slug,
                slug,
                true,
                groups,
                "Import Admin",
                "admin@" + slug + ".example",
                "copper-fjord-lantern-8");
        List<School> schools = new ArrayList<>();
        for (int s = 1; s <= schoolCount; s++) {
            schools.add(directory.addSchool(
                    admin,
                    new School(
                            Ids.next(),
                            String.format("School %03d", s),
                            String.format("IM-%03d", s),
                            SchoolLevel.HIGH,
                            "PK",
                            "12",
                            2000,
                            null,
                            0)));
        }
        UUID plan = Ids.next();
        planning.savePlan(
                admin,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Plan",
                        2025,
                        2029,
                        "",
                        "",
                        "",
                        PlanTranslation.NONE,
                        PlanStatus.DRAFT,
                        0));
        UUID outcome = planning.addOutcome(admin, planning.addGoal(admin, plan, "Goal", null), "Outcome", null);
        List<UUID> kpis = new ArrayList<>();
        for (int k = 1; k <= kpiCount; k++) {
            kpis.add(measures.addKpi(
                    admin,
                    outcome,
                    "Indicator " + k,
                    Kpi.Unit.PERCENT,
                    true,
                    new BigDecimal("50"),
                    2024,
                    "import",
                    true,
                    true,
                    true,
                    new TreeMap<>()));
        }
        return new ImportDistrict(admin, schools, kpis);
    }

    /** The district's id. */
    public UUID id() {
        return admin.districtId();
    }

    /** How many measurement rows a file can have without naming a cell twice. */
    public int measurementCells() {
        return kpis.size() * schools.size() * GROUPS.length * YEARS;
    }

    /**
     * A CSV of {@code rows} measurements (KPI by id, school by state id, group, school years 2016-17 to 2025-26), its
     * values and n drawn from {@code seed}.
     */
    public byte[] measurementFile(int rows, int seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("kpi,school_year,period,school,group,value,n\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%s,0,%s,%s,%.1f,%d%n",
                    kpis.get(i / YEARS / GROUPS.length / schools.size() % kpis.size()),
                    SchoolYear.of(year(i)),
                    school(i).stateId(),
                    group(i),
                    random.nextInt(1000) / 10.0,
                    20 + random.nextInt(200)));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The school year (its first calendar year) of a measurement file's row {@code i} (from 0). */
    public static int year(int i) {
        return 2016 + i % YEARS;
    }

    /** The group of a measurement file's row {@code i}. */
    public static String group(int i) {
        return GROUPS[i / YEARS % GROUPS.length];
    }

    /** The school of a measurement file's row {@code i}. */
    public School school(int i) {
        return schools.get(i / YEARS / GROUPS.length % schools.size());
    }

    /** How many count rows a file can have without naming a cell twice. */
    public int countCells() {
        return schools.size() * (YEARS + 1) * GRADES.length;
    }

    /** A CSV of {@code rows} counts (school by id, fall years 2015 on, every grade PK-12), drawn from {@code seed}. */
    public byte[] countFile(int rows, int seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("school_id,year,grade,count\n");
        for (int i = 0; i < rows; i++) {
            csv.append(countSchool(i).id())
                    .append(',')
                    .append(countYear(i))
                    .append(',')
                    .append(countGrade(i))
                    .append(',')
                    .append(80 + random.nextInt(60))
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public School countSchool(int i) {
        return schools.get(i / GRADES.length / (YEARS + 1) % schools.size());
    }

    public static int countYear(int i) {
        return 2015 + i / GRADES.length % (YEARS + 1);
    }

    public static String countGrade(int i) {
        return GRADES[i % GRADES.length];
    }
}
