package org.lodestar.planning.raci;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The RACI charts of actions; every statement is bound to one district. */
@Repository
class RaciStore {

    private final JdbcClient jdbc;

    RaciStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The charts of the given actions, by action; an action never charted has none. */
    Map<UUID, Raci> of(UUID districtId, Collection<UUID> strategyIds) {
        Map<UUID, Raci> charts = new LinkedHashMap<>();
        if (strategyIds.isEmpty()) {
            return charts;
        }
        UUID[] ids = strategyIds.toArray(UUID[]::new);
        Map<UUID, Integer> versions = new HashMap<>();
        jdbc.sql("select strategy_id, version from action_raci where district_id = ? and strategy_id = any (?)")
                .params(districtId, ids)
                .query(rs -> {
                    versions.put(rs.getObject("strategy_id", UUID.class), rs.getInt("version"));
                });
        Map<UUID, List<RaciEntry>> entries = new HashMap<>();
        jdbc.sql("""
                        select p.strategy_id, p.person_id, p.responsible, p.accountable, p.consulted, p.informed
                          from action_raci_person p
                          join app_user u on u.district_id = p.district_id and u.id = p.person_id
                         where p.district_id = ? and p.strategy_id = any (?)
                         order by p.accountable desc, p.responsible desc, u.display_name, p.person_id""").params(districtId, ids).query(rs -> {
            EnumSet<RaciRole> roles = EnumSet.noneOf(RaciRole.class);
            if (rs.getBoolean("responsible")) roles.add(RaciRole.RESPONSIBLE);
            if (rs.getBoolean("accountable")) roles.add(RaciRole.ACCOUNTABLE);
            if (rs.getBoolean("consulted")) roles.add(RaciRole.CONSULTED);
            if (rs.getBoolean("informed")) roles.add(RaciRole.INFORMED);
            entries.computeIfAbsent(rs.getObject("strategy_id", UUID.class), id -> new ArrayList<>())
                    .add(new RaciEntry(rs.getObject("person_id", UUID.class), roles));
        });
        versions.forEach((id, version) -> charts.put(id, new Raci(id, entries.getOrDefault(id, List.of()), version)));
        return charts;
    }

    /**
     * Replaces an action's chart if its version is still {@code version} (0 for an action never charted); returns the
     * rows the version check changed (0: someone saved first).
     */
    int replace(UUID districtId, UUID strategyId, List<RaciEntry> entries, int version) {
        jdbc.sql("insert into action_raci (district_id, strategy_id) values (?, ?) on conflict do nothing")
                .params(districtId, strategyId)
                .update();
        int changed = jdbc.sql("""
                        update action_raci set version = version + 1
                         where district_id = ? and strategy_id = ? and version = ?""").params(districtId, strategyId, version).update();
        if (changed == 0) {
            return 0;
        }
        jdbc.sql("delete from action_raci_person where district_id = ? and strategy_id = ?")
                .params(districtId, strategyId)
                .update();
        for (RaciEntry entry : entries) {
            jdbc.sql("""
                            insert into action_raci_person (district_id, strategy_id, person_id, responsible,
                                accountable, consulted, informed) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            districtId,
                            strategyId,
                            entry.personId(),
                            entry.responsible(),
                            entry.accountable(),
                            entry.consulted(),
                            entry.informed())
                    .update();
        }
        return changed;
    }
}
