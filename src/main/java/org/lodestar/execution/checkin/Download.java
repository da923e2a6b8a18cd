package org.lodestar.execution.checkin;

/** An evidence file to send back as an attachment, with the type it was stored with. */
public record Download(String name, String contentType, byte[] bytes) {}
