package org.lodestar.engagement.surveys;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveyState;
import org.lodestar.planning.Consultation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Surveys, their questions, responses and closed answers. Every statement is bound to a district. */
@Repository
public class SurveyStore {

    private static final String SURVEY = "district_id, id, token, form_secret, title_en, title_es, intro_en, intro_es,"
            + " audiences, closes_on, state, assessment_id, version";
    private static final String QUESTION =
            "id, position, code, kind, text_en, text_es, options_en, options_es, scale_max";

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A survey and how many responses it has. */
    public record Listed(Survey survey, int responses) {}

    /** A closed answer of a response: a question and a value. */
    public record Answer(UUID questionId, int choice) {}

    /** A response to save, with its closed answers. */
    public record NewResponse(
            UUID id,
            Consultation.Audience audience,
            String language,
            String browserHash,
            String source,
            Instant submittedAt,
            List<Answer> answers) {}

    void insert(Survey survey, String createdBy, Instant now) {
        jdbc.sql("insert into survey (" + SURVEY + ", created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, 0, ?, ?)")
                .params(
                        survey.districtId(),
                        survey.id(),
                        survey.token(),
                        survey.formSecret(),
                        survey.titleEn(),
                        survey.titleEs(),
                        survey.introEn(),
                        survey.introEs(),
                        names(survey.audiences()),
                        survey.closesOn() == null ? null : Date.valueOf(survey.closesOn()),
                        survey.state().name(),
                        survey.assessmentId(),
                        createdBy,
                        Timestamp.from(now))
                .update();
    }

    /** Saves what a survey says; false when someone saved it since {@code survey.version()} was read. */
    boolean update(Survey survey) {
        return jdbc.sql("""
                        update survey set title_en = ?, title_es = ?, intro_en = ?, intro_es = ?, audiences = ?::text[],
                            closes_on = ?, state = ?, assessment_id = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""")
                        .params(
                                survey.titleEn(),
                                survey.titleEs(),
                                survey.introEn(),
                                survey.introEs(),
                                names(survey.audiences()),
                                survey.closesOn() == null ? null : Date.valueOf(survey.closesOn()),
                                survey.state().name(),
                                survey.assessmentId(),
                                survey.districtId(),
                                survey.id(),
                                survey.version())
                        .update()
                == 1;
    }

    /** Changes only the survey's state (open, close), whatever its version, and counts it as a change. */
    void setState(UUID districtId, UUID id, SurveyState state) {
        jdbc.sql("update survey set state = ?, version = version + 1 where district_id = ? and id = ?")
                .params(state.name(), districtId, id)
                .update();
    }

    public Optional<Survey> find(UUID districtId, UUID id) {
        return jdbc.sql("select " + SURVEY + " from survey where district_id = ? and id = ?")
                .params(districtId, id)
                .query(SurveyStore::survey)
                .optional();
    }

    /** The survey of a public link, whichever district it is of. */
    public Optional<Survey> byToken(String token) {
        return jdbc.sql("select " + SURVEY + " from survey where token = ?")
                .param(token)
                .query(SurveyStore::survey)
                .optional();
    }

    public List<Listed> list(UUID districtId) {
        return jdbc.sql("select " + SURVEY.replaceAll("(\\w+)", "s.$1") + """
                        , (select count(*) from survey_response r where r.district_id = s.district_id
                            and r.survey_id = s.id) as responses
                         from survey s where s.district_id = ? order by s.created_at desc, s.id""")
                .param(districtId)
                .query((rs, row) -> new Listed(survey(rs, row), rs.getInt("responses")))
                .list();
    }

    public List<SurveyQuestion> questions(UUID districtId, UUID surveyId) {
        return jdbc.sql("select " + QUESTION
                        + " from survey_question where district_id = ? and survey_id = ? order by position")
                .params(districtId, surveyId)
                .query(SurveyStore::question)
                .list();
    }

