package org.lodestar.engagement;

/** Where a survey stands: built (not answerable yet), open to answers until its closing date, or closed. */
public enum SurveyState {
    DRAFT,
    OPEN,
    CLOSED
}
