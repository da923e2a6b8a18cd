package org.lodestar.reports;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.reports.BriefingContent.Section;
import org.lodestar.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Briefing books made off the request thread: a request is recorded (waiting), one worker makes the books in turn,
 * counting its steps (each goal read, then the writing) so the page shows progress, and keeps the finished file in the
 * database, where any node serves it. Books older than a day are dropped when a new one is asked for.
 */
@Service
class BriefingBooks {

    /** Books waiting at most; more are refused until some are made (a person clicking twenty times gets one turn). */
    static final int MAX_WAITING = 20;

    private static final Logger log = LoggerFactory.getLogger(BriefingBooks.class);
    private static final Duration KEPT = Duration.ofDays(1);

    enum Format {
        PDF,
        XLSX
    }

    enum Status {
        WAITING,
        WORKING,
        DONE,
        FAILED
    }

    /** Where a book stands: {@code stepsDone} of {@code steps}. */
    record Progress(UUID id, UUID planId, Format format, int schoolYear, Status status, int stepsDone, int steps) {

        public int percent() {
            return steps == 0 ? 0 : Math.min(100, stepsDone * 100 / steps);
        }
    }

    /** Too many books wait already: the person is asked to try again in a minute. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("too many briefing books waiting", null, false, false);
        }
    }

    record File(byte[] content, Format format, String planTitle, int schoolYear) {}

    private final JdbcClient jdbc;
    private final PlanningApi planning;
    private final BriefingContent content;
    private final BriefingDocuments documents;
    private final Clock clock;
    private final ExecutorService worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(MAX_WAITING), runnable -> {
                Thread thread = new Thread(runnable, "briefing-book");
                thread.setDaemon(true);
                return thread;
            });

    BriefingBooks(
            JdbcClient jdbc, PlanningApi planning, BriefingContent content, BriefingDocuments documents, Clock clock) {
        this.jdbc = jdbc;
        this.planning = planning;
        this.content = content;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Asks for a book of a plan of the person's district (another district's plan is not found); returns its id. The
     * school year must be one of the plan's.
     */
    UUID request(SignedInUser user, UUID planId, int schoolYear, List<Section> sections, Format format, Locale locale) {
        PlanSummary plan = planning.plan(user.districtId(), planId);
        if (schoolYear < plan.firstYear() || schoolYear > plan.lastYear() || sections.isEmpty()) {
            throw new IllegalArgumentException("a school year of the plan and at least one section");
        }
        jdbc.sql("delete from briefing_book where requested_at < ?")
                .param(OffsetDateTime.now(clock).minus(KEPT))
                .update();
        UUID id = Ids.next();
        String language = "es".equals(locale.getLanguage()) ? "es" : "en";
        jdbc.sql("""
                        insert into briefing_book (district_id, id, plan_id, requested_by, requested_at, format,
                            school_year, sections, language, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING')""")
                .params(
                        user.districtId(),
                        id,
                        planId,
                        user.email(),
                        OffsetDateTime.now(clock),
                        format.name(),
                        schoolYear,
                        sections.stream().map(Enum::name).toArray(String[]::new),
                        language)
                .update();
        try {
            worker.execute(() ->
                    make(user.districtId(), id, planId, schoolYear, sections, format, Locale.forLanguageTag(language)));
        } catch (RejectedExecutionException full) {
            steps(user.districtId(), id, Status.FAILED, 0, 0);
            throw new Busy();
        }
        return id;
    }

    Optional<Progress> progress(UUID districtId, UUID id) {
        return jdbc.sql("""
                        select id, plan_id, format, school_year, status, steps_done, steps from briefing_book
                         where district_id = ? and id = ?""")
                .params(districtId, id)
                .query((rs, row) -> new Progress(
                        rs.getObject("id", UUID.class),
                        rs.getObject("plan_id", UUID.class),
                        Format.valueOf(rs.getString("format")),
                        rs.getInt("school_year"),
                        Status.valueOf(rs.getString("status")),
                        rs.getInt("steps_done"),
                        rs.getInt("steps")))
                .optional();
    }

    /** The finished book, if it is finished and of the district. */
    Optional<File> file(UUID districtId, UUID id) {
        return jdbc.sql("""
                        select content, format, plan_id, school_year from briefing_book
                         where district_id = ? and id = ? and status = 'DONE'""")
                .params(districtId, id)
                .query((rs, row) -> new File(
                        rs.getBytes("content"),
                        Format.valueOf(rs.getString("format")),
                        planning.plan(districtId, rs.getObject("plan_id", UUID.class))
                                .title(),
                        rs.getInt("school_year")))
                .optional();
    }

    private void make(
            UUID districtId,
            UUID id,
            UUID planId,
            int schoolYear,
            List<Section> sections,
            Format format,
            Locale locale) {
        try {
            int goals = planning.nodesOfPlan(districtId, planId).goals().size();
            int steps = goals + 1; // each goal read, then the writing
            steps(districtId, id, Status.WORKING, 0, steps);
            BriefingContent.Book book = content.read(
                    districtId,
                    planId,
                    schoolYear,
                    sections,
                    locale.getLanguage(),
                    LocalDate.now(clock),
                    done -> steps(districtId, id, Status.WORKING, done, steps));
            byte[] file = format == Format.PDF ? documents.pdf(book, locale) : documents.xlsx(book, locale);
            jdbc.sql("""
                            update briefing_book set status = 'DONE', steps_done = steps, content = ?, finished_at = ?
                             where district_id = ? and id = ?""")
                    .params(file, OffsetDateTime.now(clock), districtId, id)
                    .update();
        } catch (RuntimeException failed) {
            log.error("Briefing book {} failed", id, failed);
            steps(districtId, id, Status.FAILED, 0, 0);
        }
    }

    private void steps(UUID districtId, UUID id, Status status, int done, int steps) {
        jdbc.sql("update briefing_book set status = ?, steps_done = ?, steps = ? where district_id = ? and id = ?")
                .params(status.name(), done, steps, districtId, id)
                .update();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
