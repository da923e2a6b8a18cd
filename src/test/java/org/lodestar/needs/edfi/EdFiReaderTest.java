package org.lodestar.needs.edfi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestar.shared.SchoolYear;

/**
 * The Ed-Fi reader on the real Grand Bend ISD sample (Data Standard 5.2.0, {@code src/test/resources/needs/edfi/}).
 *
 * <p>Every expected figure was computed once by hand, outside this code, with awk on the raw XML (no XML parser):
 *
 * <pre>
 * # one line per attendance event: school (not the one inside SessionReference), student, date, category, duration
 * awk '/&lt;StudentSchoolAttendanceEvent&gt;/{d="";c="";s="";sc="";inSess=0}
 *   /&lt;EventDate&gt;/{gsub(/.*&lt;EventDate&gt;|&lt;\/EventDate&gt;.*&#47;,"");d=$0}
 *   /&lt;AttendanceEventCategory&gt;/{gsub(/.*#|&lt;\/AttendanceEventCategory&gt;.*&#47;,"");c=$0}
 *   /&lt;StudentUniqueId&gt;/{gsub(/.*&lt;StudentUniqueId&gt;|&lt;\/StudentUniqueId&gt;.*&#47;,"");s=$0}
 *   /&lt;SessionReference&gt;/{inSess=1}
 *   /&lt;SchoolId&gt;/{if(!inSess){gsub(/.*&lt;SchoolId&gt;|&lt;\/SchoolId&gt;.*&#47;,"");sc=$0}}
 *   /&lt;\/StudentSchoolAttendanceEvent&gt;/{print sc"\t"s"\t"d"\t"c}' StudentSchoolAttendance.xml &gt; events.tsv
 * # per school: students with events (n), distinct absence dates per student (all EventDuration are 1; one
 * # student has an Excused Absence and a Partial on the same date), chronic = at least 10% of 169 days = 16.9
 * awk -F'\t' '{k=$1"\t"$2; stu[k]=1} $4 ~ /Absence/ {dk=$1"\t"$2"\t"$3; if(!(dk in seen)){seen[dk]=1; abs[k]+=1}}
 *   END{for(k in stu){split(k,a,"\t"); n[a[1]]++; t[a[1]]+=abs[k]; if(abs[k]&gt;=16.9) c[a[1]]++}
 *   for(s in n) print s, n[s], t[s], c[s]}' events.tsv
 * 255901107 115 765 17      255901044 48 466 12      255901001 64 619 15
 * </pre>
 *
 * School days: each school has a fall session of 81 and a spring session of 88 instructional days = 169.
 */
class EdFiReaderTest {

    private static final String SAMPLE = "/needs/edfi/grand-bend-isd/";
    private static final SchoolYear YEAR = SchoolYear.of(2021);
    private static final String HIGH = "255901001";
    private static final String MIDDLE = "255901044";
    private static final String ELEMENTARY = "255901107";

    private static EdFiResult sample;

    @BeforeAll
    static void readSample() {
        sample = EdFiReader.read(List.of(
                resource("StudentSchoolAttendance.xml"), // given out of order on purpose
                resource("StudentAssessment-StateAssessment.xml"),
                resource("EducationOrganization.xml"),
                resource("EducationOrgCalendar.xml"),
                resource("Student.xml"),
                resource("AssessmentMetadata-StateAssessment.xml"),
                resource("AttendanceEventCategoryDescriptor.xml"),
                resource("synthetic/StudentEducationOrganizationAssociation.SYNTHETIC.xml")));
    }

    @Test
    void chronicAbsenteeismOfTheMiddleSchoolForAllStudents() {
        // 12 of the 48 students with events at 255901044 were absent 17 days or more: 12 / 48 = 0.25
        EdFiAggregate all = find(EdFiAggregate.CHRONIC_ABSENTEEISM, MIDDLE, "ALL", null, null);
        assertThat(all.n()).isEqualTo(48);
        assertThat(all.value()).isCloseTo(0.25, within(1e-9));
        assertThat(all.schoolName()).isEqualTo("Grand Bend Middle School");
        assertThat(all.schoolYear()).isEqualTo(YEAR);
        // high school: 15 / 64 = 0.234375; elementary: 17 / 115 = 0.147826...
        assertThat(find(EdFiAggregate.CHRONIC_ABSENTEEISM, HIGH, "ALL", null, null)
                        .value())
                .isCloseTo(15 / 64.0, within(1e-9));
        assertThat(find(EdFiAggregate.CHRONIC_ABSENTEEISM, ELEMENTARY, "ALL", null, null)
                        .n())
                .isEqualTo(115);
    }

