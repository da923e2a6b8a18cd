/**
 * RACI per action and the leadership view built on it: who is Responsible, Accountable, Consulted and Informed for each
 * action (a strategy of a plan), and who is accountable for what, by person and by school. Exactly one Accountable per
 * action is the rule; an action with none or several is flagged, not refused, since plans are drafted in stages. The
 * demo loader assigns the sample district's charts through {@link org.lodestar.planning.raci.ActionRacis}, so the
 * package is one of planning's published interfaces.
 */
@org.springframework.modulith.NamedInterface("raci")
package org.lodestar.planning.raci;
