package org.lodestar.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.planning.Consultation;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Open comments are kept as written, read by their source and by id within their district only, and hidden on demand. */
@LodestarTest
class OpenCommentsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OpenComments comments;

    @Test
    void commentsAreReadBackBySourceAndIdInTheirDistrictOnlyAndAModeratorHidesOne() {
        UUID district = fixtures.demoDistrict();
        UUID source = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T18:00:00Z");
        OpenComment first = new OpenComment(
                UUID.randomUUID(),
                CommentSource.PASTED,
                source,
                Consultation.Audience.FAMILIES,
                "es",
                "El autobús llega tarde",
                false,
                at);
        OpenComment second = new OpenComment(
                UUID.randomUUID(),
                CommentSource.PASTED,
                source,
                null,
                "en",
                "More tutoring after school",
                false,
                at.plusSeconds(60));
        comments.add(district, List.of(first, second));

        assertThat(comments.ofSource(district, CommentSource.PASTED, source)).containsExactly(first, second);
        assertThat(comments.ofSource(district, CommentSource.SURVEY, source)).isEmpty();
        assertThat(comments.byIds(district, List.of(second.id()))).containsExactly(second);
        UUID otherDistrict = UUID.randomUUID();
        assertThat(comments.byIds(otherDistrict, List.of(first.id(), second.id())))
                .isEmpty();
        assertThat(comments.setHidden(otherDistrict, first.id(), true, "moderator@other.example"))
                .isFalse();

        assertThat(comments.setHidden(district, first.id(), true, "planner@lakeview.example"))
                .isTrue();
        assertThat(comments.byIds(district, List.of(first.id())))
                .singleElement()
                .extracting(OpenComment::hidden)
                .isEqualTo(true);
    }
}
