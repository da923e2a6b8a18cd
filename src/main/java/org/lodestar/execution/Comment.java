package org.lodestar.execution;

import java.time.Instant;
import java.util.UUID;

/** A comment on a project, or on one of its tasks ({@code taskId} not null), kept as written. */
public record Comment(UUID id, UUID projectId, UUID taskId, UUID authorId, Instant writtenAt, String body) {}
