package org.lodestar.execution.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written iCalendar: CRLF lines, folding at 75 octets (never inside a character), escaped text. */
class ICalendarTest {

    @Test
    void linesAreFoldedAt75OctetsAndTextIsEscaped() {
        String title = "Año escolar; plan, \"metas\" \\ revisión\nsegunda línea " + "ñ".repeat(60);
        String feed = ICalendar.write(
                "Mi trabajo",
                Instant.parse("2026-11-30T10:15:00Z"),
                List.of(new ICalendar.Event("task-1@lodestar", LocalDate.of(2027, 1, 31), title, null)));

        assertThat(feed).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(feed.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : feed.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = feed.replace("\r\n ", "");
        assertThat(unfolded)
                .contains("DTSTAMP:20261130T101500Z\r\n", "DTSTART;VALUE=DATE:20270131\r\n")
                .contains("DTEND;VALUE=DATE:20270201\r\n", "UID:task-1@lodestar\r\n")
                .contains("SUMMARY:Año escolar\\; plan\\, \"metas\" \\\\ revisión\\nsegunda línea " + "ñ".repeat(60)
                        + "\r\n");
    }
}
