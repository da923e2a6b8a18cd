package org.lodestar.execution.checkin;

/** A file as it was sent: its name and its bytes (at most {@link EvidenceRule#MAX_BYTES}, read within that bound). */
public record Upload(String name, byte[] bytes, boolean tooLarge) {}