    void addQuestion(UUID districtId, UUID surveyId, SurveyQuestion question) {
        jdbc.sql("insert into survey_question (district_id, survey_id, " + QUESTION
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?)")
                .params(
                        districtId,
                        surveyId,
                        question.id(),
                        question.position(),
                        question.code(),
                        question.kind().name(),
                        question.textEn(),
                        question.textEs(),
                        question.optionsEn().toArray(String[]::new),
                        question.optionsEs().toArray(String[]::new),
                        question.scaleMax())
                .update();
    }

    /** Replaces a question's wording and options (the same number of options, or any while nobody answered). */
    void updateQuestion(UUID districtId, UUID surveyId, SurveyQuestion question) {
        jdbc.sql("""
                        update survey_question set kind = ?, text_en = ?, text_es = ?, options_en = ?::text[],
                            options_es = ?::text[], scale_max = ?
                         where district_id = ? and survey_id = ? and id = ?""")
                .params(
                        question.kind().name(),
                        question.textEn(),
                        question.textEs(),
                        question.optionsEn().toArray(String[]::new),
                        question.optionsEs().toArray(String[]::new),
                        question.scaleMax(),
                        districtId,
                        surveyId,
                        question.id())
                .update();
    }

    void setPosition(UUID districtId, UUID surveyId, UUID questionId, int position) {
        jdbc.sql("update survey_question set position = ? where district_id = ? and survey_id = ? and id = ?")
                .params(position, districtId, surveyId, questionId)
                .update();
    }

    void deleteQuestion(UUID districtId, UUID surveyId, UUID questionId) {
        jdbc.sql("delete from survey_question where district_id = ? and survey_id = ? and id = ?")
                .params(districtId, surveyId, questionId)
                .update();
    }

    /** Counts the survey as changed, so that an editor holding an older version is refused. */
    boolean touch(UUID districtId, UUID surveyId, int version) {
        return jdbc.sql("update survey set version = version + 1 where district_id = ? and id = ? and version = ?")
                        .params(districtId, surveyId, version)
                        .update()
                == 1;
    }

    public int responseCount(UUID districtId, UUID surveyId) {
        return jdbc.sql("select count(*) from survey_response where district_id = ? and survey_id = ?")
                .params(districtId, surveyId)
                .query(Integer.class)
                .single();
    }

    boolean answered(UUID districtId, UUID surveyId, String browserHash) {
        return jdbc.sql("""
                        select exists (select 1 from survey_response
                         where district_id = ? and survey_id = ? and browser_hash = ?)""")
                .params(districtId, surveyId, browserHash)
                .query(Boolean.class)
                .single();
    }

