/**
 * Needs assessment: the data behind a comprehensive needs assessment (CNA) by area, metric, school, student group and
 * school year, loaded from CSV, XLSX or Ed-Fi interchanges ({@code edfi}, Spring-free); gaps and trends; candidate and
 * confirmed needs with root causes, linked to the goals and actions that answer them. It reads plan items through
 * planning's API to link needs to them (measures, which it feeds, already sits above planning), and shows them on
 * plan pages through planning's {@code ItemContextSource}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory", "measures", "planning"})
package org.lodestar.needs;
