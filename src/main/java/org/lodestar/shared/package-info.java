/**
 * The tiny kernel every module may use: school years, ids, small-n suppression, auditable changes, and the one bounded
 * reader of uploaded tables with the import-problem type every importer reports with ({@code tabular}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.lodestar.shared;
