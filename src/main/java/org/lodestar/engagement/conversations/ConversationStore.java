package org.lodestar.engagement.conversations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.OpenComment;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.Consultation.Audience;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staged conversations of needs assessments: their stages (each held as a session), attendance, what was heard and
 * what was decided. Every statement is bound to a district; every change checks who may make it first and is audited
 * (type "Conversation", within nothing: a conversation belongs to no plan). Who may read or change a conversation: the
 * district's planners and admins, and for a school's assessment that school's leaders.
 */
@Service
@Transactional
public class ConversationStore {

    /** The most stages a conversation holds, the most notes a session, the most metrics a data pack. */
    static final int MAX_STAGES = 12;

    static final int MAX_ENTRIES = 2000;
    static final int MAX_METRICS = 40;

    private static final String SESSION_COLUMNS = """
            id, conversation_id, position, stage, title, online, held_at, place, audiences, areas, metric_ids,
             attendance_recorded, version""";

    private final JdbcClient jdbc;
    private final NeedsApi needs;
    private final PlanningApi planning;
    private final OpenComments comments;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    ConversationStore(
            JdbcClient jdbc,
            NeedsApi needs,
            PlanningApi planning,
            OpenComments comments,
            ApplicationEventPublisher events,
            MessageSource messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.needs = needs;
        this.planning = planning;
        this.comments = comments;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** A conversation of an assessment. */
    public record Conversation(UUID id, UUID assessmentId, int version) {}

    /**
     * A stage of a conversation, held as one session.
     *
     * @param stage the stage's name ("Present the data")
     * @param title what the session is called for those invited ("Family night"), or null
     * @param heldAt when it is held (local time of the district), or null while not planned
     * @param place where, or for an online session its link
     * @param attendanceRecorded whether it is held: attendance was recorded, so it is no longer moved or removed
     */
    public record Session(
            UUID id,
            UUID conversationId,
            int position,
            String stage,
            String title,
            boolean online,
            LocalDateTime heldAt,
            String place,
            List<Audience> audiences,
            List<CnaArea> areas,
            List<UUID> metricIds,
            boolean attendanceRecorded,
            int version) {

        /** The session's name: its title, or its stage's name when it has none. */
        public String name() {
            return title == null || title.isBlank() ? stage : title;
        }

        public LocalDate heldOn() {
            return heldAt == null ? null : heldAt.toLocalDate();
        }
    }

    /** What a session heard: a note, an idea or a comment heard, attached to needs. */
    public record Entry(UUID id, UUID sessionId, Kind kind, String text, List<UUID> needIds, UUID commentId) {}

    /** The kinds of what a session heard. */
    public enum Kind {
        NOTE,
        IDEA,
        COMMENT
    }

    /** A decision of a session and the plan item it became or changed. */
    public record Decision(
            UUID id,
            UUID sessionId,
            String text,
            String decidedBy,
            LocalDate decidedOn,
            Outcome outcome,
            UUID itemId,
            String change) {}

    /** What a decision became: a new action under a goal, or a change to an existing goal or action. */
    public enum Outcome {
        NEW_ACTION,
        LINKED
    }

    /** A new or changed session's fields, as a planner gives them. */
    public record SessionChange(
            String stage,
            String title,
            boolean online,
            LocalDateTime heldAt,
            String place,
            List<Audience> audiences,
            List<CnaArea> areas,
            List<UUID> metricIds) {}

    // --- reading ---

    /** The assessment, if the person may work on its conversation; 404 when not the district's, 403 when not theirs. */
    @Transactional(readOnly = true)
    public Assessment assessment(SignedInUser user, UUID assessmentId) {
        Assessment assessment = needs.assessment(user.districtId(), assessmentId)
                .orElseThrow(() -> new NotFoundException("assessment"));
        ForbiddenException.unless(mayWork(user, assessment));
        return assessment;
    }

    /** Whether the person may read and change the conversation of the assessment. */
    static boolean mayWork(SignedInUser user, Assessment assessment) {
        return assessment.schoolId() == null ? user.canPlanForDistrict() : user.canLeadSchool(assessment.schoolId());
    }

    @Transactional(readOnly = true)
    public Optional<Conversation> ofAssessment(UUID districtId, UUID assessmentId) {
        return jdbc.sql(
                        "select id, assessment_id, version from conversation where district_id = ? and assessment_id = ?")
                .params(districtId, assessmentId)
                .query((rs, row) -> new Conversation(
                        rs.getObject("id", UUID.class),
                        rs.getObject("assessment_id", UUID.class),
                        rs.getInt("version")))
                .optional();
    }

    /** The assessment a conversation of the district belongs to. */
    @Transactional(readOnly = true)
    public Optional<UUID> assessmentIdOf(UUID districtId, UUID conversationId) {
        return jdbc.sql("select assessment_id from conversation where district_id = ? and id = ?")
                .params(districtId, conversationId)
                .query(UUID.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<Session> sessions(UUID districtId, UUID conversationId) {
        return jdbc.sql("select " + SESSION_COLUMNS
                        + " from conversation_session where district_id = ? and conversation_id = ? order by position")
                .params(districtId, conversationId)
                .query(ConversationStore::session)
                .list();
    }

    /** A session with its conversation's assessment, if the person may work on it. */
    @Transactional(readOnly = true)
    public Placed session(SignedInUser user, UUID sessionId) {
        Session session = jdbc.sql(
                        "select " + SESSION_COLUMNS + " from conversation_session where district_id = ? and id = ?")
                .params(user.districtId(), sessionId)
                .query(ConversationStore::session)
                .optional()
                .orElseThrow(() -> new NotFoundException("session"));
        UUID assessmentId = jdbc.sql("select assessment_id from conversation where district_id = ? and id = ?")
                .params(user.districtId(), session.conversationId())
                .query(UUID.class)
                .single();
        return new Placed(session, assessment(user, assessmentId));
    }

    /** A session and the assessment its conversation belongs to. */
    public record Placed(Session session, Assessment assessment) {}

    @Transactional(readOnly = true)
    public Map<Audience, Integer> attendance(UUID districtId, UUID sessionId) {
        Map<Audience, Integer> counts = new EnumMap<>(Audience.class);
        jdbc.sql("select audience, attendees from conversation_attendance where district_id = ? and session_id = ?")
                .params(districtId, sessionId)
                .query(rs -> {
                    counts.put(Audience.valueOf(rs.getString("audience")), rs.getInt("attendees"));
                });
        return counts;
    }

    /** Attendance of each session of a conversation: session, audience, count. */
    @Transactional(readOnly = true)
    public Map<UUID, Map<Audience, Integer>> attendanceOf(UUID districtId, UUID conversationId) {
        Map<UUID, Map<Audience, Integer>> all = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.session_id, a.audience, a.attendees from conversation_attendance a
                          join conversation_session s on s.district_id = a.district_id and s.id = a.session_id
                         where a.district_id = ? and s.conversation_id = ?""").params(districtId, conversationId).query(rs -> {
            all.computeIfAbsent(rs.getObject("session_id", UUID.class), id -> new EnumMap<>(Audience.class))
                    .put(Audience.valueOf(rs.getString("audience")), rs.getInt("attendees"));
        });
        return all;
    }

    @Transactional(readOnly = true)
    public List<Entry> entries(UUID districtId, UUID sessionId) {
        return jdbc.sql("""
                        select id, session_id, kind, text, need_ids, comment_id from conversation_entry
                         where district_id = ? and session_id = ? order by created_at, id""")
                .params(districtId, sessionId)
                .query((rs, row) -> new Entry(
                        rs.getObject("id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("text"),
                        uuids(rs.getArray("need_ids")),
                        rs.getObject("comment_id", UUID.class)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Decision> decisions(UUID districtId, UUID sessionId) {
        return jdbc.sql(
                        "select " + DECISION_COLUMNS
                                + " from conversation_decision where district_id = ? and session_id = ? order by decided_on, created_at")
                .params(districtId, sessionId)
                .query(ConversationStore::decision)
                .list();
    }

    private static final String DECISION_COLUMNS =
            "id, session_id, text, decided_by, decided_on, outcome, item_id, change";

    /** Decisions that became or changed the given plan items, with the session they were taken at. */
    @Transactional(readOnly = true)
    public List<DecisionAt> decisionsAbout(UUID districtId, Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select d.id, d.session_id, d.text, d.decided_by, d.decided_on, d.outcome, d.item_id, d.change,
                               s.stage, s.title, s.held_at
                          from conversation_decision d
                          join conversation_session s on s.district_id = d.district_id and s.id = d.session_id
                         where d.district_id = ? and d.item_id = any(?::uuid[]) order by d.decided_on, d.created_at""")
                .params(districtId, itemIds.toArray(UUID[]::new))
                .query((rs, row) -> {
                    Timestamp held = rs.getTimestamp("held_at");
                    return new DecisionAt(
                            decision(rs, row),
                            rs.getString("stage"),
                            rs.getString("title"),
                            held == null ? null : held.toLocalDateTime().toLocalDate());
                })
                .list();
    }

    /** A decision and the session it was taken at. */
    public record DecisionAt(Decision decision, String stage, String title, LocalDate heldOn) {}

    // --- changing ---

    /**
     * Starts the conversation of an assessment with the default stages (present the data, talk about ideas, decide),
     * named in the person's language; returns the conversation (the one that exists when it was started already).
     */
    public Conversation start(SignedInUser user, UUID assessmentId, Locale locale) {
        Assessment assessment = assessment(user, assessmentId);
        Optional<Conversation> existing = ofAssessment(user.districtId(), assessmentId);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into conversation (district_id, id, assessment_id, created_by, created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(user.districtId(), id, assessmentId, user.email(), Timestamp.from(now()))
                .update();
        Conversation made = ofAssessment(user.districtId(), assessmentId).orElseThrow();
        if (!made.id().equals(id)) {
            return made;
        }
        int position = 0;
        for (String key :
                List.of("conversation.stage.present", "conversation.stage.ideas", "conversation.stage.decide")) {
            insertSession(
                    user.districtId(),
                    id,
                    position++,
                    new SessionChange(
                            messages.getMessage(key, null, locale),
                            null,
                            false,
                            null,
                            null,
                            List.of(),
                            List.of(),
                            List.of()));
        }
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                "Conversation",
                id,
                assessment.title(),
                Map.of("conversation.field.assessment", AuditValue.text(assessment.title()))));
        return made;
    }

    /** Adds a stage at the end; returns its id. */
    public UUID addSession(SignedInUser user, UUID conversationId, SessionChange change) {
        Conversation conversation = conversation(user, conversationId);
        int count = sessions(user.districtId(), conversation.id()).size();
        if (count >= MAX_STAGES) {
            throw new IllegalStateException("too many stages");
        }
        UUID id = insertSession(user.districtId(), conversation.id(), count, change);
        audit(user, id, change.stage(), Map.of(), Map.of("conversation.field.stage", AuditValue.text(change.stage())));
        return id;
    }

    /** Changes a session read at {@code version}; refused when someone saved it since. */
    public void changeSession(SignedInUser user, UUID sessionId, SessionChange change, int version) {
        Session before = session(user, sessionId).session();
        checkMetrics(user.districtId(), change.metricIds());
        int updated = jdbc.sql("""
                        update conversation_session set stage = ?, title = ?, online = ?, held_at = ?, place = ?,
                            audiences = ?, areas = ?, metric_ids = ?::uuid[], version = version + 1
                         where district_id = ? and id = ? and version = ?""")
                .params(
                        change.stage(),
                        blankToNull(change.title()),
                        change.online(),
                        change.heldAt() == null ? null : Timestamp.valueOf(change.heldAt()),
                        blankToNull(change.place()),
                        names(change.audiences()),
                        names(change.areas()),
                        change.metricIds().toArray(UUID[]::new),
                        user.districtId(),
                        sessionId,
                        version)
                .update();
        EditConflictException.unlessSaved(updated, "session");
        audit(
                user,
                sessionId,
                change.stage(),
                Map.of("conversation.field.session", summary(before)),
                Map.of(
                        "conversation.field.session",
                        AuditValue.list(
                                AuditValue.text(change.stage()),
                                AuditValue.text(
                                        change.heldAt() == null
                                                ? ""
                                                : change.heldAt().toString()),
                                AuditValue.text(change.place() == null ? "" : change.place()))));
    }

    /** Moves a stage one place up (-1) or down (+1); a held stage stays where it is. */
    public boolean move(SignedInUser user, UUID sessionId, int by, int version) {
        Session session = session(user, sessionId).session();
        List<Session> all = sessions(user.districtId(), session.conversationId());
        int to = session.position() + by;
        if (to < 0 || to >= all.size()) {
            return false;
        }
        Session other = all.get(to);
        if (session.attendanceRecorded() || other.attendanceRecorded()) {
            return false;
        }
        int updated =
                jdbc.sql("""
                        update conversation_session set position = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""").params(to, user.districtId(), sessionId, version).update();
        EditConflictException.unlessSaved(updated, "session");
        jdbc.sql("update conversation_session set position = ? where district_id = ? and id = ?")
                .params(session.position(), user.districtId(), other.id())
                .update();
        audit(
                user,
                sessionId,
                session.stage(),
                Map.of("conversation.field.position", AuditValue.number(session.position() + 1)),
                Map.of("conversation.field.position", AuditValue.number(to + 1)));
        return true;
    }

    /** Removes a stage that is not held yet and has nothing recorded; says whether it did. */
    public boolean remove(SignedInUser user, UUID sessionId, int version) {
        Session session = session(user, sessionId).session();
        if (session.attendanceRecorded()
                || !entries(user.districtId(), sessionId).isEmpty()
                || !decisions(user.districtId(), sessionId).isEmpty()) {
            return false;
        }
        int deleted = jdbc.sql("delete from conversation_session where district_id = ? and id = ? and version = ?")
                .params(user.districtId(), sessionId, version)
                .update();
        EditConflictException.unlessSaved(deleted, "session");
        jdbc.sql("""
                        update conversation_session set position = position - 1
                         where district_id = ? and conversation_id = ? and position > ?""")
                .params(user.districtId(), session.conversationId(), session.position())
                .update();
        events.publishEvent(AuditableChange.deleted(
                user.districtId(),
                user.email(),
                "Conversation",
                session.conversationId(),
                session.stage(),
                Map.of("conversation.field.session", summary(session))));
        return true;
    }

    /** Records how many of each audience came (an audience left out came with nobody counted); marks it held. */
    public void recordAttendance(SignedInUser user, UUID sessionId, Map<Audience, Integer> counts, int version) {
        Session session = session(user, sessionId).session();
        int updated =
                jdbc.sql("""
                        update conversation_session set attendance_recorded = true, version = version + 1
                         where district_id = ? and id = ? and version = ?""").params(user.districtId(), sessionId, version).update();
        EditConflictException.unlessSaved(updated, "session");
        Map<Audience, Integer> before = attendance(user.districtId(), sessionId);
        jdbc.sql("delete from conversation_attendance where district_id = ? and session_id = ?")
                .params(user.districtId(), sessionId)
                .update();
        counts.forEach((audience, n) -> {
            if (n != null) {
                jdbc.sql("""
                                insert into conversation_attendance (district_id, session_id, audience, attendees)
                                values (?, ?, ?, ?)""")
                        .params(user.districtId(), sessionId, audience.name(), n)
                        .update();
            }
        });
        audit(
                user,
                sessionId,
                session.stage(),
                Map.of("conversation.field.attendance", AuditValue.text(before.toString())),
                Map.of("conversation.field.attendance", AuditValue.text(counts.toString())));
    }

    /**
     * Records what a session heard, attached to needs of the assessment; a comment heard is kept also as an open
     * comment of the session (for themes), in the given language and from the given audience (null: unknown).
     */
    public UUID addEntry(
            SignedInUser user,
            UUID sessionId,
            Kind kind,
            String text,
            List<UUID> needIds,
            Audience audience,
            String lang) {
        Placed placed = session(user, sessionId);
        List<UUID> known = needs.needs(user.districtId(), placed.assessment().id()).stream()
                .map(need -> need.id())
                .toList();
        if (!known.containsAll(needIds)) {
            throw new NotFoundException("need");
        }
        Integer count = jdbc.sql("select count(*) from conversation_entry where district_id = ? and session_id = ?")
                .params(user.districtId(), sessionId)
                .query(Integer.class)
                .single();
        if (count >= MAX_ENTRIES) {
            throw new IllegalStateException("too many notes");
        }
        Instant now = now();
        UUID commentId = null;
        if (kind == Kind.COMMENT) {
            commentId = Ids.next();
            comments.add(
                    user.districtId(),
                    List.of(new OpenComment(
                            commentId,
                            CommentSource.SESSION,
                            sessionId,
                            audience,
                            "es".equals(lang) ? "es" : "en",
                            text,
                            false,
                            now)));
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into conversation_entry (district_id, id, session_id, kind, text, need_ids, comment_id,
                            created_by, created_at)
                        values (?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?)""")
                .params(
                        user.districtId(),
                        id,
                        sessionId,
                        kind.name(),
                        text,
                        needIds.stream().distinct().toArray(UUID[]::new),
                        commentId,
                        user.email(),
                        Timestamp.from(now))
                .update();
        audit(
                user,
                sessionId,
                placed.session().stage(),
                Map.of(),
                Map.of(
                        "conversation.field.entry",
                        AuditValue.list(AuditValue.choice("conversation.kind.", kind), AuditValue.text(text))));
        return id;
    }

    /**
     * Records a decision that becomes a new action under a goal (added through planning, as the person, so only under
     * a goal of a plan they may edit); returns the new action's id.
     */
    public UUID decideNewAction(
            SignedInUser user,
            UUID sessionId,
            String text,
            String decidedBy,
            LocalDate decidedOn,
            UUID goalId,
            String actionTitle) {
        Placed placed = session(user, sessionId);
        UUID actionId = planning.addStrategy(user, goalId, actionTitle, null);
        insertDecision(user, placed.session(), text, decidedBy, decidedOn, Outcome.NEW_ACTION, actionId, null);
        return actionId;
    }

    /** Records a decision that changes an existing goal or action of the district, the change said in words. */
    public UUID decideChange(
            SignedInUser user,
            UUID sessionId,
            String text,
            String decidedBy,
            LocalDate decidedOn,
            UUID itemId,
            String change) {
        Placed placed = session(user, sessionId);
        if (planning.goal(user.districtId(), itemId).isEmpty()
                && planning.strategy(user.districtId(), itemId).isEmpty()) {
            throw new NotFoundException("item");
        }
        return insertDecision(user, placed.session(), text, decidedBy, decidedOn, Outcome.LINKED, itemId, change);
    }

    private UUID insertDecision(
            SignedInUser user,
            Session session,
            String text,
            String decidedBy,
            LocalDate decidedOn,
            Outcome outcome,
            UUID itemId,
            String change) {
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into conversation_decision (district_id, id, session_id, text, decided_by, decided_on,
                            outcome, item_id, change, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        user.districtId(),
                        id,
                        session.id(),
                        text,
                        decidedBy,
                        decidedOn,
                        outcome.name(),
                        itemId,
                        blankToNull(change),
                        user.email(),
                        Timestamp.from(now()))
                .update();
        audit(
                user,
                session.id(),
                session.stage(),
                Map.of(),
                Map.of(
                        "conversation.field.decision",
                        AuditValue.list(
                                AuditValue.text(text), AuditValue.text(decidedBy), AuditValue.date(decidedOn))));
        return id;
    }

    // --- helpers ---

    /** Now, or the past time the demo loader enters a change at (see {@link org.lodestar.shared.RecordedTime}). */
    private Instant now() {
        Instant now = clock.instant();
        return org.lodestar.shared.RecordedTime.claimed()
                .filter(at -> !at.isAfter(now))
                .orElse(now);
    }

    private Conversation conversation(SignedInUser user, UUID conversationId) {
        Conversation conversation = jdbc.sql(
                        "select id, assessment_id, version from conversation where district_id = ? and id = ?")
                .params(user.districtId(), conversationId)
                .query((rs, row) -> new Conversation(
                        rs.getObject("id", UUID.class),
                        rs.getObject("assessment_id", UUID.class),
                        rs.getInt("version")))
                .optional()
                .orElseThrow(() -> new NotFoundException("conversation"));
        assessment(user, conversation.assessmentId());
        return conversation;
    }

    private UUID insertSession(UUID districtId, UUID conversationId, int position, SessionChange change) {
        checkMetrics(districtId, change.metricIds());
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into conversation_session (district_id, id, conversation_id, position, stage, title,
                            online, held_at, place, audiences, areas, metric_ids)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[])""")
                .params(
                        districtId,
                        id,
                        conversationId,
                        position,
                        change.stage(),
                        blankToNull(change.title()),
                        change.online(),
                        change.heldAt() == null ? null : Timestamp.valueOf(change.heldAt()),
                        blankToNull(change.place()),
                        names(change.audiences()),
                        names(change.areas()),
                        change.metricIds().toArray(UUID[]::new))
                .update();
        return id;
    }

    private void checkMetrics(UUID districtId, List<UUID> metricIds) {
        if (metricIds.size() > MAX_METRICS) {
            throw new IllegalStateException("too many metrics");
        }
        List<UUID> known = needs.metrics(districtId).stream().map(m -> m.id()).toList();
        if (!known.containsAll(metricIds)) {
            throw new NotFoundException("metric");
        }
    }

    private void audit(
            SignedInUser user, UUID sessionId, String summary, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(AuditableChange.updated(
                user.districtId(), user.email(), "ConversationSession", sessionId, summary, before, after));
    }

    private static AuditValue summary(Session session) {
        return AuditValue.list(
                AuditValue.text(session.stage()),
                AuditValue.text(session.heldAt() == null ? "" : session.heldAt().toString()),
                AuditValue.text(session.place() == null ? "" : session.place()));
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).distinct().toArray(String[]::new);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static Session session(ResultSet rs, int row) throws SQLException {
        Timestamp held = rs.getTimestamp("held_at");
        return new Session(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                rs.getInt("position"),
                rs.getString("stage"),
                rs.getString("title"),
                rs.getBoolean("online"),
                held == null ? null : held.toLocalDateTime(),
                rs.getString("place"),
                Arrays.stream((String[]) rs.getArray("audiences").getArray())
                        .map(Audience::valueOf)
                        .toList(),
                Arrays.stream((String[]) rs.getArray("areas").getArray())
                        .map(CnaArea::valueOf)
                        .toList(),
                uuids(rs.getArray("metric_ids")),
                rs.getBoolean("attendance_recorded"),
                rs.getInt("version"));
    }

    private static Decision decision(ResultSet rs, int row) throws SQLException {
        return new Decision(
                rs.getObject("id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getString("text"),
                rs.getString("decided_by"),
                rs.getObject("decided_on", LocalDate.class),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getObject("item_id", UUID.class),
                rs.getString("change"));
    }
}
