package org.lodestar.execution.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar (RFC 5545) of all-day events by hand, since a feed of dated items needs only a few properties and
 * no library of its own: lines end in CRLF; TEXT values escape backslash, semicolon, comma and line breaks (section
 * 3.3.11); a line longer than 75 octets is folded (section 3.1) before the octet that would pass 75, never inside a
 * UTF-8 character, the continuation starting with one space; each event has a UID and a DTSTAMP (UTC) and its day as
 * DTSTART;VALUE=DATE with DTEND the day after (an all-day event, section 3.6.1). Plain, tested without Spring.
 */
final class ICalendar {

    /** An all-day event: {@code uid} stays the same from one fetch of the feed to the next. */
    record Event(String uid, LocalDate day, String summary, String description) {}

    static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {}

    static String write(String name, Instant stamp, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Lodestar//Calendar feed//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (Event event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(event.uid()));
            line(out, "DTSTAMP:" + STAMP.format(stamp));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(event.day()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(event.day().plusDays(1)));
            line(out, "SUMMARY:" + text(event.summary()));
            if (event.description() != null && !event.description().isBlank()) {
                line(out, "DESCRIPTION:" + text(event.description()));
            }
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value escaped (section 3.3.11). */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends a content line folded at 75 octets, CRLF-ended. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int codePoint = content.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.append(content, i, i + chars);
            octets += size;
            i += chars;
        }
        out.append(CRLF);
    }
}
