package org.lodestar.engagement.conversations;

import java.util.List;
import java.util.Locale;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.conversations.ConversationStore.Session;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.AssessmentWork;
import org.lodestar.needs.AssessmentWorkSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells an assessment's page of its staged conversation: how many stages and how many held, or that none is planned
 * yet, linking to the conversation's page either way. Whoever reads the assessment may work on its conversation.
 */
@Component
class ConversationWork implements AssessmentWorkSource {

    private final ConversationStore conversations;
    private final MessageSource messages;

    ConversationWork(ConversationStore conversations, MessageSource messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    public List<AssessmentWork> about(SignedInUser reader, Assessment assessment, Locale locale) {
        String href = "/needs/assessments/" + assessment.id() + "/conversation";
        String label = messages.getMessage("assessmentWork.conversation", null, locale);
        String detail = conversations
                .ofAssessment(reader.districtId(), assessment.id())
                .map(c -> conversations.sessions(reader.districtId(), c.id()))
                .map(sessions -> messages.getMessage(
                        "assessmentWork.conversation.stages",
                        new Object[] {
                            sessions.size(),
                            sessions.stream()
                                    .filter(Session::attendanceRecorded)
                                    .count()
                        },
                        locale))
                .orElseGet(() -> messages.getMessage("assessmentWork.conversation.none", null, locale));
        return List.of(new AssessmentWork(label, detail, href));
    }
}
