/** Enrollment history, forecasts with backtested accuracy, scenarios, staffing and capacity. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory"})
package org.lodestar.enrollment;
