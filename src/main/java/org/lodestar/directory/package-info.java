/** Districts (tenants), schools, people, role grants, API tokens and student groups. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.lodestar.directory;
