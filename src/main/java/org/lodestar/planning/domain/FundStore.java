package org.lodestar.planning.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.planning.compliance.FundKind;
import org.lodestar.planning.compliance.Wording;
import org.lodestar.planning.domain.FundingSources.Fund;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The funding sources a district added, each row bound to its district and versioned. */
@Repository
class FundStore {

    private static final String COLUMNS = "id, code, name_en, name_es, kind, retired, version";

    private final JdbcClient jdbc;

    FundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Fund> all(UUID districtId) {
        return jdbc.sql("select " + COLUMNS + " from funding_source where district_id = ? order by code")
                .param(districtId)
                .query(FundStore::fund)
                .list();
    }

    Optional<Fund> find(UUID districtId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from funding_source where district_id = ? and id = ?")
                .params(districtId, id)
                .query(FundStore::fund)
                .optional();
    }

    /** False when the district has a source of that code already (added meanwhile by someone else, too). */
    boolean insert(UUID districtId, UUID id, String code, Wording name, FundKind kind) {
        return jdbc.sql("""
                        insert into funding_source (district_id, id, code, name_en, name_es, kind)
                        values (?, ?, ?, ?, ?, ?) on conflict (district_id, code) do nothing""")
                        .params(districtId, id, code, name.en(), name.es(), kind == null ? null : kind.name())
                        .update()
                == 1;
    }

    /** False when the row is no longer at the version read. */
    boolean update(UUID districtId, UUID id, Wording name, FundKind kind, boolean retired, int read) {
        return jdbc.sql("""
                        update funding_source set name_en = ?, name_es = ?, kind = ?, retired = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""")
                        .params(name.en(), name.es(), kind == null ? null : kind.name(), retired, districtId, id, read)
                        .update()
                == 1;
    }

    /** Whether any cost or allocation of the district names the fund. */
    boolean inUse(UUID districtId, String code) {
        return jdbc.sql("""
                        select exists (select 1 from action_cost where district_id = ? and fund = ?)
                            or exists (select 1 from fund_allocation where district_id = ? and fund = ?)""")
                .params(districtId, code, districtId, code)
                .query(Boolean.class)
                .single();
    }

    boolean delete(UUID districtId, UUID id, int read) {
        return jdbc.sql("delete from funding_source where district_id = ? and id = ? and version = ?")
                        .params(districtId, id, read)
                        .update()
                == 1;
    }

    private static Fund fund(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        return new Fund(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                new Wording(rs.getString("name_en"), rs.getString("name_es")),
                kind == null ? null : FundKind.valueOf(kind),
                false,
                rs.getBoolean("retired"),
                rs.getInt("version"));
    }
}
