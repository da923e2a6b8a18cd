package org.lodestar.planning.domain;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FrameworkFile;
import org.lodestar.planning.compliance.FrameworkFileRefused;
import org.lodestar.shared.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A district's versions of compliance frameworks, each the framework's JSON document; rows are only ever added. */
@Repository
class FrameworkStore {

    private final JdbcClient jdbc;

    FrameworkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest version of each framework the district has saved. */
    List<StoredFramework> latest(UUID districtId) {
        return jdbc.sql("""
                        select distinct on (code) code, version, document::text as document, hidden, changed_by, changed_at
                          from compliance_framework where district_id = ? order by code, version desc""").param(districtId).query(FrameworkStore::stored).list();
    }

    /** Every saved version of one framework, newest first. */
    List<StoredFramework> versions(UUID districtId, String code) {
        return jdbc.sql("""
                        select code, version, document::text as document, hidden, changed_by, changed_at
                          from compliance_framework where district_id = ? and code = ? order by version desc""")
                .params(districtId, code)
                .query(FrameworkStore::stored)
                .list();
    }

    /** Saves a version; false when that version of the framework was saved meanwhile by someone else. */
    boolean insert(UUID districtId, Framework framework, boolean hidden, String actor) {
        try {
            jdbc.sql("""
                            insert into compliance_framework (district_id, id, code, version, document, hidden, changed_by)
                            values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
                    .params(
                            districtId,
                            Ids.next(),
                            framework.code(),
                            framework.version(),
                            new String(FrameworkFile.write(framework), StandardCharsets.UTF_8),
                            hidden,
                            actor)
                    .update();
            return true;
        } catch (DuplicateKeyException savedMeanwhile) {
            return false;
        }
    }

    private static StoredFramework stored(ResultSet rs, int row) throws SQLException {
        Framework framework;
        try {
            framework = FrameworkFile.read(rs.getString("document").getBytes(StandardCharsets.UTF_8))
                    .withVersion(rs.getInt("version"));
        } catch (FrameworkFileRefused written) {
            // only documents that passed the same reader are ever stored
            throw new IllegalStateException("stored framework no longer reads: " + written.problems(), written);
        }
        return new StoredFramework(
                framework,
                rs.getBoolean("hidden"),
                rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }

    /** One saved version. */
    record StoredFramework(Framework framework, boolean hidden, String changedBy, Instant changedAt) {}
}
