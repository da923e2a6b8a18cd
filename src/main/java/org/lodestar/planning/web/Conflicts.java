package org.lodestar.planning.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.domain.TreeItem;
import org.lodestar.shared.EditConflict;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What a person typed beside what is saved now, in words they read (names, not ids), when their save met another. */
@Component
class Conflicts {

    private final DirectoryApi directory;
    private final MessageSource messages;

    Conflicts(DirectoryApi directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    EditConflict item(UUID districtId, TreeItem saved, TreeItem yours, boolean showPublished, Locale locale) {
        Map<UUID, String> names = directory.namesById(districtId);
        return EditConflict.between(
                item(yours, names, showPublished, locale), item(saved, names, showPublished, locale));
    }

    EditConflict plan(PlanSummary saved, PlanSummary yours, Locale locale) {
        return EditConflict.between(plan(yours, locale), plan(saved, locale));
    }

    private Map<String, String> item(TreeItem item, Map<UUID, String> names, boolean showPublished, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("plan.title", item.title());
        fields.put("plan.titleTranslated", item.titleTranslation());
        fields.put("plan.owner", item.ownerId() == null ? null : names.get(item.ownerId()));
        if (showPublished) {
            fields.put("plan.publish", text(item.published() ? "publishing.public" : "publishing.private", locale));
        }
        return fields;
    }

    private Map<String, String> plan(PlanSummary plan, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("plans.planTitle", plan.title());
        fields.put("plan.titleTranslated", plan.translation().title());
        fields.put("plans.years", plan.years());
        fields.put("plans.vision", plan.vision());
        fields.put("plans.mission", plan.mission());
        fields.put("plans.values", plan.coreValues());
        fields.put("plans.translated", translated(plan));
        fields.put("plans.status", text("plan.status." + plan.status(), locale));
        return fields;
    }

    /** The plan's translated vision, mission and values, in one line: a conflict shows them at once. */
    private static String translated(PlanSummary plan) {
        return java.util.stream.Stream.of(
                        plan.translation().vision(),
                        plan.translation().mission(),
                        plan.translation().coreValues())
                .map(text -> text == null ? "" : text)
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
