package org.lodestar.needs;

/**
 * Work of another module on an assessment, listed on the assessment's page: its staged conversation, a survey. The
 * label and detail are in the reader's language; the detail may be empty.
 */
public record AssessmentWork(String label, String detail, String href) {}
