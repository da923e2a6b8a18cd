/**
 * Insights: meaning of plain text by an in-process sentence-embedding model (no network, no external service), and
 * what follows from it: which texts say the same thing (duplicate actions today; alignment suggestions and themes
 * next). It knows nothing of plans: callers hand it ids and texts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.lodestar.insights;
