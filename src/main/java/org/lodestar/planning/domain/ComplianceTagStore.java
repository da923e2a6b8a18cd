package org.lodestar.planning.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.planning.ComplianceTag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which goals, outcomes and actions satisfy which required-plan components; bound to one district. */
@Repository
class ComplianceTagStore {

    private final JdbcClient jdbc;

    ComplianceTagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tags an item; false when it was tagged so already. */
    boolean tag(UUID districtId, ComplianceTag tag, String actor) {
        return jdbc.sql("""
                                insert into compliance_tag (district_id, item_id, item_kind, framework_code, component_code, tagged_by)
                                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                districtId,
                                tag.itemId(),
                                tag.itemKind().name(),
                                tag.frameworkCode(),
                                tag.componentCode(),
                                actor)
                        .update()
                == 1;
    }

    boolean untag(UUID districtId, ComplianceTag tag) {
        return jdbc.sql("""
                                delete from compliance_tag
                                 where district_id = ? and item_id = ? and framework_code = ? and component_code = ?""")
                        .params(districtId, tag.itemId(), tag.frameworkCode(), tag.componentCode())
                        .update()
                == 1;
    }

    List<ComplianceTag> of(UUID districtId, Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select item_id, item_kind, framework_code, component_code from compliance_tag
                         where district_id = ? and item_id = any (?) order by framework_code, component_code""")
                .params(districtId, itemIds.toArray(UUID[]::new))
                .query((rs, row) -> new ComplianceTag(
                        rs.getObject("item_id", UUID.class),
                        ComplianceTag.Kind.valueOf(rs.getString("item_kind")),
                        rs.getString("framework_code"),
                        rs.getString("component_code")))
                .list();
    }
}
