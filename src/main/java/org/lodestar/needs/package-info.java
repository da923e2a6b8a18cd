/**
 * Needs assessment: the data behind a comprehensive needs assessment (CNA), gaps, trends and prioritized needs. So far
 * only the Spring-free reading of Ed-Fi interchanges into aggregates ({@code edfi}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.lodestar.needs;
