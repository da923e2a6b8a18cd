package org.lodestar.enrollment.projection;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The real Eau Claire data (see src/test/resources/enrollment/eau-claire/PROVENANCE.md). */
final class EauClaire {

    private EauClaire() {}

    static EnrollmentHistory history() throws Exception {
        try (var in = EauClaire.class.getResourceAsStream("/enrollment/eau-claire/ecasd_school_grade_1998_2024.csv")) {
            return EnrollmentCsv.readHistory(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    static Births births() throws Exception {
        try (var in = EauClaire.class.getResourceAsStream("/enrollment/eau-claire/ecasd_births_1995_2019.csv")) {
            return EnrollmentCsv.readBirths(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
