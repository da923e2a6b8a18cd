package org.lodestar.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A consultation of stakeholders on a plan: when it was held, whom it reached, how many took part and what was heard;
 * what a required plan's document lists under "stakeholders consulted".
 *
 * @param participants how many took part, or null when nobody counted
 * @param recordedBy the e-mail of who recorded it
 */
public record Consultation(
        UUID id,
        UUID planId,
        LocalDate heldOn,
        List<Audience> audiences,
        Integer participants,
        String summary,
        String recordedBy) {

    public Consultation {
        audiences = List.copyOf(audiences);
    }

    /** Whom a consultation reached, as the federal guidance names a plan's stakeholders. */
    public enum Audience {
        TEACHERS,
        STAFF,
        FAMILIES,
        STUDENTS,
        COMMUNITY,
        ADMINISTRATORS
    }
}
