package org.lodestar.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lodestar.planning.Consultation;

/**
 * A response entered for a sample district (the demo), not through the public link.
 *
 * @param choices the closed answers by question position (0-based): the Likert point, the rating or the options'
 *     indexes
 * @param texts the open answers by question position
 */
public record SurveySampleResponse(
        Consultation.Audience audience,
        String language,
        Instant submittedAt,
        Map<Integer, List<Integer>> choices,
        Map<Integer, String> texts) {}
