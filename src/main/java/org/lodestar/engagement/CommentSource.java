package org.lodestar.engagement;

/** Where an open comment came from. */
public enum CommentSource {
    /** an open-text answer to a survey */
    SURVEY,
    /** a note taken at a conversation's session */
    SESSION,
    /** pasted by a planner, e.g. from e-mails or another tool */
    PASTED
}
