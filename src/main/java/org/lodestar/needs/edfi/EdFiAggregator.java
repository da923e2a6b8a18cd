package org.lodestar.needs.edfi;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lodestar.shared.SchoolYear;

/**
 * The aggregating half of {@link EdFiReader}: takes the records the reader streams, one at a time, keeps the
 * student-level state of one run (schools, sessions, students' groups, absence dates, assessment results) only while
 * the files are read, and reduces it to {@link EdFiAggregate}s. The definitions are on {@link EdFiReader}.
 */
final class EdFiAggregator {

    private static final Pattern EDFI_YEAR_RANGE = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern EDFI_YEAR = Pattern.compile("\\d{4}");
    private static final Set<String> PROFICIENT = Set.of(
            "met standard", "advanced", "proficient", "exceeds standard", "mastered", "commended", "meets standard");
    private static final String STUDENT_ID = "StudentReference/StudentIdentity/StudentUniqueId";
    private static final String SCHOOL_ID = "SchoolReference/SchoolIdentity/SchoolId";

    final Map<String, String> schoolNames = new HashMap<>();
    final Map<String, Set<String>> schoolsByGrade = new HashMap<>();
    final Map<SchoolYearKey, Integer> schoolDays = new HashMap<>();
    /** (school, year) -> session name -> begin and end dates (either may be null). */
    final Map<SchoolYearKey, Map<String, LocalDate[]>> sessions = new HashMap<>();

    final Map<String, Set<String>> groups = new HashMap<>();
    final Map<String, String> subjects = new HashMap<>();
    /** (school, year) -> student -> absent date (epoch day) -> duration. */
    final Map<SchoolYearKey, Map<String, Map<Long, Double>>> enrolled = new HashMap<>();

    final Map<String, Set<String>> schoolsOfStudent = new HashMap<>();
    final Map<ProficiencyKey, int[]> proficiency = new HashMap<>();
    final Set<String> allStudents = new HashSet<>();

    /** The distinct students named in any file read so far. */
    int students() {
        return allStudents.size();
    }

    /** A file was read whole: its students join the run's. */
    void read(Counts counts) {
        allStudents.addAll(counts.students);
    }

    void take(String file, String element, int line, FlatRecord r, Counts counts) {
        switch (element) {
            case "School" -> school(r);
            case "Session" -> session(file, line, r);
            case "Student" -> student(r, counts);
            case "StudentEducationOrganizationAssociation" -> demographics(r, counts);
            case "StudentSchoolAssociation" -> enrollment(file, line, r, counts);
            case "Assessment" -> assessment(r);
            case "StudentSchoolAttendanceEvent" -> attendance(file, line, r, counts);
            case "StudentAssessment" -> result(file, line, r, counts);
            default -> {
                // a record this reader does not use
            }
        }
    }

    private void school(FlatRecord r) {
        String id = r.first("SchoolId");
        if (id == null) {
            return;
        }
        String name = r.first("NameOfInstitution");
        schoolNames.put(id, name == null ? id : name);
        for (String grade : r.ending("GradeLevel")) {
            schoolsByGrade.computeIfAbsent(grade(grade), g -> new HashSet<>()).add(id);
        }
    }

    private void session(String file, int line, FlatRecord r) {
        String school = r.first(SCHOOL_ID);
        String days = r.first("TotalInstructionalDays");
        if (school == null || days == null) {
            return;
        }
        var key = new SchoolYearKey(school, schoolYear(file, line, r.first("SchoolYear")));
        String name = r.first("SessionName");
        var sessionsOfYear = sessions.computeIfAbsent(key, k -> new HashMap<>());
        String sessionKey = name == null ? "#" + sessionsOfYear.size() : name;
        if (sessionsOfYear.containsKey(sessionKey)) {
            return; // the same session given twice counts once
        }
        LocalDate begin = date(file, line, r.first("BeginDate"));
        LocalDate end = date(file, line, r.first("EndDate"));
        sessionsOfYear.put(sessionKey, new LocalDate[] {begin, end});
        schoolDays.merge(key, number(file, line, days).intValue(), Integer::sum);
    }

    private void student(FlatRecord r, Counts counts) {
        String id = r.first("StudentUniqueId");
        if (id == null) {
            return;
        }
        counts.students.add(id);
        String sex = FlatRecord.code(r.first("BirthData/BirthSex"));
        if (sex != null && !groups.containsKey(id)) {
            addSex(id, sex);
        }
    }

