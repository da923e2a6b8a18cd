package org.lodestar.needs.edfi;

import java.io.IOException;
import java.io.InputStream;
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
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lodestar.shared.SchoolYear;

/**
 * Reads Ed-Fi Data Standard 5.x XML interchanges (namespace {@code http://ed-fi.org/5.x.y}) with StAX, one record at a
 * time, and reduces them to {@link EdFiAggregate}s. Files may be given in any order: each is first opened to see its
 * interchange, then they are read in dependency order (organizations, calendar, students, enrollment, assessment
 * metadata, attendance, student assessments). Anything wrong (malformed XML, another Data Standard version, a DTD)
 * throws {@link EdFiException} and no result is returned.
 *
 * <p>Interchanges and records used:
 *
 * <ul>
 *   <li>{@code InterchangeEducationOrganization}: {@code School} (id, name, grade levels offered).
 *   <li>{@code InterchangeEducationOrgCalendar}: {@code Session} (school, school year, begin and end dates, total
 *       instructional days).
 *   <li>{@code InterchangeStudent}: {@code Student} (id; {@code BirthData/BirthSex} gives FEMALE or MALE).
 *   <li>{@code InterchangeStudentEnrollment}: {@code StudentSchoolAssociation} (enrolls a student at a school for a
 *       school year) and {@code StudentEducationOrganizationAssociation}, where Data Standard 5.x keeps the
 *       characteristics that make student groups: {@code Sex}, {@code HispanicLatinoEthnicity}, {@code Race},
 *       {@code LimitedEnglishProficiency} (EL when Limited or Limited Monitored), {@code StudentCharacteristic}
 *       (ECON when Economic Disadvantaged, otherwise NOT_ECON) and {@code Disability} (SWD).
 *   <li>{@code InterchangeAssessmentMetadata}: {@code Assessment} (identifier and academic subject).
 *   <li>{@code InterchangeStudentAttendance}: {@code StudentSchoolAttendanceEvent}.
 *   <li>{@code InterchangeStudentAssessment}: {@code StudentAssessment} (grade when assessed, the overall performance
 *       level, the school year).
 * </ul>
 *
 * Other 5.x interchanges (descriptors, for instance) are counted and otherwise ignored.
 *
 * <p>Definitions:
 *
 * <ul>
 *   <li><b>School days</b> of a school and school year: the sum of {@code TotalInstructionalDays} of the school's
 *       sessions of that year, a session named twice counted once (Grand Bend: fall 81 + spring 88 = 169). The sample's calendar has no school-wide list of
 *       instructional dates (its two {@code CalendarDate}s belong to one student-specific calendar), so sessions are
 *       the only complete source.
 *   <li><b>Enrolled students</b> of a school and year: the students with a {@code StudentSchoolAssociation} there, plus
 *       the students with at least one attendance event there. Each is counted as enrolled for all the school days.
 *   <li><b>Days absent</b>: the distinct dates (within the school's sessions) with an attendance event whose category
 *       contains "Absence" (Excused Absence, Unexcused Absence), each worth its {@code EventDuration} (a share of a
 *       day, 1 when absent from the file, at most 1 per date). Tardy and Partial events count as present.
 *   <li><b>Attendance rate</b> = 1 - (sum of days absent) / (enrolled students x school days); n = enrolled students.
 *   <li><b>Chronic absenteeism</b> = share of enrolled students whose days absent are at least 10% of the school days
 *       (169 days: 16.9, so 17 days or more); n = enrolled students.
 *   <li><b>Proficiency</b> = share of results whose overall performance level is at or above proficient: "Met
 *       Standard", "Advanced" (and the common "Proficient", "Exceeds Standard", "Mastered", "Commended" of other
 *       assessments); "Did Not Meet Standard" and other levels are below. Results without a performance level (e.g.
 *       with {@code ReasonNotTested}) are left out of n. A result belongs to its {@code ReportedSchoolReference}
 *       when it has one (the sample's have none), else to the one school of the district offering
 *       the grade the student was assessed in; where several or none do, to the one school the student is enrolled or
 *       has events at; otherwise it is skipped and counted. Subject: the assessment's {@code AcademicSubject} from the
 *       metadata, or the assessment identifier when the metadata was not given.
 *   <li><b>School year</b>: Ed-Fi's {@code SchoolYear} ({@code 2021-2022}, or {@code 2022} meaning the year ending in
 *       2022) as Lodestar's {@code 2021-22}; for an assessment without one, the year of its administration date
 *       (starting in July).
 * </ul>
 *
 * <p><b>Limitation</b>: the sample holds only an excerpt of the enrollment interchange (in the 6.1 namespace, so it is
 * refused), so in the sample the enrolled students are those with at least one attendance event. A student present
 * every day has no event and is missing from n: chronic absenteeism is overstated and the attendance rate understated
 * against the true enrollment. Entry and exit dates are not used: every enrolled student counts every school day.
 * Student-level data (per-student absence dates and groups) lives only during the run; only aggregates are returned.
 */
