package org.lodestar.engagement;

import java.time.Instant;
import java.util.UUID;
import org.lodestar.planning.Consultation;

/**
 * An open comment of a stakeholder. Personal data: shown only to planners and admins.
 *
 * @param sourceId the survey, session or paste batch it came from
 * @param audience who wrote it, or null when unknown
 * @param language {@code en} or {@code es}
 * @param hidden whether a moderator hid it (e.g. it names a student); a hidden comment is kept but shown to nobody
 */
public record OpenComment(
        UUID id,
        CommentSource source,
        UUID sourceId,
        Consultation.Audience audience,
        String language,
        String text,
        boolean hidden,
        Instant createdAt) {}
