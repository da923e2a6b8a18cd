package org.lodestar.directory.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.District;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.directory.StudentGroup;
import org.lodestar.directory.TierNames;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a district with its first administrator and the student groups that federal reporting uses (ESSA
 * subgroups), which the district can rename later. This is how an installation without the demo gets its first user.
 */
@Service
public class DistrictSetup {

    /** Code, English name, Spanish name, family: groups of one family together make up all students. */
    static final List<String[]> STANDARD_GROUPS = List.of(
            new String[] {"ALL", "All students", "Todos los estudiantes", "ALL"},
            new String[] {"ECON", "Economically disadvantaged", "En desventaja económica", "ECON"},
            new String[] {"NOT_ECON", "Not economically disadvantaged", "Sin desventaja económica", "ECON"},
            new String[] {"EL", "English learners", "Estudiantes de inglés", "EL"},
            new String[] {"SWD", "Students with disabilities", "Estudiantes con discapacidades", "SWD"},
            new String[] {"ASIAN", "Asian", "Asiático", "RACE"},
            new String[] {"BLACK", "Black or African American", "Negro o afroamericano", "RACE"},
            new String[] {"HISPANIC", "Hispanic or Latino", "Hispano o latino", "RACE"},
            new String[] {"NATIVE", "American Indian or Alaska Native", "Indígena americano o nativo de Alaska", "RACE"
            },
            new String[] {
                "PACIFIC", "Native Hawaiian or Pacific Islander", "Nativo de Hawái o de las islas del Pacífico", "RACE"
            },
            new String[] {"MULTI", "Two or more races", "Dos o más razas", "RACE"},
            new String[] {"WHITE", "White", "Blanco", "RACE"});

    private final JdbcClient jdbc;
    private final DistrictStore districts;
    private final PersonStore people;
    private final StudentGroupStore groups;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    DistrictSetup(
            JdbcClient jdbc,
            DistrictStore districts,
            PersonStore people,
            StudentGroupStore groups,
            PasswordEncoder passwords,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.districts = districts;
        this.people = people;
        this.groups = groups;
        this.passwords = passwords;
        this.events = events;
    }

    /** Whether this installation still has no district, the only time the set-up page is open. */
    public boolean needed() {
        return jdbc.sql("select count(*) from district").query(Integer.class).single() == 0;
    }

    public boolean slugTaken(String slug) {
        return districts.findBySlug(slug).isPresent();
    }

    /** A district with the standard ESSA groups and its first administrator; returns the district's id. */
    @Transactional
    public UUID create(String name, String slug, String adminName, String adminEmail, String password) {
        List<StudentGroup> standard = new java.util.ArrayList<>();
        for (int i = 0; i < STANDARD_GROUPS.size(); i++) {
            String[] group = STANDARD_GROUPS.get(i);
            standard.add(new StudentGroup(group[0], group[1], group[2], group[3], i));
        }
        return create(name, slug, false, standard, adminName, adminEmail, password);
    }

    /**
     * A district with the given student groups and its first administrator; {@code sampleData} marks the demo, whose
     * pages say so.
     */
    @Transactional
    public UUID create(
            String name,
            String slug,
            boolean sampleData,
            List<StudentGroup> studentGroups,
            String adminName,
            String adminEmail,
            String password) {
        UUID id = Ids.next();
        districts.insert(new District(
                id,
                name,
                slug,
                sampleData,
                TierNames.ENGLISH,
                TierNames.SPANISH,
                7,
                10,
                new BigDecimal("5"),
                "en",
                "USD",
                0));
        studentGroups.forEach(group -> groups.insert(id, group));
        UUID admin = Ids.next();
        people.save(
                id,
                new Person(
                        admin,
                        adminEmail.strip(),
                        adminName.strip(),
                        true,
                        List.of(new Grant(Role.DISTRICT_ADMIN, null)),
                        0));
        people.setPasswordHash(id, admin, passwords.encode(password));
        events.publishEvent(AuditableChange.created(
                id,
                adminEmail,
                "District",
                id,
                name,
                java.util.Map.of(
                        "history.field.name", AuditValue.text(name), "history.field.slug", AuditValue.text(slug))));
        return id;
    }
}
