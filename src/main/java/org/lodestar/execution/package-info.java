/**
 * Carrying out plans: projects under strategies, with their status and due date (tasks, milestones, check-ins and
 * reminders come next). Projects hang under planning's strategies and show in planning's tree through
 * {@link org.lodestar.planning.ProjectSource}, so planning never depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory", "planning", "measures"})
package org.lodestar.execution;
