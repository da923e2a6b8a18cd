package org.lodestar.directory;

import java.time.Instant;

/** One sign-in attempt on a person's address, as an admin reads it. */
public record SignInRecord(Instant at, String displayName, String email, String clientAddress, String outcome) {}