    @Test
    void chronicAbsenteeismOfAGroup() {
        // The synthetic association file marks 10 middle-school students ECON and 2 NOT_ECON. Their distinct absence
        // dates at 255901044 (awk '$1=="255901044" && $4 ~ /Absence/' events.tsv | cut -f2,3 | sort -u | cut -f1 |
        // uniq -c): ECON 604843:4 604914:20 604926:4 604941:20 604978:4 605002:4 605006:4 605007:18 605061:11
        // 605069:20 -> 4 of 10 at 17 or more = 0.4; sum 109 days -> attendance 1 - 109/(10*169) = 0.9355029...
        // NOT_ECON 605073:18 605106:12 -> 1 of 2 = 0.5.
        EdFiAggregate econ = find(EdFiAggregate.CHRONIC_ABSENTEEISM, MIDDLE, "ECON", null, null);
        assertThat(econ.n()).isEqualTo(10);
        assertThat(econ.value()).isCloseTo(0.4, within(1e-9));
        assertThat(find(EdFiAggregate.ATTENDANCE_RATE, MIDDLE, "ECON", null, null)
                        .value())
                .isCloseTo(1 - 109 / 1690.0, within(1e-9));
        EdFiAggregate notEcon = find(EdFiAggregate.CHRONIC_ABSENTEEISM, MIDDLE, "NOT_ECON", null, null);
        assertThat(notEcon.n()).isEqualTo(2);
        assertThat(notEcon.value()).isCloseTo(0.5, within(1e-9));
        // the sample's own Student.xml gives BirthSex to three students; only 605464 (Male) has events: 12 absences
        // at the high school, not chronic
        EdFiAggregate male = find(EdFiAggregate.CHRONIC_ABSENTEEISM, HIGH, "MALE", null, null);
        assertThat(male.n()).isEqualTo(1);
        assertThat(male.value()).isZero();
    }

    @Test
    void attendanceRate() {
        // elementary: 115 students x 169 days = 19,435 enrolled days, 765 absent: 1 - 765/19435 = 0.960638...
        EdFiAggregate rate = find(EdFiAggregate.ATTENDANCE_RATE, ELEMENTARY, "ALL", null, null);
        assertThat(rate.n()).isEqualTo(115);
        assertThat(rate.value()).isCloseTo(1 - 765 / 19435.0, within(1e-9));
        // high school: 619 of 64 x 169 = 10,816 -> 0.942769...; middle: 466 of 48 x 169 = 8,112 -> 0.942554...
        assertThat(find(EdFiAggregate.ATTENDANCE_RATE, HIGH, "ALL", null, null).value())
                .isCloseTo(1 - 619 / 10816.0, within(1e-9));
        assertThat(find(EdFiAggregate.ATTENDANCE_RATE, MIDDLE, "ALL", null, null)
                        .value())
                .isCloseTo(1 - 466 / 8112.0, within(1e-9));
    }

