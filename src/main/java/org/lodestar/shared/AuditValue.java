package org.lodestar.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One field's value in an {@link AuditableChange}, typed so that the history can word it in the reader's language
 * long after the change: people, schools and student groups are kept by id or code and named when read (a renamed
 * school reads with its name of today), choices by the message key of their text, numbers and dates unformatted.
 *
 * @param value the text, id, code, message key, plain number, ISO date, {@code true}/{@code false} or a school year's
 *     start year; null for none
 * @param parts the values of a {@link Kind#LIST}, empty otherwise
 */
public record AuditValue(Kind kind, String value, List<AuditValue> parts) {

    public enum Kind {
        TEXT,
        PERSON,
        SCHOOL,
        GROUP,
        CHOICE,
        NUMBER,
        DATE,
        YES_NO,
        SCHOOL_YEAR,
        LIST
    }

    public AuditValue {
        parts = List.copyOf(parts);
    }

    /** Words as the person typed them (titles, names, addresses): shown as they are. */
    public static AuditValue text(String text) {
        return new AuditValue(Kind.TEXT, text, List.of());
    }

    /** A person of the district (null: nobody). */
    public static AuditValue person(UUID personId) {
        return new AuditValue(Kind.PERSON, personId == null ? null : personId.toString(), List.of());
    }

    public static AuditValue school(UUID schoolId) {
        return new AuditValue(Kind.SCHOOL, schoolId == null ? null : schoolId.toString(), List.of());
    }

    /** A student group by its code. */
    public static AuditValue group(String code) {
        return new AuditValue(Kind.GROUP, code, List.of());
    }

    /** A value from a closed list, named by the message key of its text. */
    public static AuditValue choice(String messageKey) {
        return new AuditValue(Kind.CHOICE, messageKey, List.of());
    }

    /** An enum's value, whose text is the message key {@code prefix + value.name()} (as the templates write it). */
    public static AuditValue choice(String prefix, Enum<?> value) {
        return choice(value == null ? null : prefix + value.name());
    }

    public static AuditValue number(BigDecimal number) {
        return new AuditValue(Kind.NUMBER, number == null ? null : number.toPlainString(), List.of());
    }

    public static AuditValue number(Integer number) {
        return new AuditValue(Kind.NUMBER, number == null ? null : number.toString(), List.of());
    }

    public static AuditValue date(LocalDate date) {
        return new AuditValue(Kind.DATE, date == null ? null : date.toString(), List.of());
    }

    public static AuditValue yesNo(boolean yes) {
        return new AuditValue(Kind.YES_NO, Boolean.toString(yes), List.of());
    }

    /** Values read together, e.g. a role and its school, or every target of a KPI. */
    public static AuditValue list(List<AuditValue> parts) {
        return new AuditValue(Kind.LIST, null, parts);
    }

    public static AuditValue list(AuditValue... parts) {
        return list(List.of(parts));
    }

    /** A school year by the calendar year it starts in. */
    public static AuditValue schoolYear(int startYear) {
        return new AuditValue(Kind.SCHOOL_YEAR, Integer.toString(startYear), List.of());
    }
}
