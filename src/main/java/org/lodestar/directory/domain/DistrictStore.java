package org.lodestar.directory.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.District;
import org.lodestar.directory.TierNames;
import org.lodestar.shared.EditConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Districts and their settings. */
@Repository
public class DistrictStore {

    private final JdbcClient jdbc;

    DistrictStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<District> find(UUID id) {
        return jdbc.sql("select * from district where id = ?")
                .param(id)
                .query(DistrictStore::map)
                .optional();
    }

    public Optional<District> findBySlug(String slug) {
        return jdbc.sql("select * from district where slug = ?")
                .param(slug)
                .query(DistrictStore::map)
                .optional();
    }

    public List<District> all() {
        return jdbc.sql("select * from district order by name")
                .query(DistrictStore::map)
                .list();
    }

    public void insert(District district) {
        jdbc.sql("""
                        insert into district (id, name, slug, sample_data, tier_goal, tier_outcome, tier_kpi,
                            tier_strategy, tier_project, tier_goal_es, tier_outcome_es, tier_kpi_es, tier_strategy_es,
                            tier_project_es, school_year_start_month, minimum_n, status_tolerance_percent,
                            default_language, currency)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        district.id(),
                        district.name(),
                        district.slug(),
                        district.sampleData(),
                        district.tiers().goal(),
                        district.tiers().outcome(),
                        district.tiers().kpi(),
                        district.tiers().strategy(),
                        district.tiers().project(),
                        district.spanishTiers().goal(),
                        district.spanishTiers().outcome(),
                        district.spanishTiers().kpi(),
                        district.spanishTiers().strategy(),
                        district.spanishTiers().project(),
                        district.schoolYearStartMonth(),
                        district.minimumN(),
                        district.statusTolerancePercent(),
                        district.defaultLanguage(),
                        district.currency())
                .update();
    }

    /** Saves the settings at the version they were read at (else {@link EditConflictException}). */
    public void updateSettings(District district) {
        int saved = jdbc.sql("""
                        update district set name = ?, tier_goal = ?, tier_outcome = ?, tier_kpi = ?, tier_strategy = ?,
                            tier_project = ?, tier_goal_es = ?, tier_outcome_es = ?, tier_kpi_es = ?,
                            tier_strategy_es = ?, tier_project_es = ?, school_year_start_month = ?, minimum_n = ?, status_tolerance_percent = ?,
                            default_language = ?, currency = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(
                        district.name(),
                        district.tiers().goal(),
                        district.tiers().outcome(),
                        district.tiers().kpi(),
                        district.tiers().strategy(),
                        district.tiers().project(),
                        district.spanishTiers().goal(),
                        district.spanishTiers().outcome(),
                        district.spanishTiers().kpi(),
                        district.spanishTiers().strategy(),
                        district.spanishTiers().project(),
                        district.schoolYearStartMonth(),
                        district.minimumN(),
                        district.statusTolerancePercent(),
                        district.defaultLanguage(),
                        district.currency(),
                        district.id(),
                        district.version())
                .update();
        EditConflictException.unlessSaved(saved, "settings");
    }

    private static District map(ResultSet rs, int row) throws SQLException {
        return new District(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getBoolean("sample_data"),
                new TierNames(
                        rs.getString("tier_goal"),
                        rs.getString("tier_outcome"),
                        rs.getString("tier_kpi"),
                        rs.getString("tier_strategy"),
                        rs.getString("tier_project")),
                new TierNames(
                        rs.getString("tier_goal_es"),
                        rs.getString("tier_outcome_es"),
                        rs.getString("tier_kpi_es"),
                        rs.getString("tier_strategy_es"),
                        rs.getString("tier_project_es")),
                rs.getInt("school_year_start_month"),
                rs.getInt("minimum_n"),
                rs.getObject("status_tolerance_percent", BigDecimal.class),
                rs.getString("default_language"),
                rs.getString("currency"),
                rs.getInt("version"));
    }
}
