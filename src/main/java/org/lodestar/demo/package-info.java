/**
 * The demo district loaded on a first start with an empty database, marked as sample data, entered through each
 * module's API.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "directory",
            "planning",
            "planning :: compliance",
            "planning :: raci",
            "execution",
            "measures",
            "enrollment",
            "engagement",
            "needs" // issue 11: surveys
        })
package org.lodestar.demo;