    private void addSex(String id, String sex) {
        String code = sex.toUpperCase(Locale.ROOT);
        if (code.equals("FEMALE") || code.equals("MALE")) {
            Set<String> of = groups.computeIfAbsent(id, k -> new HashSet<>());
            of.remove("FEMALE");
            of.remove("MALE");
            of.add(code);
        }
    }

    private void demographics(FlatRecord r, Counts counts) {
        String id = r.first(STUDENT_ID);
        if (id == null) {
            return;
        }
        counts.students.add(id);
        String sex = FlatRecord.code(r.first("Sex"));
        if (sex != null) {
            addSex(id, sex);
        }
        Set<String> of = groups.computeIfAbsent(id, k -> new HashSet<>());
        List<String> races = new ArrayList<>();
        for (String race : r.ending("Race")) {
            String code = race(FlatRecord.code(race));
            if (code != null && !races.contains(code)) {
                races.add(code);
            }
        }
        if ("true".equalsIgnoreCase(r.first("HispanicLatinoEthnicity"))) {
            of.add("HISPANIC");
        } else if (races.size() > 1) {
            of.add("MULTI");
        } else if (races.size() == 1) {
            of.add(races.get(0));
        }
        String english = FlatRecord.code(r.first("LimitedEnglishProficiency"));
        if (english != null && english.toLowerCase(Locale.ROOT).startsWith("limited")) {
            of.add("EL");
        }
        boolean econ = r.ending("StudentCharacteristic").stream()
                .map(FlatRecord::code)
                .anyMatch(c -> c.toLowerCase(Locale.ROOT).startsWith("economic"));
        if (econ) { // economically disadvantaged in any of the student's associations
            of.remove("NOT_ECON");
            of.add("ECON");
        } else if (!of.contains("ECON")) {
            of.add("NOT_ECON");
        }
        if (!r.ending("Disability").isEmpty()) {
            of.add("SWD");
        }
    }

    private static String race(String code) {
        if (code == null) {
            return null;
        }
        String c = code.toLowerCase(Locale.ROOT);
        if (c.startsWith("american indian")) {
            return "NATIVE";
        } else if (c.startsWith("asian")) {
            return "ASIAN";
        } else if (c.startsWith("black")) {
            return "BLACK";
        } else if (c.startsWith("native hawaiian")) {
            return "PACIFIC";
        } else if (c.startsWith("white")) {
            return "WHITE";
        }
        return null;
    }

    private void enrollment(String file, int line, FlatRecord r, Counts counts) {
        String id = r.first(STUDENT_ID);
        String school = r.first(SCHOOL_ID);
        if (id == null || school == null) {
            counts.skip("without student or school");
            return;
        }
        counts.students.add(id);
        SchoolYear year = r.first("SchoolYear") != null
                ? schoolYear(file, line, r.first("SchoolYear"))
                : yearOf(date(file, line, r.first("EntryDate")));
        if (year == null) {
            counts.skip("without school year or entry date");
            return;
        }
        enrolled.computeIfAbsent(new SchoolYearKey(school, year), k -> new HashMap<>())
                .computeIfAbsent(id, k -> new HashMap<>());
        schoolsOfStudent.computeIfAbsent(id, k -> new HashSet<>()).add(school);
    }

    private void assessment(FlatRecord r) {
        String id = r.first("AssessmentIdentifier");
        String subject = FlatRecord.code(r.first("AcademicSubject"));
        if (id != null && subject != null) {
            subjects.put(id, subject);
        }
    }

