/** Security, the embedded database, language, layout, error pages and the audit log. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory"})
package org.lodestar.platform;
