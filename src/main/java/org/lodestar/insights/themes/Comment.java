package org.lodestar.insights.themes;

/**
 * One open comment to group: its id (unique among the comments grouped together), its text, and optionally where it
 * came from (a survey, a session) and who wrote it (parents, staff, students...), both null when unknown.
 */
public record Comment(String id, String text, String source, String audience) {

    public Comment(String id, String text) {
        this(id, text, null, null);
    }
}