    private void attendance(String file, int line, FlatRecord r, Counts counts) {
        String id = r.first(STUDENT_ID);
        String school = r.first(SCHOOL_ID);
        LocalDate date = date(file, line, r.first("AttendanceEvent/EventDate"));
        if (id == null || school == null || date == null) {
            counts.skip("without student, school or date");
            return;
        }
        counts.students.add(id);
        String yearText = r.first("SessionReference/SessionIdentity/SchoolYear");
        SchoolYear year = yearText != null ? schoolYear(file, line, yearText) : yearOf(date);
        var key = new SchoolYearKey(school, year);
        Map<String, LocalDate[]> ranges = sessions.get(key);
        if (ranges == null) {
            counts.skip("at a school and year without sessions in the calendar");
            return;
        }
        if (ranges.values().stream()
                .noneMatch(s -> (s[0] == null || !date.isBefore(s[0])) && (s[1] == null || !date.isAfter(s[1])))) {
            counts.skip("dated outside the school's sessions of the year");
            return;
        }
        Map<Long, Double> absences =
                enrolled.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(id, k -> new HashMap<>());
        schoolsOfStudent.computeIfAbsent(id, k -> new HashSet<>()).add(school);
        String category = FlatRecord.code(r.first("AttendanceEvent/AttendanceEventCategory"));
        if (category != null && category.toLowerCase(Locale.ROOT).contains("absence")) {
            String durationText = r.first("AttendanceEvent/EventDuration");
            double duration = durationText == null
                    ? 1
                    : Math.max(0, Math.min(1, number(file, line, durationText).doubleValue()));
            absences.merge(date.toEpochDay(), duration, Math::max);
        }
    }

    private void result(String file, int line, FlatRecord r, Counts counts) {
        String id = r.first(STUDENT_ID);
        String assessment = r.first("AssessmentReference/AssessmentIdentity/AssessmentIdentifier");
        if (id == null || assessment == null) {
            counts.skip("without student or assessment");
            return;
        }
        counts.students.add(id);
        String level = FlatRecord.code(r.first("PerformanceLevel/PerformanceLevel"));
        if (level == null) {
            counts.skip("without a performance level (not tested)");
            return;
        }
        String gradeText = r.first("WhenAssessedGradeLevel");
        String grade = gradeText == null ? null : grade(gradeText);
        String reported = r.first("ReportedSchoolReference/SchoolIdentity/SchoolId");
        String school = reported != null ? reported : schoolOf(id, grade);
        if (school == null) {
            counts.skip("with no single school for the student or grade");
            return;
        }
        SchoolYear year = r.first("SchoolYear") != null
                ? schoolYear(file, line, r.first("SchoolYear"))
                : yearOf(date(file, line, cutTime(r.first("AdministrationDate"))));
        if (year == null) {
            counts.skip("without school year or administration date");
            return;
        }
        String subject = subjects.getOrDefault(assessment, assessment);
        boolean proficient = PROFICIENT.contains(level.toLowerCase(Locale.ROOT));
        for (String group : groupsOf(id)) {
            int[] cell = proficiency.computeIfAbsent(
                    new ProficiencyKey(school, year, grade, subject, group), k -> new int[2]);
            cell[1]++;
            if (proficient) {
                cell[0]++;
            }
        }
    }

    private String schoolOf(String student, String grade) {
        Set<String> byGrade = grade == null ? null : schoolsByGrade.get(grade);
        if (byGrade != null && byGrade.size() == 1) {
            return byGrade.iterator().next();
        }
        Set<String> attended = schoolsOfStudent.get(student);
        return attended != null && attended.size() == 1 ? attended.iterator().next() : null;
    }

    private List<String> groupsOf(String student) {
        List<String> of = new ArrayList<>();
        of.add(EdFiAggregate.ALL);
        Set<String> more = groups.get(student);
        if (more != null) {
            more.stream().sorted().forEach(of::add);
        }
        return of;
    }

