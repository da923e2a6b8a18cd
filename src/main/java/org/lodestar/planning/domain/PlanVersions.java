package org.lodestar.planning.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanAdopted;
import org.lodestar.planning.PlanChange;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.versions.VersionDiff;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.RecordedTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan's versions: adopting a plan freezes it as it is; changing an adopted plan starts with the reason for the
 * change, which freezes the plan as it stood before the change. Versions are never changed; any two of them, or one
 * and the plan as it is now, compare item by item ({@link VersionDiff}), and the reasons with what followed each make
 * the plan's change log.
 */
@Service
@Transactional
public class PlanVersions {

    /** Reasons are a sentence or a paragraph; the public change log shows them. */
    public static final int MAX_REASON = 1000;

    private static final TypeReference<List<Map<String, String>>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final PlanAccess access;
    private final PlanTransfer transfer;
    private final ApplicationEventPublisher events;
    private final DirectoryApi directory;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PlanVersions(
            JdbcClient jdbc,
            PlanStore plans,
            PlanAccess access,
            PlanTransfer transfer,
            ApplicationEventPublisher events,
            DirectoryApi directory,
            Clock clock) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.plans = plans;
        this.access = access;
        this.transfer = transfer;
        this.events = events;
        this.clock = clock;
    }

    public enum Kind {
        /** Frozen when the plan was adopted. */
        ADOPTED,
        /** The plan as it stood when someone gave a reason to change it after its adoption. */
        REVISION
    }

    /** A version without its items. */
    public record Version(UUID id, int number, Kind kind, String reason, String madeBy, OffsetDateTime madeAt) {}

    /**
     * Freezes the plan as it is now, because it has just been adopted: in the adoption's own transaction (a plain
     * listener, not an after-commit one), so an adoption without its version cannot happen.
     */
    @EventListener
    void adopted(PlanAdopted adoption) {
        PlanSummary plan = plans.plan(adoption.districtId(), adoption.planId()).orElseThrow();
        freeze(adoption.districtId(), adoption.actor(), plan, Kind.ADOPTED, null);
    }

    /**
     * Starts a change of an adopted plan: keeps the reason and the plan as it stands before the change; returns the
     * version's number. Only those who may edit the plan may; a plan not adopted needs no reason (it is refused).
     */
    public int revise(SignedInUser user, UUID planId, String reason) {
        PlanSummary plan = access.editablePlan(user, planId);
        if (plan.status() != PlanStatus.ADOPTED) {
            throw new IllegalStateException("only an adopted plan's changes need a reason");
        }
        String said = reason == null ? "" : reason.strip();
        if (said.isEmpty() || said.length() > MAX_REASON) {
            throw new IllegalArgumentException("a reason of 1 to " + MAX_REASON + " characters");
        }
        int number = freeze(user.districtId(), user.email(), plan, Kind.REVISION, said);
        events.publishEvent(AuditableChange.updated(
                        user.districtId(),
                        user.email(),
                        "Plan",
                        plan.id(),
                        plan.title(),
                        Map.of(),
                        Map.of("history.field.changeReason", AuditValue.text(said)))
                .within(plan.id()));
        return number;
    }

    /** Whether changes to the plan need a reason first: it is adopted. */
    @Transactional(readOnly = true)
    public boolean needsReason(UUID districtId, UUID planId) {
        return plans.plan(districtId, planId)
                .map(plan -> plan.status() == PlanStatus.ADOPTED)
                .orElse(false);
    }

    /** The plan's versions, the latest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(UUID districtId, UUID planId) {
        return jdbc.sql("""
                        select id, number, kind, reason, made_by, made_at from plan_version
                         where district_id = ? and plan_id = ? order by number desc""")
                .params(districtId, planId)
                .query((rs, row) -> new Version(
                        rs.getObject("id", UUID.class),
                        rs.getInt("number"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("reason"),
                        rs.getString("made_by"),
                        rs.getObject("made_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * What changed from version {@code from} to version {@code to} of the plan; a null number is the plan as it is now.
     * A number the plan has no version of is not found.
     */
    @Transactional(readOnly = true)
    public VersionDiff.Comparison compare(UUID districtId, UUID planId, Integer from, Integer to) {
        PlanSummary plan = plans.plan(districtId, planId).orElseThrow(() -> new NotFoundException("plan"));
        return VersionDiff.compare(items(districtId, plan, from), items(districtId, plan, to));
    }

    /**
     * A change made after adoption: its version (the plan as it stood before), when and why, and how many items it
     * added, removed and changed up to the next change (or until now).
     */
    public record Change(Version version, int added, int removed, int changed) {}

    /** The changes made after adoption, the latest first, with what each changed. */
    @Transactional(readOnly = true)
    public List<Change> changes(UUID districtId, UUID planId) {
        PlanSummary plan = plans.plan(districtId, planId).orElseThrow(() -> new NotFoundException("plan"));
        List<Version> versions = new ArrayList<>(versions(districtId, planId));
        java.util.Collections.reverse(versions);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Version version = versions.get(i);
            if (version.kind() != Kind.REVISION) {
                continue;
            }
            Integer next = i + 1 < versions.size() ? versions.get(i + 1).number() : null;
            VersionDiff.Comparison comparison =
                    VersionDiff.compare(items(districtId, plan, version.number()), items(districtId, plan, next));
            changes.add(new Change(
                    version,
                    comparison.added().size(),
                    comparison.removed().size(),
                    comparison.changed().size()));
        }
        java.util.Collections.reverse(changes);
        return changes;
    }

    /** The reasons given for changing the plan after its adoption, the latest first, in one statement. */
    @Transactional(readOnly = true)
    public List<PlanChange> changeLog(UUID districtId, UUID planId) {
        return versions(districtId, planId).stream()
                .filter(version -> version.kind() == Kind.REVISION)
                .map(version -> new PlanChange(version.number(), version.madeAt(), version.reason()))
                .toList();
    }

    private List<Map<String, String>> items(UUID districtId, PlanSummary plan, Integer number) {
        if (number == null) {
            return transfer.snapshot(districtId, plan);
        }
        String items = jdbc.sql(
                        "select items::text from plan_version where district_id = ? and plan_id = ? and number = ?")
                .params(districtId, plan.id(), number)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("version"));
        return json.readValue(items, ITEMS);
    }

    /**
     * Now, or the past time the demo loader claimed for a change of a sample district ({@link RecordedTime}), as the
     * audit log takes it: never for a real district, never a time to come.
     */
    private Instant at(UUID districtId) {
        return RecordedTime.at(
                clock.instant(), () -> directory.district(districtId).sampleData());
    }

    private int freeze(UUID districtId, String actor, PlanSummary plan, Kind kind, String reason) {
        // one version at a time per plan: two people giving a reason at once wait for each other on the plan's row,
        // so each gets the next number instead of the second failing on the unique key
        jdbc.sql("select id from plan where district_id = ? and id = ? for update")
                .params(districtId, plan.id())
                .query(UUID.class)
                .single();
        List<Map<String, String>> items = transfer.snapshot(districtId, plan);
        int number = jdbc.sql(
                        "select coalesce(max(number), 0) + 1 from plan_version where district_id = ? and plan_id = ?")
                .params(districtId, plan.id())
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into plan_version
                            (district_id, id, plan_id, number, kind, reason, made_by, made_at, items)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        districtId,
                        Ids.next(),
                        plan.id(),
                        number,
                        kind.name(),
                        reason,
                        actor,
                        OffsetDateTime.ofInstant(at(districtId), clock.getZone()),
                        json.writeValueAsString(items))
                .update();
        return number;
    }
}
