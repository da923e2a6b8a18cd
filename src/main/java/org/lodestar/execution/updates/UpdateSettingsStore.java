package org.lodestar.execution.updates;

import java.util.UUID;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A district's update settings: the defaults until an admin saves them. */
@Repository
class UpdateSettingsStore {

    private final JdbcClient jdbc;

    UpdateSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UpdateSettings find(UUID districtId) {
        return jdbc.sql("select * from update_settings where district_id = ?")
                .param(districtId)
                .query((rs, row) -> new UpdateSettings(
                        Cadence.valueOf(rs.getString("action_cadence")),
                        Cadence.valueOf(rs.getString("project_cadence")),
                        Cadence.valueOf(rs.getString("kpi_cadence")),
                        rs.getInt("reminder_days"),
                        rs.getInt("escalation_days"),
                        rs.getInt("version")))
                .optional()
                .orElse(UpdateSettings.DEFAULTS);
    }

    /** Saves over the version read ({@code version} 0 and no row yet: the first save); the rows changed. */
    int save(UUID districtId, UpdateSettings settings) {
        int updated = jdbc.sql("""
                        update update_settings set action_cadence = ?, project_cadence = ?, kpi_cadence = ?,
                            reminder_days = ?, escalation_days = ?, version = version + 1
                         where district_id = ? and version = ?""")
                .params(
                        settings.actions().name(),
                        settings.projects().name(),
                        settings.kpis().name(),
                        settings.reminderDays(),
                        settings.escalationDays(),
                        districtId,
                        settings.version())
                .update();
        if (updated > 0 || settings.version() != 0) {
            return updated;
        }
        return jdbc.sql("""
                        insert into update_settings (district_id, id, action_cadence, project_cadence, kpi_cadence,
                            reminder_days, escalation_days, version)
                        values (?, ?, ?, ?, ?, ?, ?, 1) on conflict (district_id) do nothing""")
                .params(
                        districtId,
                        Ids.next(),
                        settings.actions().name(),
                        settings.projects().name(),
                        settings.kpis().name(),
                        settings.reminderDays(),
                        settings.escalationDays())
                .update();
    }
}
