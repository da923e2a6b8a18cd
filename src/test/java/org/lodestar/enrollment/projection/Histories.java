package org.lodestar.enrollment.projection;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The shared real histories copied into test resources (see each folder's PROVENANCE.md). */
final class Histories {

    private Histories() {}

    static EnrollmentHistory connecticut() throws Exception {
        return read("/enrollment/connecticut/school_grade_2007_2016.csv");
    }

    static EnrollmentHistory chicago() throws Exception {
        return read("/enrollment/chicago/school_grade_2005_2015.csv");
    }

    private static EnrollmentHistory read(String resource) throws Exception {
        try (var in = Histories.class.getResourceAsStream(resource)) {
            return EnrollmentCsv.readHistory(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
