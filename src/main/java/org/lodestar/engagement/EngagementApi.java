package org.lodestar.engagement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.engagement.domain.OpenComments;
import org.springframework.stereotype.Service;

/**
 * The engagement module's facade: conversations, surveys, comments and themes. Every method is bound to a district;
 * comments are personal data, so callers check the reader is a planner or an admin.
 */
@Service
public class EngagementApi {

    private final OpenComments comments;

    EngagementApi(OpenComments comments) {
        this.comments = comments;
    }

    /** The given comments of the district, hidden ones included. */
    public List<OpenComment> comments(UUID districtId, Collection<UUID> commentIds) {
        return comments.byIds(districtId, commentIds);
    }

    // --- conversations (helper conversations adds below this line) ---

    // --- surveys (helper surveys adds below this line) ---

    // --- themes and "you said, we did" (helper themes adds below this line) ---
}
