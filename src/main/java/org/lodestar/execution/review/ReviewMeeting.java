package org.lodestar.execution.review;

import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.shared.SchoolQuarter;

/** The day a plan's quarterly review is talked through. */
public record ReviewMeeting(UUID reviewId, UUID planId, SchoolQuarter quarter, LocalDate on) {}
