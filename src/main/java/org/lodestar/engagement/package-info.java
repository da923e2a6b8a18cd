/**
 * Stakeholder engagement: staged conversations of a needs assessment (sessions, audiences, data packs, notes, ideas
 * and decisions), surveys with a public link, open comments grouped into themes, and the public "you said, we did"
 * page. It reads needs and their data through the needs module's API (for data packs and to link themes to needs), and
 * tells planning and needs what it links to their items through their source interfaces.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "directory", "planning", "insights", "needs"})
package org.lodestar.engagement;