public final class EdFiReader {

    /** Data Standard 5.x namespaces. */
    static final Pattern SUPPORTED = Pattern.compile("http://ed-fi\\.org/5\\.\\d+\\.\\d+");

    private static final Pattern ED_FI = Pattern.compile("https?://ed-fi\\.org/([^/\\s]+)/?");
    private static final Pattern EDFI_YEAR_RANGE = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern EDFI_YEAR = Pattern.compile("\\d{4}");
    private static final Set<String> PROFICIENT = Set.of(
            "met standard", "advanced", "proficient", "exceeds standard", "mastered", "commended", "meets standard");
    private static final List<String> ORDER = List.of(
            "InterchangeEducationOrganization",
            "InterchangeEducationOrgCalendar",
            "InterchangeStudent",
            "InterchangeStudentEnrollment",
            "InterchangeAssessmentMetadata",
            "InterchangeStudentAttendance",
            "InterchangeStudentAssessment");
    private static final String STUDENT_ID = "StudentReference/StudentIdentity/StudentUniqueId";
    private static final String SCHOOL_ID = "SchoolReference/SchoolIdentity/SchoolId";

    private EdFiReader() {}

    public static EdFiResult read(List<EdFiSource> sources) {
        List<Peeked> files = new ArrayList<>();
        for (EdFiSource source : sources) {
            files.add(new Peeked(source, peek(source)));
        }
        files.sort(Comparator.comparingInt(p -> order(p.interchange())));
        Run run = new Run();
        List<EdFiFileSummary> summaries = new ArrayList<>();
        for (Peeked file : files) {
            summaries.add(run.read(file.source(), file.interchange()));
        }
        return new EdFiResult(run.aggregates(), summaries, run.allStudents.size());
    }

    private static int order(String interchange) {
        int i = ORDER.indexOf(interchange);
        return i < 0 ? ORDER.size() : i;
    }

