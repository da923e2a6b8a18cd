package org.lodestar.directory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.shared.EditConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The schools of a district; every query is bound to one district. */
@Repository
public class SchoolStore {

    private final JdbcClient jdbc;

    SchoolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<School> all(UUID districtId) {
        return jdbc.sql("select * from school where district_id = ? order by name")
                .param(districtId)
                .query(SchoolStore::map)
                .list();
    }

    public Optional<School> find(UUID districtId, UUID id) {
        return jdbc.sql("select * from school where district_id = ? and id = ?")
                .params(districtId, id)
                .query(SchoolStore::map)
                .optional();
    }

    public boolean nameTaken(UUID districtId, String name, UUID exceptId) {
        return jdbc.sql("select count(*) from school where district_id = ? and lower(name) = lower(?) and id <> ?")
                        .params(districtId, name, exceptId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Adds a school, or saves one at the version it was read at (else {@link EditConflictException}). */
    public void save(UUID districtId, School school) {
        int saved = jdbc.sql("""
                        insert into school (district_id, id, name, state_id, level, lowest_grade, highest_grade,
                            capacity, address)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (district_id, id) do update set name = excluded.name,
                            state_id = excluded.state_id, level = excluded.level,
                            lowest_grade = excluded.lowest_grade, highest_grade = excluded.highest_grade,
                            capacity = excluded.capacity, address = excluded.address, version = school.version + 1
                        where school.version = ?""")
                .params(
                        districtId,
                        school.id(),
                        school.name(),
                        school.stateId(),
                        school.level().name(),
                        school.lowestGrade(),
                        school.highestGrade(),
                        school.capacity(),
                        school.address(),
                        school.version())
                .update();
        EditConflictException.unlessSaved(saved, "school");
    }

    private static School map(ResultSet rs, int row) throws SQLException {
        return new School(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("state_id"),
                SchoolLevel.valueOf(rs.getString("level")),
                rs.getString("lowest_grade"),
                rs.getString("highest_grade"),
                (Integer) rs.getObject("capacity"),
                rs.getString("address"),
                rs.getInt("version"));
    }
}
