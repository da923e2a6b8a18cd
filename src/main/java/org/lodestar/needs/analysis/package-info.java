/**
 * The statistics of a needs assessment, free of Spring: gaps (a group against all students and against the best
 * group, a school against the district, anything against a state value), whether a change over the years is more than
 * noise (a two-proportion test between the first and the last year, a least-squares slope with its interval), and the
 * ranking of gaps into candidate needs. Built on Hipparchus; nothing here is hand-rolled statistics.
 */
package org.lodestar.needs.analysis;