    private record Peeked(EdFiSource source, String interchange) {}

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException notSupported) {
            // SUPPORT_DTD=false already keeps the parser from reading any DTD
        }
        return factory;
    }

    static EdFiException dtd(String file) {
        return new EdFiException(
                EdFiException.Kind.DTD,
                file + " declares a DTD (<!DOCTYPE>) or an entity: refused, Ed-Fi interchanges have none",
                file);
    }

    private static EdFiException malformed(String file, XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        String why = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
        int cut = why.indexOf("Message: "); // the JDK's parser
        if (cut >= 0) {
            why = why.substring(cut + "Message: ".length());
        }
        why = why.replaceAll("\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]\\s*$", ""); // Woodstox
        return new EdFiException(
                EdFiException.Kind.MALFORMED,
                "Malformed XML in " + file + (line > 0 ? " at line " + line : "") + ": " + why,
                e,
                file,
                Math.max(line, 0),
                why);
    }

    /** The root element's local name, after checking it is an Ed-Fi 5.x interchange. */
    private static String peek(EdFiSource source) {
        try (InputStream in = source.opener().open()) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                int event = xml.next();
                while (event != XMLStreamConstants.START_ELEMENT) {
                    if (event == XMLStreamConstants.END_DOCUMENT) {
                        throw new EdFiException(
                                EdFiException.Kind.NOT_EDFI,
                                source.name() + " has no root element: not an Ed-Fi interchange",
                                source.name(),
                                "-");
                    }
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw dtd(source.name());
                    }
                    event = xml.next();
                }
                return checkedRoot(source.name(), xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(source.name(), e);
        } catch (IOException e) {
            throw new EdFiException(
                    EdFiException.Kind.UNREADABLE,
                    "Cannot read " + source.name() + ": " + e.getMessage(),
                    e,
                    source.name());
        }
    }

    private static String checkedRoot(String file, XMLStreamReader xml) {
        String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String root = xml.getLocalName();
        if (SUPPORTED.matcher(namespace).matches()) {
            return root;
        }
        var edFi = ED_FI.matcher(namespace);
        if (edFi.matches()) {
            throw new EdFiException(
                    EdFiException.Kind.VERSION,
                    file + " is an Ed-Fi interchange of Data Standard " + edFi.group(1) + " (namespace " + namespace
                            + ", root " + root + "); only Data Standard 5.x (http://ed-fi.org/5.x.y) is read",
                    file,
                    edFi.group(1));
        }
        throw new EdFiException(
                EdFiException.Kind.NOT_EDFI,
                file + " is not an Ed-Fi interchange: its root is " + root
                        + (namespace.isEmpty() ? " without a namespace" : " in namespace " + namespace)
                        + "; expected an Ed-Fi Data Standard 5.x interchange (http://ed-fi.org/5.x.y)",
                file,
                root);
    }

    /** Student-level state of one run: lives only while the files are read. */
    private static final class Run {

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

        EdFiFileSummary read(EdFiSource source, String interchange) {
            String file = source.name();
            Counts counts = new Counts();
            try (InputStream in = source.opener().open()) {
                XMLStreamReader xml = factory().createXMLStreamReader(in);
                try {
                    int depth = 0;
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                            throw dtd(file);
                        }
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            if (depth == 0) {
                                checkedRoot(file, xml);
                                depth = 1;
                            } else {
                                String element = xml.getLocalName();
                                int line = xml.getLocation().getLineNumber();
                                FlatRecord record = FlatRecord.read(xml, file);
                                counts.records++;
                                try {
                                    take(file, element, line, record, counts);
                                } catch (IllegalArgumentException e) { // a school year out of range, for instance
                                    throw new EdFiException(
                                            EdFiException.Kind.INVALID,
                                            file + " line " + line + ": " + e.getMessage(),
                                            e,
                                            file,
                                            line,
                                            e.getMessage());
                                }
                            }
                        }
                    }
                } finally {
                    xml.close();
                }
            } catch (XMLStreamException e) {
                throw malformed(file, e);
            } catch (IOException e) {
                throw new EdFiException(
                        EdFiException.Kind.UNREADABLE, "Cannot read " + file + ": " + e.getMessage(), e, file);
            }
            allStudents.addAll(counts.students);
            return new EdFiFileSummary(
                    file,
                    interchange,
                    counts.records,
                    counts.students.size(),
                    counts.skipped,
                    counts.skippedWhy.isEmpty() ? "" : String.join("; ", counts.skippedWhy));
        }

        private void take(String file, String element, int line, FlatRecord r, Counts counts) {
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
                schoolsByGrade
                        .computeIfAbsent(grade(grade), g -> new HashSet<>())
                        .add(id);
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
                        : Math.max(
                                0, Math.min(1, number(file, line, durationText).doubleValue()));
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
            return attended != null && attended.size() == 1
                    ? attended.iterator().next()
                    : null;
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
                            EdFiAggregate.CHRONIC_ABSENTEEISM,
                            id,
                            name,
                            group.getKey(),
                            null,
                            null,
                            year,
                            s[2] / n,
                            n));
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
    }

    private static final class Counts {
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
