package org.lodestar.planning.raci;

/** A letter of a RACI chart; a person may hold several on one action. */
public enum RaciRole {
    /** Does the work. */
    RESPONSIBLE,
    /** Answers for the action: exactly one per action. */
    ACCOUNTABLE,
    /** Asked before decisions. */
    CONSULTED,
    /** Told of progress. */
    INFORMED;

    /** The chart's letter: R, A, C or I. */
    public String letter() {
        return name().substring(0, 1);
    }

    /** The roles of a string of letters ("RA"); unknown letters are ignored. */
    public static java.util.EnumSet<RaciRole> ofLetters(String letters) {
        java.util.EnumSet<RaciRole> roles = java.util.EnumSet.noneOf(RaciRole.class);
        for (RaciRole role : values()) {
            if (letters != null && letters.toUpperCase(java.util.Locale.ROOT).contains(role.letter())) {
                roles.add(role);
            }
        }
        return roles;
    }
}
