/**
 * Carrying out plans: projects under strategies, with their status and due date; check-ins on actions, projects and
 * KPIs with evidence files ({@code checkin}); update requests on a cadence, reminders, escalations, the weekly digest and
 * freshness ({@code updates}); the mail outbox and its sender ({@code mail}). Projects hang under planning's strategies and show in planning's tree through
 * {@link org.lodestar.planning.ProjectSource}, so planning never depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory", "planning", "measures"})
package org.lodestar.execution;
