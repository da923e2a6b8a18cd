package org.lodestar.needs.edfi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Ed-Fi Data Standard 5.x XML interchanges (namespace {@code http://ed-fi.org/5.x.y}) with StAX, one record at a
 * time, and hands each record to an {@link EdFiAggregator}, which reduces them to {@link EdFiAggregate}s. Files may be given in any order: each is first opened to see its
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
    private static final List<String> ORDER = List.of(
            "InterchangeEducationOrganization",
            "InterchangeEducationOrgCalendar",
            "InterchangeStudent",
            "InterchangeStudentEnrollment",
            "InterchangeAssessmentMetadata",
            "InterchangeStudentAttendance",
            "InterchangeStudentAssessment");

    private EdFiReader() {}

    public static EdFiResult read(List<EdFiSource> sources) {
        List<Peeked> files = new ArrayList<>();
        for (EdFiSource source : sources) {
            files.add(new Peeked(source, peek(source)));
        }
        files.sort(Comparator.comparingInt(p -> order(p.interchange())));
        EdFiAggregator aggregator = new EdFiAggregator();
        List<EdFiFileSummary> summaries = new ArrayList<>();
        for (Peeked file : files) {
            summaries.add(readFile(file.source(), file.interchange(), aggregator));
        }
        return new EdFiResult(aggregator.aggregates(), summaries, aggregator.students());
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

    /** Streams one file's records, one at a time, into the aggregator. */
    private static EdFiFileSummary readFile(EdFiSource source, String interchange, EdFiAggregator aggregator) {
        String file = source.name();
        EdFiAggregator.Counts counts = new EdFiAggregator.Counts();
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
                                aggregator.take(file, element, line, record, counts);
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
        aggregator.read(counts);
        return new EdFiFileSummary(
                file,
                interchange,
                counts.records,
                counts.students.size(),
                counts.skipped,
                counts.skippedWhy.isEmpty() ? "" : String.join("; ", counts.skippedWhy));
    }
}
