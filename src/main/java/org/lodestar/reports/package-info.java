/** The public scorecard and, later, board reports and exports. Nothing depends on it. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory", "planning", "measures"})
package org.lodestar.reports;
