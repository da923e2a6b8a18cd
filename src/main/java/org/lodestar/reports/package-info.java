/**
 * Views that read across modules: the public scorecard, the home pages after sign-in and, later, board reports and
 * exports. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "directory", "planning", "measures", "execution"})
package org.lodestar.reports;