    @Test
    void proficiencyByGradeAndSubject() {
        // Overall PerformanceLevel of each StudentAssessment (the first one, before any StudentObjectiveAssessment):
        //   awk '/<StudentAssessment>/{g="";pl="";id="";st="";o=0} /<StudentObjectiveAssessment>/{o=1}
        //     /PerformanceLevelDescriptor#/{if(!o&&pl==""){gsub(/.*#|<\/.*/,"");pl=$0}}
        //     /<StudentUniqueId>/{gsub(/.*<StudentUniqueId>|<\/.*/,"");st=$0}
        //     /<AssessmentIdentifier>/{if(!o&&id==""){gsub(/.*<AssessmentIdentifier>|<\/.*/,"");id=$0}}
        //     /<\/StudentAssessment>/{print st"\t"id"\t"pl}' StudentAssessment-StateAssessment.xml | sort -k2
        //   over the 34 results: SA-2011-Mathematics-Eighth grade: Met Standard 604851 604889
        //   604912, Did Not Meet Standard 604843 604844 604898 604919, 604861 not tested (ReasonNotTested Absent,
        //   no level) -> 3 / 7 = 0.428571...; Mathematics fifth grade: Met 6 (604856 604871 604875 604885 604958
        //   604967) of 9 -> 0.6667; Reading eighth: 7 of 7 -> 1.0; Reading fifth: 6 of 9.
        // Grade 8 is offered only by the middle school (6-8), grade 5 only by the elementary school (1-5).
        EdFiAggregate math8 = find(EdFiAggregate.PROFICIENCY, MIDDLE, "ALL", "8", "Mathematics");
        assertThat(math8.n()).isEqualTo(7);
        assertThat(math8.value()).isCloseTo(3 / 7.0, within(1e-9));
        assertThat(find(EdFiAggregate.PROFICIENCY, ELEMENTARY, "ALL", "5", "Mathematics")
                        .value())
                .isCloseTo(6 / 9.0, within(1e-9));
        assertThat(find(EdFiAggregate.PROFICIENCY, MIDDLE, "ALL", "8", "Reading")
                        .value())
                .isEqualTo(1.0);
        // 604843 (ECON in the synthetic file) did not meet the standard in mathematics
        EdFiAggregate econ = find(EdFiAggregate.PROFICIENCY, MIDDLE, "ECON", "8", "Mathematics");
        assertThat(econ.n()).isEqualTo(1);
        assertThat(econ.value()).isZero();
    }

    @Test
    void countsWhatItRead() {
        // grep -c '<Student>' Student.xml = 960 (+ 3 <Person> records at the end of the file); grep -c
        // '<StudentSchoolAttendanceEvent>' = 1917 for 227 students;
        // grep -c '<StudentAssessment>' = 34 for 17 students, 2 of them ReasonNotTested; 3 schools, 6 sessions
        Map<String, EdFiFileSummary> files =
                sample.files().stream().collect(Collectors.toMap(EdFiFileSummary::name, Function.identity()));
        assertThat(files.get("Student.xml").records()).isEqualTo(963); // 960 Student + 3 Person
        assertThat(files.get("Student.xml").students()).isEqualTo(960);
        EdFiFileSummary attendance = files.get("StudentSchoolAttendance.xml");
        assertThat(attendance.interchange()).isEqualTo("InterchangeStudentAttendance");
        assertThat(attendance.records()).isEqualTo(1917);
        assertThat(attendance.students()).isEqualTo(227);
        assertThat(attendance.skipped()).isZero();
        EdFiFileSummary results = files.get("StudentAssessment-StateAssessment.xml");
        assertThat(results.records()).isEqualTo(34);
        assertThat(results.students()).isEqualTo(17);
        assertThat(results.skipped()).isEqualTo(2);
        assertThat(results.skippedWhy()).contains("not tested");
        assertThat(sample.students()).isEqualTo(960);
        // read in dependency order whatever the order given
        assertThat(sample.files().get(0).interchange()).isEqualTo("InterchangeEducationOrganization");
        // 3 schools x (ALL + the groups present) for two attendance metrics; every value a share
        assertThat(sample.aggregates()).allSatisfy(a -> assertThat(a.value()).isBetween(0.0, 1.0));
        assertThat(sample.aggregates().stream()
                        .filter(a -> a.metric().equals(EdFiAggregate.CHRONIC_ABSENTEEISM)
                                && a.group().equals("ALL")))
                .hasSize(3);
    }

