package org.lodestar.enrollment;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.domain.EnrollmentImports;
import org.lodestar.enrollment.projection.Births;
import org.lodestar.enrollment.projection.Grade;
import org.springframework.stereotype.Service;

/** What other modules may ask of enrollment: recording counts and births as a planner would. */
@Service
public class EnrollmentApi {

    private final EnrollmentImports imports;

    EnrollmentApi(EnrollmentImports imports) {
        this.imports = imports;
    }

    /**
     * A fall count of one school and grade.
     *
     * @param year the fall year (2024 is 2024-25)
     * @param grade PK, K or 1-12
     */
    public record Count(UUID schoolId, int year, String grade, int students) {}

    /** Records counts (planners), replacing those of the same school, year and grade; all or none. */
    public void recordCounts(SignedInUser user, List<Count> counts) {
        imports.record(
                user,
                counts.stream()
                        .map(c -> new EnrollmentImports.Count(
                                c.schoolId(), c.year(), Grade.parse(c.grade()), c.students()))
                        .toList());
    }

    /** Records births by calendar year (planners); kindergarten five years later follows them. */
    public void recordBirths(SignedInUser user, Map<Integer, Integer> birthsByYear) {
        Births births = new Births();
        birthsByYear.forEach(births::put);
        imports.recordBirths(user, births);
    }
}
