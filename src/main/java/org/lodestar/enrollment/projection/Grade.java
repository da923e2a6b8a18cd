package org.lodestar.enrollment.projection;

import java.util.Locale;

/** Grades from pre-kindergarten to twelfth, in the order students move through them. */
public enum Grade {
    PK,
    K,
    G1,
    G2,
    G3,
    G4,
    G5,
    G6,
    G7,
    G8,
    G9,
    G10,
    G11,
    G12;

    /** values() copies the array on every call, and next() and previous() are called for every count read. */
    private static final Grade[] VALUES = values();

    /** Reads PK, K, 1-12 (also "01", "G1", "KG"). */
    public static Grade parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (value.equals("KG") || value.equals("K")) {
            return K;
        }
        if (value.equals("PK") || value.equals("PREK")) {
            return PK;
        }
        if (value.startsWith("G")) {
            value = value.substring(1);
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= 12) {
                return VALUES[number + 1];
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("Not a grade (PK, K or 1-12): " + text);
    }

    public Grade next() {
        return this == G12 ? null : VALUES[ordinal() + 1];
    }

    public Grade previous() {
        return this == PK ? null : VALUES[ordinal() - 1];
    }

    /** As people write it: PK, K, 1 ... 12. */
    public String label() {
        return ordinal() < 2 ? name() : String.valueOf(ordinal() - 1);
    }
}
