package org.lodestar.directory;

public enum SchoolLevel {
    ELEMENTARY,
    MIDDLE,
    HIGH,
    OTHER
}
