/** Strategic and school plans: goals, outcomes, strategies, projects and the alignment of school goals. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory", "insights"})
package org.lodestar.planning;
