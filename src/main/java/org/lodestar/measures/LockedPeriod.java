package org.lodestar.measures;

import java.time.Instant;
import org.lodestar.shared.SchoolQuarter;

/** A quarter (or whole school year) of a KPI's values that is locked, since when and by whom (an e-mail address). */
public record LockedPeriod(SchoolQuarter quarter, Instant lockedAt, String lockedBy) {}