    @Test
    void anInterchangeOfAnotherVersionIsRefusedWithoutAPartialResult() {
        // the enrollment excerpt of the sample is in the Data Standard 6.1.0 namespace
        assertThatThrownBy(() -> EdFiReader.read(
                        List.of(resource("EducationOrganization.xml"), resource("StudentEnrollment.EXCERPT.xml"))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("StudentEnrollment.EXCERPT.xml")
                .hasMessageContaining("Data Standard 6.1.0")
                .hasMessageContaining("http://ed-fi.org/6.1.0");
        assertThatThrownBy(() -> EdFiReader.read(List.of(text(
                        "v3.xml",
                        "<InterchangeStudent xmlns=\"http://ed-fi.org/0220\"><Student/></InterchangeStudent>"))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("Data Standard 0220")
                .hasMessageContaining("only Data Standard 5.x");
        assertThatThrownBy(() -> EdFiReader.read(List.of(text("other.xml", "<Interchange xmlns=\"urn:x\"/>"))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("not an Ed-Fi interchange")
                .hasMessageContaining("urn:x");
        assertThatThrownBy(() -> EdFiReader.read(List.of(text("plain.xml", "<students/>"))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("without a namespace");
    }

    @Test
    void malformedXmlIsRefusedWithItsLine() {
        String broken = "<?xml version=\"1.0\"?>\n<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "  <Student><StudentUniqueId>1</StudentUniqueId></Student>\n"
                + "  <Student><StudentUniqueId>2</StudentUniqueId></Studnet>\n"
                + "</InterchangeStudent>\n";
        assertThatThrownBy(() -> EdFiReader.read(List.of(resource("Student.xml"), text("broken.xml", broken))))
                .isInstanceOf(EdFiException.class)
                .hasMessageStartingWith("Malformed XML in broken.xml at line 4")
                .hasMessageContaining("</Student>")
                .hasMessageNotContaining("row,col");
        assertThatThrownBy(() -> EdFiReader.read(List.of(text("cut.xml", broken.substring(0, 120)))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("Malformed XML in cut.xml");
        assertThatThrownBy(() -> EdFiReader.read(List.of(text("empty.xml", ""))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("empty.xml");
        assertThatThrownBy(() -> EdFiReader.read(List.of(text("comment.xml", "<?xml version=\"1.0\"?><!-- x -->"))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("comment.xml");
    }

    @Test
    void aDtdOrAnExternalEntityIsRefused() {
        String xxe =
                "<?xml version=\"1.0\"?>\n<!DOCTYPE InterchangeStudent [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                        + "  <Student><StudentUniqueId>&secret;</StudentUniqueId></Student>\n</InterchangeStudent>\n";
        assertThatThrownBy(() -> EdFiReader.read(List.of(text("xxe.xml", xxe))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("xxe.xml")
                .hasMessageContaining("DTD")
                .hasMessageNotContaining("root:");
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
                + "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\"><Student><StudentUniqueId>&b;</StudentUniqueId>"
                + "</Student></InterchangeStudent>";
        assertThatThrownBy(() -> EdFiReader.read(List.of(text("bomb.xml", bomb))))
                .isInstanceOf(EdFiException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void groupsComeFromTheStudentsAssociations() {
        // Student A: Hispanic (whatever the race), EL, a disability, economically disadvantaged in one of two
        // associations; B: two races (MULTI), not economically disadvantaged; C: White, female; every student absent
        // one day of 10 at school 9, so each group's chronic absenteeism is 1.0 with its n. D is enrolled (a
        // StudentSchoolAssociation) with no event: in ALL only, never absent: ALL = 3 of 4 = 0.75.
        String calendar = "<InterchangeEducationOrgCalendar xmlns=\"http://ed-fi.org/5.2.0\"><Session>"
                + "<SessionName>S</SessionName><SchoolYear>2022</SchoolYear><TotalInstructionalDays>10"
                + "</TotalInstructionalDays><SchoolReference><SchoolIdentity><SchoolId>9</SchoolId></SchoolIdentity>"
                + "</SchoolReference></Session></InterchangeEducationOrgCalendar>";
        String seoa = "<InterchangeStudentEnrollment xmlns=\"http://ed-fi.org/5.2.0\">"
                + association(
                        "A",
                        "<HispanicLatinoEthnicity>true</HispanicLatinoEthnicity>"
                                + "<LimitedEnglishProficiency>uri://ed-fi.org/LimitedEnglishProficiencyDescriptor#Limited"
                                + "</LimitedEnglishProficiency><Race>uri://ed-fi.org/RaceDescriptor#White</Race>"
                                + "<StudentCharacteristic><StudentCharacteristic>uri://ed-fi.org/StudentCharacteristicDescriptor"
                                + "#Economic Disadvantaged</StudentCharacteristic></StudentCharacteristic>"
                                + "<Disability><Disability>uri://ed-fi.org/DisabilityDescriptor#Autism</Disability></Disability>")
                + association("A", "")
                + association(
                        "B",
                        "<Race>uri://ed-fi.org/RaceDescriptor#Asian</Race>"
                                + "<Race>uri://ed-fi.org/RaceDescriptor#Black - African American</Race>")
                + association(
                        "C",
                        "<Sex>uri://ed-fi.org/SexDescriptor#Female</Sex>"
                                + "<Race>uri://ed-fi.org/RaceDescriptor#White</Race>")
                + "<StudentSchoolAssociation><StudentReference><StudentIdentity><StudentUniqueId>D</StudentUniqueId>"
                + "</StudentIdentity></StudentReference><SchoolReference><SchoolIdentity><SchoolId>9</SchoolId>"
                + "</SchoolIdentity></SchoolReference><EntryDate>2021-08-23</EntryDate></StudentSchoolAssociation>"
                + "</InterchangeStudentEnrollment>";
        StringBuilder events = new StringBuilder("<InterchangeStudentAttendance xmlns=\"http://ed-fi.org/5.2.0\">");
        for (String student : List.of("A", "B", "C")) {
            events.append("<StudentSchoolAttendanceEvent><AttendanceEvent><EventDate>2021-09-01</EventDate>"
                    + "<AttendanceEventCategory>uri://ed-fi.org/AttendanceEventCategoryDescriptor#Unexcused Absence"
                    + "</AttendanceEventCategory></AttendanceEvent><StudentReference><StudentIdentity><StudentUniqueId>"
                    + student + "</StudentUniqueId></StudentIdentity></StudentReference><SchoolReference>"
                    + "<SchoolIdentity><SchoolId>9</SchoolId></SchoolIdentity></SchoolReference>"
                    + "</StudentSchoolAttendanceEvent>");
        }
        events.append("</InterchangeStudentAttendance>");
        EdFiResult result = EdFiReader.read(
                List.of(text("events.xml", events.toString()), text("seoa.xml", seoa), text("calendar.xml", calendar)));

        Map<String, Integer> nByGroup = result.aggregates().stream()
                .filter(a -> a.metric().equals(EdFiAggregate.CHRONIC_ABSENTEEISM))
                .peek(a -> assertThat(a.value()).isEqualTo(a.group().equals("ALL") ? 0.75 : 1.0))
                .peek(a -> assertThat(a.schoolYear()).isEqualTo(YEAR)) // Ed-Fi's 2022 is the year ending in 2022
                .collect(Collectors.toMap(EdFiAggregate::group, EdFiAggregate::n));
        assertThat(nByGroup)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ALL",
                        4,
                        "HISPANIC",
                        1,
                        "EL",
                        1,
                        "SWD",
                        1,
                        "ECON",
                        1,
                        "NOT_ECON",
                        2,
                        "MULTI",
                        1,
                        "WHITE",
                        1,
                        "FEMALE",
                        1));
    }

    private static String association(String student, String body) {
        return "<StudentEducationOrganizationAssociation><StudentReference><StudentIdentity><StudentUniqueId>" + student
                + "</StudentUniqueId></StudentIdentity></StudentReference>" + body
                + "</StudentEducationOrganizationAssociation>";
    }

    @Test
    void twoHundredThousandEventsStreamInBoundedMemory() {
        // 10,000 students x 20 events = 200,000 events generated on the fly, never held as a whole: even students
        // are absent on 20 distinct days (>= 16.9 of 169: chronic), odd ones tardy 20 times (present).
        // chronic = 5,000 / 10,000 = 0.5; attendance = 1 - 5,000 x 20 / (10,000 x 169) = 1 - 100,000/1,690,000
        int students = 10_000;
        int perStudent = 20;
        String calendar = "<InterchangeEducationOrgCalendar xmlns=\"http://ed-fi.org/5.2.0\">"
                + "<Session><SessionName>Year</SessionName><SchoolYear>2021-2022</SchoolYear>"
                + "<BeginDate>2021-08-23</BeginDate><EndDate>2022-05-27</EndDate>"
                + "<TotalInstructionalDays>169</TotalInstructionalDays>"
                + "<SchoolReference><SchoolIdentity><SchoolId>9</SchoolId></SchoolIdentity></SchoolReference>"
                + "</Session></InterchangeEducationOrgCalendar>";
        EdFiSource events = new EdFiSource("large.xml", () -> generated(students, perStudent));
        EdFiResult result = EdFiReader.read(List.of(text("calendar.xml", calendar), events));

        EdFiFileSummary read = result.files().get(1);
        assertThat(read.records()).isEqualTo(students * perStudent);
        assertThat(read.students()).isEqualTo(students);
        EdFiAggregate chronic = result.aggregates().stream()
                .filter(a -> a.metric().equals(EdFiAggregate.CHRONIC_ABSENTEEISM))
                .findFirst()
                .orElseThrow();
        assertThat(chronic.n()).isEqualTo(students);
        assertThat(chronic.value()).isCloseTo(0.5, within(1e-9));
        assertThat(chronic.schoolName()).isEqualTo("9");
        assertThat(result.aggregates().stream()
                        .filter(a -> a.metric().equals(EdFiAggregate.ATTENDANCE_RATE))
                        .findFirst()
                        .orElseThrow()
                        .value())
                .isCloseTo(1 - 100_000 / 1_690_000.0, within(1e-9));
    }

    /** A stream that writes each event only when the parser asks for it. */
    private static InputStream generated(int students, int perStudent) {
        LocalDate start = LocalDate.of(2021, 8, 23);
        Enumeration<InputStream> parts = new Enumeration<>() {
            int i = -1; // -1: the root's start; students x perStudent events; then the root's end
            final int last = students * perStudent;

            @Override
            public boolean hasMoreElements() {
                return i <= last;
            }

            @Override
            public InputStream nextElement() {
                if (i > last) {
                    throw new NoSuchElementException();
                }
                String chunk;
                if (i == -1) {
                    chunk = "<InterchangeStudentAttendance xmlns=\"http://ed-fi.org/5.2.0\">";
                } else if (i == last) {
                    chunk = "</InterchangeStudentAttendance>";
                } else {
                    int student = i / perStudent;
                    String category = student % 2 == 0 ? "Excused Absence" : "Tardy";
                    chunk = "<StudentSchoolAttendanceEvent><AttendanceEvent><EventDate>"
                            + start.plusDays(i % perStudent) + "</EventDate><AttendanceEventCategory>"
                            + "uri://ed-fi.org/AttendanceEventCategoryDescriptor#" + category
                            + "</AttendanceEventCategory><EventDuration>1</EventDuration></AttendanceEvent>"
                            + "<StudentReference><StudentIdentity><StudentUniqueId>S" + student
                            + "</StudentUniqueId></StudentIdentity></StudentReference>"
                            + "<SchoolReference><SchoolIdentity><SchoolId>9</SchoolId></SchoolIdentity>"
                            + "</SchoolReference><SessionReference><SessionIdentity><SessionName>Year</SessionName>"
                            + "<SchoolYear>2021-2022</SchoolYear></SessionIdentity></SessionReference>"
                            + "</StudentSchoolAttendanceEvent>\n";
                }
                i++;
                return new ByteArrayInputStream(chunk.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    private static EdFiAggregate find(String metric, String school, String group, String grade, String subject) {
        List<EdFiAggregate> found = new ArrayList<>();
        for (EdFiAggregate a : sample.aggregates()) {
            if (a.metric().equals(metric)
                    && a.schoolId().equals(school)
                    && a.group().equals(group)
                    && java.util.Objects.equals(a.grade(), grade)
                    && java.util.Objects.equals(a.subject(), subject)) {
                found.add(a);
            }
        }
        assertThat(found)
                .as(metric + " " + school + " " + group + " " + grade + " " + subject)
                .hasSize(1);
        return found.get(0);
    }

    private static EdFiSource resource(String name) {
        return new EdFiSource(name.substring(name.lastIndexOf('/') + 1), () -> {
            InputStream in = EdFiReaderTest.class.getResourceAsStream(SAMPLE + name);
            if (in == null) {
                throw new java.io.FileNotFoundException(SAMPLE + name);
            }
            return in;
        });
    }

    private static EdFiSource text(String name, String xml) {
        return new EdFiSource(name, () -> new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
