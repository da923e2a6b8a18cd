package org.lodestar.needs.analysis;

/** The order grades are shown in: all grades (""), PK, K, 1 to 12, then anything else. */
public final class Grades {

    private Grades() {}

    /** A key that sorts grades in school order. */
    public static String order(String grade) {
        return switch (grade) {
            case "" -> "00";
            case "PK" -> "01";
            case "K" -> "02";
            default -> grade.matches("\\d{1,2}") ? String.format("%02d", 2 + Integer.parseInt(grade)) : "99" + grade;
        };
    }
}
