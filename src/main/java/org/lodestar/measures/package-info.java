/** KPIs, targets, measurements, status rules, scorecards and measurement imports. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory", "planning"})
package org.lodestar.measures;
