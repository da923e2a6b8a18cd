package org.lodestar.platform.audit;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Person;
import org.lodestar.directory.School;
import org.lodestar.directory.StudentGroup;
import org.lodestar.platform.audit.AuditLog.AuditEntry;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.LocalizedNumbers;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Words recorded changes in the reader's language: who (by name), what happened to which item, and each field that
 * changed with its values in words. People, schools and groups are named when read, so the audit log needs no module
 * but the directory. Rows written before fields were typed ({@link AuditValue}) are worded as well as they allow:
 * plain field names looked up as labels, ids replaced by the names they stand for.
 */
@Component
class HistoryWording {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final MessageSource messages;
    private final DirectoryApi directory;

    HistoryWording(MessageSource messages, DirectoryApi directory) {
        this.messages = messages;
        this.directory = directory;
    }

    /**
     * A change as read: when, a sentence naming who did what to which item, and one line per field worth reading.
     */
    record HistoryLine(String when, String sentence, List<String> fields) {}

    List<HistoryLine> word(UUID districtId, List<AuditEntry> entries, Locale locale) {
        Reader reader = new Reader(districtId, locale);
        return entries.stream().map(reader::line).toList();
    }

    /** One page's wording: the district's names, read once, and the reader's language. */
    private final class Reader {

        private final Locale locale;
        private final Map<String, String> peopleByEmail;
        private final Map<UUID, String> people;
        private final Map<UUID, School> schools;
        private final Map<String, StudentGroup> groups;
        private final DateTimeFormatter when;

        Reader(UUID districtId, Locale locale) {
            this.locale = locale;
            List<Person> everyone = directory.people(districtId);
            this.peopleByEmail = everyone.stream()
                    .collect(Collectors.toMap(
                            person -> person.email().toLowerCase(Locale.ROOT), Person::displayName, (a, b) -> a));
            this.people = directory.namesById(districtId);
            this.schools = directory.schoolsById(districtId);
            this.groups = directory.studentGroups(districtId).stream()
                    .collect(Collectors.toMap(StudentGroup::code, group -> group, (a, b) -> a));
            this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale)
                    .withZone(ZoneId.systemDefault());
        }

        HistoryLine line(AuditEntry entry) {
            String actor = peopleByEmail.getOrDefault(entry.actor().toLowerCase(Locale.ROOT), entry.actor());
            String item = message("history.type." + entry.entityType(), entry.entityType());
            // a change to a whole (a district's enrollment) names no item
            String name = entry.summary().isBlank() ? "" : quoted(withNames(entry.summary()));
            String sentence = message("history.action." + entry.action(), entry.action(), actor, item, name)
                    .strip();
            return new HistoryLine(when.format(entry.at()), sentence, fields(entry));
        }

        /**
         * Created and deleted items list what they held; an update lists only the fields it changed. The database keeps
         * no order of fields, so they are listed by their labels.
         */
        private List<String> fields(AuditEntry entry) {
            List<String> lines = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>(entry.before().propertyNames());
            names.addAll(entry.after().propertyNames());
            Collator byLabel = Collator.getInstance(locale);
            List<String> ordered = names.stream()
                    .sorted(Comparator.comparing(this::label, byLabel))
                    .toList();
            for (String name : ordered) {
                JsonNode before = entry.before().get(name);
                JsonNode after = entry.after().get(name);
                String label = label(name);
                if (before == null) {
                    lines.add(message("history.change.is", label, label, value(after, 0)));
                } else if (after == null) {
                    lines.add(message(
                            entry.action().equals("UPDATED") ? "history.change.gone" : "history.change.is",
                            label,
                            label,
                            value(before, 0)));
                } else if (!before.equals(after)) {
                    lines.add(message("history.change.from", label, label, value(before, 0), value(after, 0)));
                }
            }
            return lines;
        }

        /** Field names are message keys; older rows have plain names, most of which have a label too. */
        private String label(String name) {
            return name.contains(".") ? message(name, name) : message("history.field." + name, name);
        }

        private String value(JsonNode node, int depth) {
            if (node == null || node.isNull()) {
                return message("history.value.none", "-");
            }
            if (node.isObject() && node.has("kind") && node.has("parts")) {
                return typed(node, depth);
            }
            if (node.isString()) {
                String text = node.asString();
                return text.equals("null") ? message("history.value.none", "-") : quoted(withNames(text));
            }
            if (node.isNumber()) {
                return LocalizedNumbers.format(node.decimalValue(), locale);
            }
            if (node.isBoolean()) {
                return yesNo(node.asBoolean());
            }
            List<String> parts = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(part -> parts.add(value(part, depth + 1)));
            } else {
                node.properties()
                        .forEach(field ->
                                parts.add(withNames(field.getKey()) + " " + value(field.getValue(), depth + 1)));
            }
            return String.join(separator(depth), parts);
        }

        private String typed(JsonNode node, int depth) {
            AuditValue.Kind kind = AuditValue.Kind.valueOf(node.get("kind").asString());
            if (kind == AuditValue.Kind.LIST) {
                List<String> parts = new ArrayList<>();
                node.get("parts").forEach(part -> parts.add(value(part, depth + 1)));
                return parts.isEmpty() ? message("history.value.none", "-") : String.join(separator(depth), parts);
            }
            JsonNode raw = node.get("value");
            if (raw == null || raw.isNull()) {
                return kind == AuditValue.Kind.PERSON
                        ? message("history.value.nobody", "-")
                        : message("history.value.none", "-");
            }
            String value = raw.asString();
            return switch (kind) {
                case TEXT -> quoted(value);
                case PERSON ->
                    person(UUID.fromString(value)).orElseGet(() -> message("history.value.formerPerson", ""));
                case SCHOOL ->
                    school(UUID.fromString(value)).orElseGet(() -> message("history.value.formerSchool", ""));
                case GROUP ->
                    Optional.ofNullable(groups.get(value))
                            .map(group -> group.name(locale))
                            .orElse(value);
                case CHOICE -> message(value, value);
                case NUMBER -> LocalizedNumbers.format(new BigDecimal(value), locale);
                case DATE ->
                    LocalDate.parse(value)
                            .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                    .withLocale(locale));
                case YES_NO -> yesNo(Boolean.parseBoolean(value));
                case SCHOOL_YEAR -> SchoolYear.of(Integer.parseInt(value)).toString();
                case LIST -> throw new IllegalStateException("lists are worded above");
            };
        }

        /** Lists of lists (a person's roles, each a role and a school) separate their levels differently. */
        private static String separator(int depth) {
            return depth == 0 ? "; " : " – ";
        }

        private Optional<String> person(UUID id) {
            return Optional.ofNullable(people.get(id));
        }

        private Optional<String> school(UUID id) {
            return Optional.ofNullable(schools.get(id)).map(School::name);
        }

        /** Ids in text of an older row (an owner, a role's school) read as the person or school they stand for. */
        private String withNames(String text) {
            if (text == null) {
                return "";
            }
            return UUID_SHAPE.matcher(text).replaceAll(match -> {
                UUID id = UUID.fromString(match.group());
                return java.util.regex.Matcher.quoteReplacement(
                        person(id).or(() -> school(id)).orElseGet(() -> message("history.value.otherItem", "")));
            });
        }

        private String yesNo(boolean yes) {
            return message(yes ? "history.value.yes" : "history.value.no", String.valueOf(yes));
        }

        private String quoted(String text) {
            return message("history.quoted", text, text);
        }

        private String message(String key, String fallback, Object... arguments) {
            return messages.getMessage(key, arguments, fallback, locale);
        }
    }
}