    /** Saves responses and their closed answers, two statements however many. */
    void saveResponses(UUID districtId, UUID surveyId, List<NewResponse> responses) {
        if (responses.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into survey_response (district_id, survey_id, id, audience, language, browser_hash,
                            source, submitted_at)
                        select ?::uuid, ?::uuid, r.* from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::timestamptz[]) as r(id, audience, language, browser_hash, source, submitted_at)""")
                .params(
                        districtId,
                        surveyId,
                        responses.stream().map(NewResponse::id).toArray(UUID[]::new),
                        responses.stream().map(r -> r.audience().name()).toArray(String[]::new),
                        responses.stream().map(NewResponse::language).toArray(String[]::new),
                        responses.stream().map(NewResponse::browserHash).toArray(String[]::new),
                        responses.stream().map(NewResponse::source).toArray(String[]::new),
                        responses.stream()
                                .map(r -> Timestamp.from(r.submittedAt()))
                                .toArray(Timestamp[]::new))
                .update();
        List<UUID> responseIds = responses.stream()
                .flatMap(r -> r.answers().stream().map(a -> r.id()))
                .toList();
        List<Answer> answers =
                responses.stream().flatMap(r -> r.answers().stream()).toList();
        if (answers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into survey_answer (district_id, response_id, question_id, choice)
                        select ?::uuid, a.* from unnest(?::uuid[], ?::uuid[], ?::int[])
                            as a(response_id, question_id, choice) on conflict do nothing""")
                .params(
                        districtId,
                        responseIds.toArray(UUID[]::new),
                        answers.stream().map(Answer::questionId).toArray(UUID[]::new),
                        answers.stream().map(Answer::choice).toArray(Integer[]::new))
                .update();
    }

    /** A count of closed answers: a question, an audience, a value. */
    public record ChoiceCount(UUID questionId, Consultation.Audience audience, int choice, int count) {}

    List<ChoiceCount> choiceCounts(UUID districtId, UUID surveyId) {
        return jdbc.sql("""
                        select a.question_id, r.audience, a.choice, count(*) as n
                          from survey_answer a join survey_response r
                            on r.district_id = a.district_id and r.id = a.response_id
                         where r.district_id = ? and r.survey_id = ?
                         group by a.question_id, r.audience, a.choice""")
                .params(districtId, surveyId)
                .query((rs, row) -> new ChoiceCount(
                        rs.getObject("question_id", UUID.class),
                        Consultation.Audience.valueOf(rs.getString("audience")),
                        rs.getInt("choice"),
                        rs.getInt("n")))
                .list();
    }

    /** How many responses answered each question, by audience (a multiple choice counted once per response). */
    record Answering(UUID questionId, Consultation.Audience audience, int responses) {}

    List<Answering> answering(UUID districtId, UUID surveyId) {
        return jdbc.sql("""
                        select a.question_id, r.audience, count(distinct r.id) as n
                          from survey_answer a join survey_response r
                            on r.district_id = a.district_id and r.id = a.response_id
                         where r.district_id = ? and r.survey_id = ?
                         group by a.question_id, r.audience""")
                .params(districtId, surveyId)
                .query((rs, row) -> new Answering(
                        rs.getObject("question_id", UUID.class),
                        Consultation.Audience.valueOf(rs.getString("audience")),
                        rs.getInt("n")))
                .list();
    }

    /** Responses by audience and by day. */
    record DayCount(LocalDate day, Consultation.Audience audience, int count) {}

    List<DayCount> responsesByDay(UUID districtId, UUID surveyId, String zone) {
        return jdbc.sql("""
                        select (submitted_at at time zone ?)::date as day, audience, count(*) as n
                          from survey_response where district_id = ? and survey_id = ?
                         group by 1, 2 order by 1""")
                .params(zone, districtId, surveyId)
                .query((rs, row) -> new DayCount(
                        rs.getDate("day").toLocalDate(),
                        Consultation.Audience.valueOf(rs.getString("audience")),
                        rs.getInt("n")))
                .list();
    }

    private static Survey survey(ResultSet rs, int row) throws SQLException {
        Date closes = rs.getDate("closes_on");
        return new Survey(
                rs.getObject("district_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("token"),
                rs.getString("form_secret"),
                rs.getString("title_en"),
                rs.getString("title_es"),
                rs.getString("intro_en"),
                rs.getString("intro_es"),
                Arrays.stream(strings(rs.getArray("audiences")))
                        .map(Consultation.Audience::valueOf)
                        .toList(),
                closes == null ? null : closes.toLocalDate(),
                SurveyState.valueOf(rs.getString("state")),
                rs.getObject("assessment_id", UUID.class),
                rs.getInt("version"));
    }

    private static SurveyQuestion question(ResultSet rs, int row) throws SQLException {
        return new SurveyQuestion(
                rs.getObject("id", UUID.class),
                rs.getInt("position"),
                rs.getString("code"),
                SurveyQuestionKind.valueOf(rs.getString("kind")),
                rs.getString("text_en"),
                rs.getString("text_es"),
                List.of(strings(rs.getArray("options_en"))),
                List.of(strings(rs.getArray("options_es"))),
                rs.getObject("scale_max", Integer.class));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static String[] names(List<Consultation.Audience> audiences) {
        return audiences.stream().map(Enum::name).toArray(String[]::new);
    }
}
