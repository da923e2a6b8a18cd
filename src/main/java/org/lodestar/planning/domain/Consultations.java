package org.lodestar.planning.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Consultation;
import org.lodestar.planning.PlanSummary;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stakeholders consulted on a plan, recorded by those who may edit it and read by anyone who may read it; a
 * consultation is recorded or removed, never changed in place, and each is audited in the plan's history.
 */
@Service
@Transactional
public class Consultations {

    private static final String SELECT = """
            select id, plan_id, held_on, audiences, participants, summary, recorded_by from plan_consultation
             where district_id = ?""";

    private final JdbcClient jdbc;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    Consultations(JdbcClient jdbc, PlanAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    /** A plan's consultations, the earliest first. */
    @Transactional(readOnly = true)
    public List<Consultation> of(UUID districtId, UUID planId) {
        return jdbc.sql(SELECT + " and plan_id = ? order by held_on, recorded_at")
                .params(districtId, planId)
                .query(Consultations::consultation)
                .list();
    }

    /** Records a consultation on a plan the person may edit; returns its id. */
    public UUID record(SignedInUser user, Consultation consultation) {
        PlanSummary plan = editable(user, consultation.planId());
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into plan_consultation
                            (district_id, id, plan_id, held_on, audiences, participants, summary, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        user.districtId(),
                        id,
                        plan.id(),
                        consultation.heldOn(),
                        consultation.audiences().stream().map(Enum::name).toArray(String[]::new),
                        consultation.participants(),
                        consultation.summary(),
                        user.email())
                .update();
        audit(user, plan, Map.of(), Map.of("consultation.field", value(consultation)));
        return id;
    }

    public void remove(SignedInUser user, UUID planId, UUID consultationId) {
        PlanSummary plan = editable(user, planId);
        Consultation removed = of(user.districtId(), planId).stream()
                .filter(consultation -> consultation.id().equals(consultationId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("consultation"));
        jdbc.sql("delete from plan_consultation where district_id = ? and id = ?")
                .params(user.districtId(), consultationId)
                .update();
        audit(user, plan, Map.of("consultation.field", value(removed)), Map.of());
    }

    private PlanSummary editable(SignedInUser user, UUID planId) {
        return access.editablePlan(user, planId);
    }

    private void audit(SignedInUser user, PlanSummary plan, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(
                AuditableChange.updated(user.districtId(), user.email(), "Plan", plan.id(), plan.title(), before, after)
                        .within(plan.id()));
    }

    private static AuditValue value(Consultation consultation) {
        return AuditValue.list(AuditValue.date(consultation.heldOn()), AuditValue.text(consultation.summary()));
    }

    private static Consultation consultation(ResultSet rs, int row) throws SQLException {
        Array audiences = rs.getArray("audiences");
        return new Consultation(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("held_on", java.time.LocalDate.class),
                Arrays.stream((String[]) audiences.getArray())
                        .map(Consultation.Audience::valueOf)
                        .toList(),
                rs.getObject("participants", Integer.class),
                rs.getString("summary"),
                rs.getString("recorded_by"));
    }
}
