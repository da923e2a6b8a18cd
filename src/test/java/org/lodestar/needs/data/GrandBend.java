package org.lodestar.needs.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A test district whose three schools carry Grand Bend ISD's Ed-Fi school ids as state ids, with the student groups
 * the sample's synthetic association file uses, and a planner ({@link #PLANNER}) and a viewer; made once and reused.
 */
public final class GrandBend {

    public static final String PLANNER = "planner@grandbend.example";
    public static final String VIEWER = "viewer@grandbend.example";
    public static final String HIGH = "255901001";
    public static final String MIDDLE = "255901044";
    public static final String ELEMENTARY = "255901107";

    /** The sample files EdFiReaderTest reads (the 6.1 enrollment excerpt left out). */
    public static final List<String> FILES = List.of(
            "StudentSchoolAttendance.xml",
            "StudentAssessment-StateAssessment.xml",
            "EducationOrganization.xml",
            "EducationOrgCalendar.xml",
            "Student.xml",
            "AssessmentMetadata-StateAssessment.xml",
            "AttendanceEventCategoryDescriptor.xml",
            "synthetic/StudentEducationOrganizationAssociation.SYNTHETIC.xml");

    private GrandBend() {}

    public static synchronized UUID district(JdbcClient jdbc, PasswordEncoder passwords) {
        return jdbc.sql("select id from district where slug = 'grand-bend'")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> create(jdbc, passwords));
    }

    private static UUID create(JdbcClient jdbc, PasswordEncoder passwords) {
        UUID id = Ids.next();
        jdbc.sql("insert into district (id, name, slug) values (?, 'Grand Bend ISD', 'grand-bend')")
                .param(id)
                .update();
        String[][] groups = {
            {"ALL", "All students", "Todos los estudiantes", "ALL"},
            {"ECON", "Economically disadvantaged", "En desventaja económica", "ECON"},
            {"NOT_ECON", "Not economically disadvantaged", "Sin desventaja económica", "ECON"},
            {"EL", "English learners", "Estudiantes de inglés", "EL"},
            {"SWD", "Students with disabilities", "Estudiantes con discapacidades", "SWD"}
        };
        for (int i = 0; i < groups.length; i++) {
            jdbc.sql("""
                            insert into student_group (district_id, code, name_en, name_es, family, position)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(id, groups[i][0], groups[i][1], groups[i][2], groups[i][3], i)
                    .update();
        }
        String[][] schools = {
            {"Grand Bend High School", HIGH, "HIGH", "9", "12"},
            {"Grand Bend Middle School", MIDDLE, "MIDDLE", "6", "8"},
            {"Grand Bend Elementary School", ELEMENTARY, "ELEMENTARY", "1", "5"}
        };
        for (String[] s : schools) {
            jdbc.sql("""
                            insert into school (district_id, id, name, state_id, level, lowest_grade, highest_grade)
                            values (?, ?, ?, ?, ?, ?, ?)""").params(id, Ids.next(), s[0], s[1], s[2], s[3], s[4]).update();
        }
        person(jdbc, passwords, id, PLANNER, "PLANNER");
        person(jdbc, passwords, id, VIEWER, "VIEWER");
        return id;
    }

    private static void person(JdbcClient jdbc, PasswordEncoder passwords, UUID district, String email, String role) {
        UUID user = Ids.next();
        jdbc.sql("insert into app_user (district_id, id, email, display_name, password_hash) values (?, ?, ?, ?, ?)")
                .params(district, user, email, email, passwords.encode("lodestar-demo"))
                .update();
        jdbc.sql("insert into role_grant (district_id, id, user_id, role, school_id) values (?, ?, ?, ?, ?)")
                .params(district, Ids.next(), user, role, null)
                .update();
    }

    /** The sample's files as uploads of the Ed-Fi form's field {@code files}. */
    public static List<MockMultipartFile> uploads() throws IOException {
        List<MockMultipartFile> files = new ArrayList<>();
        for (String name : FILES) {
            try (InputStream in = GrandBend.class.getResourceAsStream("/needs/edfi/grand-bend-isd/" + name)) {
                files.add(new MockMultipartFile(
                        "files", name.substring(name.lastIndexOf('/') + 1), "application/xml", in.readAllBytes()));
            }
        }
        return files;
    }
}
