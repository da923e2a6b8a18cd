package org.lodestar.directory.domain;

import java.util.List;
import java.util.UUID;
import org.lodestar.directory.StudentGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The student groups a district reports by. */
@Repository
public class StudentGroupStore {

    private final JdbcClient jdbc;

    StudentGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StudentGroup> all(UUID districtId) {
        return jdbc.sql("select * from student_group where district_id = ? order by position")
                .param(districtId)
                .query((rs, row) -> new StudentGroup(
                        rs.getString("code"),
                        rs.getString("name_en"),
                        rs.getString("name_es"),
                        rs.getString("family"),
                        rs.getInt("position")))
                .list();
    }

    public void insert(UUID districtId, StudentGroup group) {
        jdbc.sql(
                        "insert into student_group (district_id, code, name_en, name_es, family, position) values (?, ?, ?, ?, ?, ?)")
                .params(districtId, group.code(), group.nameEn(), group.nameEs(), group.family(), group.position())
                .update();
    }
}
