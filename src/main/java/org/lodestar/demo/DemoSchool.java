package org.lodestar.demo;

import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SchoolLevel;

/** A school of the demo: its grades, and how many students it was built for (its enrollment is about 90% of that). */
record DemoSchool(UUID id, String name, SchoolLevel level, String lowestGrade, String highestGrade, int capacity) {

    static final List<String> GRADES =
            List.of("PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    int lowest() {
        return GRADES.indexOf(lowestGrade);
    }

    int highest() {
        return GRADES.indexOf(highestGrade);
    }

    /**
     * About how many students a value counts here: those of {@code grades} grades (0: every grade), or a {@code share}
     * of them; a whole number, never below one.
     */
    int students(int grades, double share) {
        int served = highest() - lowest() + 1;
        double perGrade = capacity * 0.9 / served;
        return (int) Math.max(1, Math.round(perGrade * (grades == 0 ? served : Math.min(grades, served)) * share));
    }
}
