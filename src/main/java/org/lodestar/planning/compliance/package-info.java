/**
 * Required plans as data: a compliance framework (Title I schoolwide, Title IV-A, a Texas campus plan...) is a versioned
 * list of components read from a JSON file, and the funding rules a plan's costs are checked against. Plain Java, no
 * Spring: the loader and the rules are tested on their own. Other modules may read these types (a framework's document
 * is built from them), so the package is one of planning's published interfaces.
 */
@org.springframework.modulith.NamedInterface("compliance")
package org.lodestar.planning.compliance;
