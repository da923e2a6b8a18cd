package org.lodestar.engagement;

/** The kinds of survey question. */
public enum SurveyQuestionKind {
    /** five points from "strongly disagree" to "strongly agree", labels fixed in English and Spanish */
    LIKERT,
    /** one of the question's options */
    SINGLE,
    /** any of the question's options */
    MULTIPLE,
    /** a number on a scale of 1 to 5 or 0 to 10 */
    RATING,
    /** free text, kept as an open comment */
    OPEN
}