    List<EdFiAggregate> aggregates() {
        List<EdFiAggregate> rows = new ArrayList<>();
        for (var school : enrolled.entrySet()) {
            Integer days = schoolDays.get(school.getKey());
            if (days == null || days <= 0) {
                continue;
            }
            Map<String, double[]> byGroup = new HashMap<>(); // n, days absent, chronic
            for (var student : school.getValue().entrySet()) {
                double absent = 0;
                for (double d : student.getValue().values()) {
                    absent += d;
                }
                boolean chronic = absent >= 0.1 * days;
                for (String group : groupsOf(student.getKey())) {
                    double[] sums = byGroup.computeIfAbsent(group, g -> new double[3]);
                    sums[0]++;
                    sums[1] += absent;
                    sums[2] += chronic ? 1 : 0;
                }
            }
            String id = school.getKey().school();
            String name = schoolNames.getOrDefault(id, id);
            SchoolYear year = school.getKey().year();
            for (var group : byGroup.entrySet()) {
                double[] s = group.getValue();
                int n = (int) s[0];
                rows.add(new EdFiAggregate(
                        EdFiAggregate.ATTENDANCE_RATE,
                        id,
                        name,
                        group.getKey(),
                        null,
                        null,
                        year,
                        1 - s[1] / (n * (double) days),
                        n));
                rows.add(new EdFiAggregate(
                        EdFiAggregate.CHRONIC_ABSENTEEISM, id, name, group.getKey(), null, null, year, s[2] / n, n));
            }
        }
        for (var cell : proficiency.entrySet()) {
            ProficiencyKey k = cell.getKey();
            int[] c = cell.getValue();
            rows.add(new EdFiAggregate(
                    EdFiAggregate.PROFICIENCY,
                    k.school(),
                    schoolNames.getOrDefault(k.school(), k.school()),
                    k.group(),
                    k.grade(),
                    k.subject(),
                    k.year(),
                    c[0] / (double) c[1],
                    c[1]));
        }
        rows.sort(Comparator.comparing(EdFiAggregate::metric)
                .thenComparing(EdFiAggregate::schoolId)
                .thenComparing(EdFiAggregate::schoolYear)
                .thenComparing(a -> a.grade() == null ? "" : a.grade())
                .thenComparing(a -> a.subject() == null ? "" : a.subject())
                .thenComparing(a -> a.group().equals(EdFiAggregate.ALL) ? "" : a.group()));
        return rows;
    }

    /** What one file held. */
    static final class Counts {
        int records;
        int skipped;
        final Set<String> students = new HashSet<>();
        final List<String> skippedWhy = new ArrayList<>();

        void skip(String why) {
            skipped++;
            if (!skippedWhy.contains(why)) {
                skippedWhy.add(why);
            }
        }
    }

    private record SchoolYearKey(String school, SchoolYear year) {}

    private record ProficiencyKey(String school, SchoolYear year, String grade, String subject, String group) {}

    /** Ed-Fi grade level descriptors as Lodestar's grades: K, 1..12, PK; others keep their code value. */
    static String grade(String descriptor) {
        String code = FlatRecord.code(descriptor);
        List<String> ordinals = List.of(
                "first",
                "second",
                "third",
                "fourth",
                "fifth",
                "sixth",
                "seventh",
                "eighth",
                "ninth",
                "tenth",
                "eleventh",
                "twelfth");
        String c = code.toLowerCase(Locale.ROOT);
        for (int i = 0; i < ordinals.size(); i++) {
            if (c.equals(ordinals.get(i) + " grade")) {
                return String.valueOf(i + 1);
            }
        }
        if (c.equals("kindergarten")) {
            return "K";
        }
        if (c.equals("preschool/prekindergarten") || c.equals("prekindergarten")) {
            return "PK";
        }
        return code;
    }

    static SchoolYear schoolYear(String file, int line, String text) {
        String t = text == null ? "" : text.strip();
        var range = EDFI_YEAR_RANGE.matcher(t);
        try {
            if (range.matches() && Integer.parseInt(range.group(2)) == Integer.parseInt(range.group(1)) + 1) {
                return SchoolYear.of(Integer.parseInt(range.group(1)));
            }
            if (EDFI_YEAR.matcher(t).matches()) {
                return SchoolYear.of(Integer.parseInt(t) - 1);
            }
            return SchoolYear.parse(t);
        } catch (IllegalArgumentException e) {
            throw new EdFiException(
                    EdFiException.Kind.INVALID,
                    file + " line " + line + ": not a school year: " + t,
                    file,
                    line,
                    "school year " + t);
        }
    }

    private static SchoolYear yearOf(LocalDate date) {
        return date == null ? null : SchoolYear.containing(date, 7);
    }

    private static String cutTime(String dateTime) {
        return dateTime == null || dateTime.length() < 10 ? dateTime : dateTime.substring(0, 10);
    }

    private static LocalDate date(String file, int line, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new EdFiException(
                    EdFiException.Kind.INVALID, file + " line " + line + ": not a date: " + text, file, line, text);
        }
    }

    private static Double number(String file, int line, String text) {
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new EdFiException(
                    EdFiException.Kind.INVALID, file + " line " + line + ": not a number: " + text, file, line, text);
        }
    }
}
