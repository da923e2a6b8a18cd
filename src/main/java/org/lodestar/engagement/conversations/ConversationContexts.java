package org.lodestar.engagement.conversations;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lodestar.planning.ItemContext;
import org.lodestar.planning.ItemContextSource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells planning which goals and actions came from a conversation's decision, so their pages say where they came from
 * ("Decided at: Family night 12 Mar 2026 (Decide)"), linked to the session, in the reader's language.
 */
@Component
class ConversationContexts implements ItemContextSource {

    private final ConversationStore conversations;
    private final MessageSource messages;

    ConversationContexts(ConversationStore conversations, MessageSource messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    public List<ItemContext> about(UUID districtId, Collection<UUID> itemIds) {
        Locale locale = LocaleContextHolder.getLocale();
        return conversations.decisionsAbout(districtId, itemIds).stream()
                .map(at -> new ItemContext(
                        at.decision().itemId(),
                        ItemContext.Kind.CONVERSATION,
                        label(at, locale),
                        "/conversations/sessions/" + at.decision().sessionId()))
                .toList();
    }

    private String label(ConversationStore.DecisionAt at, Locale locale) {
        String name = at.title() == null || at.title().isBlank() ? at.stage() : at.title();
        java.time.LocalDate on = at.heldOn() == null ? at.decision().decidedOn() : at.heldOn();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(on);
        String key = at.decision().outcome() == ConversationStore.Outcome.NEW_ACTION
                ? "conversation.context.added"
                : "conversation.context.changed";
        String label = messages.getMessage(key, new Object[] {name, date, at.stage()}, locale);
        return at.decision().change() == null
                ? label
                : label + " — " + at.decision().change();
    }
}
