package org.lodestar.execution.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.execution.Adjustment;
import org.lodestar.shared.SchoolQuarter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of quarterly reviews and year-end evaluations; every save of one raises its version. */
@Repository
class ReviewStore {

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // quarterly reviews

    void insertReview(UUID districtId, UUID id, UUID planId, SchoolQuarter quarter, Instant at, String by) {
        jdbc.sql("""
                        insert into quarterly_review (district_id, id, plan_id, school_year, quarter, started_at, started_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(districtId, id, planId, quarter.schoolYear(), quarter.quarter(), Timestamp.from(at), by)
                .update();
    }

    void insertReviewItems(UUID districtId, UUID reviewId, List<ReviewItem> items) {
        for (ReviewItem i : items) {
            jdbc.sql("""
                            insert into quarterly_review_item (district_id, id, review_id, item_id, tier, goal_id, position,
                                title, title_translation, status, done_count, total_count, unit, latest, latest_year, target)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            districtId,
                            i.id(),
                            reviewId,
                            i.itemId(),
                            i.tier().name(),
                            i.goalId(),
                            i.position(),
                            i.title(),
                            i.titleTranslation(),
                            i.status(),
                            i.done(),
                            i.total(),
                            i.unit(),
                            i.latest(),
                            i.latestYear(),
                            i.target())
                    .update();
        }
    }

    Optional<QuarterlyReview> review(UUID districtId, UUID id) {
        return jdbc.sql(REVIEW + " where district_id = ? and id = ?")
                .params(districtId, id)
                .query((rs, row) -> review(rs, reviewItems(districtId, id)))
                .optional();
    }

    Optional<UUID> reviewOf(UUID districtId, UUID planId, SchoolQuarter quarter) {
        return jdbc.sql("""
                        select id from quarterly_review
                         where district_id = ? and plan_id = ? and school_year = ? and quarter = ?""")
                .params(districtId, planId, quarter.schoolYear(), quarter.quarter())
                .query(UUID.class)
                .optional();
    }

    /** A plan's reviews without their rows, the latest quarter first. */
    List<QuarterlyReview> reviewsOf(UUID districtId, UUID planId) {
        return jdbc.sql(REVIEW + " where district_id = ? and plan_id = ? order by school_year desc, quarter desc")
                .params(districtId, planId)
                .query((rs, row) -> review(rs, List.of()))
                .list();
    }

    /** Raises the review's version if it is still {@code version} and not signed off; the rows changed. */
    int touchReview(UUID districtId, UUID id, int version) {
        return jdbc.sql("""
                        update quarterly_review set version = version + 1
                         where district_id = ? and id = ? and version = ? and signed_off_at is null""").params(districtId, id, version).update();
    }

    /** Sets the review's meeting day if its version is still {@code version} and it is not signed off; rows changed. */
    int meet(UUID districtId, UUID id, LocalDate on, int version) {
        return jdbc.sql("""
                        update quarterly_review set meeting_on = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and signed_off_at is null""").params(on, districtId, id, version).update();
    }

    /** The district's review meetings from {@code from} on, earliest first. */
    List<ReviewMeeting> meetings(UUID districtId, LocalDate from) {
        return jdbc.sql("""
                        select id, plan_id, school_year, quarter, meeting_on from quarterly_review
                         where district_id = ? and meeting_on >= ? order by meeting_on, id""")
                .params(districtId, from)
                .query((rs, row) -> new ReviewMeeting(
                        rs.getObject("id", UUID.class),
                        rs.getObject("plan_id", UUID.class),
                        new SchoolQuarter(rs.getInt("school_year"), rs.getInt("quarter")),
                        rs.getObject("meeting_on", LocalDate.class)))
                .list();
    }

    void decide(UUID districtId, UUID reviewId, ReviewItem item) {
        jdbc.sql("""
                        update quarterly_review_item set adjustment = ?, note = ?
                         where district_id = ? and review_id = ? and id = ?""")
                .params(
                        item.adjustment() == null ? null : item.adjustment().name(),
                        item.note(),
                        districtId,
                        reviewId,
                        item.id())
                .update();
    }

    void signOff(UUID districtId, UUID id, Instant at, UUID by) {
        jdbc.sql("update quarterly_review set signed_off_at = ?, signed_off_by = ? where district_id = ? and id = ?")
                .params(Timestamp.from(at), by, districtId, id)
                .update();
    }

    private List<ReviewItem> reviewItems(UUID districtId, UUID reviewId) {
        return jdbc.sql("""
                        select * from quarterly_review_item where district_id = ? and review_id = ? order by position""")
                .params(districtId, reviewId)
                .query((rs, row) -> new ReviewItem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("item_id", UUID.class),
                        ReviewItem.Tier.valueOf(rs.getString("tier")),
                        rs.getObject("goal_id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("title"),
                        rs.getString("title_translation"),
                        rs.getString("status"),
                        rs.getInt("done_count"),
                        rs.getInt("total_count"),
                        rs.getString("unit"),
                        rs.getBigDecimal("latest"),
                        (Integer) rs.getObject("latest_year"),
                        rs.getBigDecimal("target"),
                        rs.getString("adjustment") == null ? null : Adjustment.valueOf(rs.getString("adjustment")),
                        rs.getString("note")))
                .list();
    }

    private static final String REVIEW = """
            select id, plan_id, school_year, quarter, started_at, started_by, signed_off_at, signed_off_by, meeting_on,
                   version
              from quarterly_review""";

    private static QuarterlyReview review(ResultSet rs, List<ReviewItem> items) throws SQLException {
        return new QuarterlyReview(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                new SchoolQuarter(rs.getInt("school_year"), rs.getInt("quarter")),
                rs.getTimestamp("started_at").toInstant(),
                rs.getString("started_by"),
                instant(rs.getTimestamp("signed_off_at")),
                rs.getObject("signed_off_by", UUID.class),
                rs.getObject("meeting_on", LocalDate.class),
                rs.getInt("version"),
                items);
    }

    // year-end evaluations

    /** A new evaluation of the plan; {@code schoolYear} the year of a strategic plan's (null: an improvement plan's). */
    void insertEvaluation(UUID districtId, UUID id, UUID planId, Integer schoolYear, Instant at, String by) {
        jdbc.sql("""
                        insert into year_end_evaluation (district_id, id, plan_id, school_year, started_at, started_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(districtId, id, planId, schoolYear, Timestamp.from(at), by)
                .update();
    }

    void insertEvaluationItems(UUID districtId, UUID evaluationId, List<EvaluationItem> items) {
        for (EvaluationItem i : items) {
            jdbc.sql("""
                            insert into year_end_item (district_id, id, evaluation_id, item_id, tier, goal_id, position,
                                title, title_translation, proposed, kpis_met, kpis_with_data, kpis, verdict)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            districtId,
                            i.id(),
                            evaluationId,
                            i.itemId(),
                            i.goal() ? "GOAL" : "ACTION",
                            i.goalId(),
                            i.position(),
                            i.title(),
                            i.titleTranslation(),
                            i.proposed() == null ? null : i.proposed().name(),
                            i.kpisMet(),
                            i.kpisWithData(),
                            i.kpis(),
                            i.verdict() == null ? null : i.verdict().name())
                    .update();
        }
    }

    /** An improvement plan's evaluation. */
    Optional<YearEndEvaluation> evaluationOf(UUID districtId, UUID planId) {
        return evaluations(districtId, planId, "and school_year is null").stream()
                .findFirst()
                .map(e -> withItems(districtId, e));
    }

    /** A strategic plan's evaluation of the school year. */
    Optional<YearEndEvaluation> evaluationOf(UUID districtId, UUID planId, int schoolYear) {
        return evaluations(districtId, planId, "and school_year = " + schoolYear).stream()
                .findFirst()
                .map(e -> withItems(districtId, e));
    }

    /** A strategic plan's evaluations, the latest school year first, with their rows. */
    List<YearEndEvaluation> evaluationsOf(UUID districtId, UUID planId) {
        return evaluations(districtId, planId, "and school_year is not null order by school_year desc").stream()
                .map(e -> withItems(districtId, e))
                .toList();
    }

    private List<YearEndEvaluation> evaluations(UUID districtId, UUID planId, String which) {
        return jdbc.sql("""
                        select id, plan_id, school_year, started_at, started_by, completed_at, completed_by,
                               next_plan_id, version
                          from year_end_evaluation where district_id = ? and plan_id = ?""" + " " + which)
                .params(districtId, planId)
                .query((rs, row) -> new YearEndEvaluation(
                        rs.getObject("id", UUID.class),
                        rs.getObject("plan_id", UUID.class),
                        (Integer) rs.getObject("school_year"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getString("started_by"),
                        instant(rs.getTimestamp("completed_at")),
                        rs.getObject("completed_by", UUID.class),
                        rs.getObject("next_plan_id", UUID.class),
                        rs.getInt("version"),
                        List.of()))
                .list();
    }

    private YearEndEvaluation withItems(UUID districtId, YearEndEvaluation e) {
        return new YearEndEvaluation(
                e.id(),
                e.planId(),
                e.schoolYear(),
                e.startedAt(),
                e.startedBy(),
                e.completedAt(),
                e.completedBy(),
                e.nextPlanId(),
                e.version(),
                evaluationItems(districtId, e.id()));
    }

    /** Raises the evaluation's version if it is still {@code version} and not completed; the rows changed. */
    int touchEvaluation(UUID districtId, UUID id, int version) {
        return jdbc.sql("""
                        update year_end_evaluation set version = version + 1
                         where district_id = ? and id = ? and version = ? and completed_at is null""").params(districtId, id, version).update();
    }

    void decide(UUID districtId, UUID evaluationId, EvaluationItem item) {
        jdbc.sql(
                        "update year_end_item set verdict = ?, note = ? where district_id = ? and evaluation_id = ? and id = ?")
                .params(
                        item.verdict() == null ? null : item.verdict().name(),
                        item.note(),
                        districtId,
                        evaluationId,
                        item.id())
                .update();
    }

    void complete(UUID districtId, UUID id, Instant at, UUID by, UUID nextPlanId) {
        jdbc.sql("""
                        update year_end_evaluation set completed_at = ?, completed_by = ?, next_plan_id = ?
                         where district_id = ? and id = ?""").params(Timestamp.from(at), by, nextPlanId, districtId, id).update();
    }

    private List<EvaluationItem> evaluationItems(UUID districtId, UUID evaluationId) {
        return jdbc.sql("select * from year_end_item where district_id = ? and evaluation_id = ? order by position")
                .params(districtId, evaluationId)
                .query((rs, row) -> new EvaluationItem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("item_id", UUID.class),
                        "GOAL".equals(rs.getString("tier")),
                        rs.getObject("goal_id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("title"),
                        rs.getString("title_translation"),
                        rs.getString("proposed") == null ? null : Verdict.valueOf(rs.getString("proposed")),
                        rs.getInt("kpis_met"),
                        rs.getInt("kpis_with_data"),
                        rs.getInt("kpis"),
                        rs.getString("verdict") == null ? null : Verdict.valueOf(rs.getString("verdict")),
                        rs.getString("note")))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
