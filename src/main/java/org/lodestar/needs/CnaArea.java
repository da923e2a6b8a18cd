package org.lodestar.needs;

/** The areas a comprehensive needs assessment covers, as the federal guidance groups them. */
public enum CnaArea {
    STUDENT_ACHIEVEMENT,
    ATTENDANCE_AND_BEHAVIOR,
    CLIMATE_AND_SAFETY,
    FAMILY_ENGAGEMENT,
    STAFF_QUALITY,
    CURRICULUM_AND_INSTRUCTION,
    TECHNOLOGY,
    ENROLLMENT
}
