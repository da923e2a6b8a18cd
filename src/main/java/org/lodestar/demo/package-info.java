/** The demo district loaded on a first start with an empty database, marked as sample data. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "directory", "planning", "execution", "measures"})
package org.lodestar.demo;
