/** The tiny kernel every module may use: school years, ids, small-n suppression, auditable changes. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.lodestar.shared;
