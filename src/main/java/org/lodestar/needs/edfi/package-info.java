/**
 * Reads Ed-Fi Data Standard 5.x XML interchanges as a stream and reduces their student-level records to aggregates
 * (attendance rate, chronic absenteeism, share at or above proficiency) by school and student group. Plain Java, no
 * Spring: the importer of the {@code needs} module calls {@link org.lodestar.needs.edfi.EdFiReader}.
 */
package org.lodestar.needs.edfi;
