package org.lodestar.engagement.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.OpenComment;
import org.lodestar.needs.LinkedThemeSource;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A school's leader and their school's themes (aggregates only, links to their school's needs and plans, finding themes
 * again), a hidden comment's words leaving its theme's label, and runs left behind by a restart.
 */
@LodestarTest
class SchoolThemesTest {

    static final String CEDAR_SET = "Cedar family night 2026: comments heard (sample data)";

    /** The start of the title of each set the principal makes of Cedar's survey in a test. */
    static final String PRINCIPALS_SET = "Cedar survey themes ";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ThemeStore store;

    @Autowired
    ThemeRuns runs;

    @Autowired
    NeedsApi needs;

    @Autowired
    ThemeEdits edits;

    @Autowired
    ThemeScope scope;

    @Autowired
    LinkedThemeSource linkedThemes;

    @Autowired
    org.lodestar.engagement.domain.OpenComments comments;

    private MockHttpServletResponse send(SignedInUser who, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private String page(SignedInUser who, String path) throws Exception {
        MockHttpServletResponse response = send(who, get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private SignedInUser principal() {
        return fixtures.user("principal@lakeview.example");
    }

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    private ThemeStore.ThemeSet cedarSet() {
        return store.sets(fixtures.demoDistrict()).stream()
                .filter(s -> s.title().equals(CEDAR_SET))
                .findFirst()
                .orElseThrow();
    }

    private UUID cedar() {
        return principal().ledSchools().get(0);
    }

    private UUID cedarNeed() {
        UUID district = fixtures.demoDistrict();
        return needs.assessments(district).stream()
                .filter(a -> cedar().equals(a.schoolId()) && a.schoolYear() == 2025)
                .flatMap(a -> needs.needs(district, a.id()).stream())
                .filter(n -> n.status() == NeedSummary.Status.CONFIRMED || n.status() == NeedSummary.Status.CANDIDATE)
                .map(NeedSummary::id)
                .findFirst()
                .orElseThrow();
    }

    /** A set of comments heard at a session of another school's assessment (no theme needed to be refused it). */
    private UUID otherSchoolsSet() {
        UUID school = fixtures.any("select id from school where district_id = ? and name <> 'Cedar Elementary'");
        UUID session = newSession(school, 2034);
        return store.addSet(
                fixtures.demoDistrict(),
                "Another school's comments " + UUID.randomUUID(),
                "test",
                Instant.now(),
                List.of(new ThemeStore.Source(org.lodestar.engagement.CommentSource.SESSION, session)));
    }

    /** A new session of the conversation of the school's assessment of that year (both made when missing). */
    private UUID newSession(UUID school, int year) {
        UUID district = fixtures.demoDistrict();
        UUID assessment = fixtures.jdbc()
                .sql("select id from cna where district_id = ? and school_id = ? and school_year = ?")
                .params(district, school, year)
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID id = Ids.next();
                    fixtures.jdbc().sql("""
                                    insert into cna (district_id, id, school_id, school_year, title, created_by,
                                        created_at)
                                    values (?, ?, ?, ?, 'Another school 2034-35', 'test', now())""").params(district, id, school, year).update();
                    return id;
                });
        UUID conversation = Ids.next();
        fixtures.jdbc().sql("""
                        insert into conversation (district_id, id, assessment_id, created_by, created_at)
                        values (?, ?, ?, 'test', now()) on conflict do nothing""").params(district, conversation, assessment).update();
        conversation = fixtures.jdbc()
                .sql("select id from conversation where district_id = ? and assessment_id = ?")
                .params(district, assessment)
                .query(UUID.class)
                .single();
        UUID session = Ids.next();
        fixtures.jdbc()
                .sql("""
                        insert into conversation_session (district_id, id, conversation_id, position, stage)
                        values (?, ?, ?, (select count(*) + 1 from conversation_session
                          where district_id = ? and conversation_id = ?), 'Ideas')""")
                .params(district, session, conversation, district, conversation)
                .update();
        return session;
    }

    /** A new set of a session's comments, its title the given start and a random end. */
    private UUID sessionSet(String titleStart, UUID session) {
        return store.addSet(
                fixtures.demoDistrict(),
                titleStart + UUID.randomUUID(),
                "test",
                Instant.now(),
                List.of(new ThemeStore.Source(org.lodestar.engagement.CommentSource.SESSION, session)));
    }

    @Test
    void aSchoolLeaderSeesAnAudiencesShareDrawnFromEnoughComments() throws Exception {
        UUID district = fixtures.demoDistrict();
        UUID session = newSession(cedar(), 2035);
        UUID setId = sessionSet("Cedar shares ", session);
        // one theme of 12 families and 11 teachers; another with 2 students besides (too few to be shown apart)
        Map<Consultation.Audience, Integer> first = new LinkedHashMap<>();
        first.put(Consultation.Audience.FAMILIES, 12);
        first.put(Consultation.Audience.TEACHERS, 11);
        Map<Consultation.Audience, Integer> second = new LinkedHashMap<>(first);
        second.put(Consultation.Audience.STUDENTS, 2);
        UUID whole = themeOf(district, setId, session, "whole shares", first);
        UUID partly = themeOf(district, setId, session, "partly shown", second);

        String set = page(principal(), "/themes/" + setId);
        assertThat(article(set, whole))
                .contains("Parents and families 52%")
                .contains("Teachers 48%")
                .doesNotContain("shares-suppressed");
        String partlyShown = article(set, partly);
        assertThat(partlyShown).contains("shares-suppressed").doesNotContain("Students 8%");
        // with the students' share hidden another goes too, so that 100% less the rest does not give it away
        assertThat(partlyShown.split("%", -1).length - 1).isLessThanOrEqualTo(1);
        // the planner sees every share
        assertThat(article(page(planner(), "/themes/" + setId), partly)).contains("Students 8%");
    }

    @Test
    void aFewCommentsWordsAreNotShownToThoseWhoDoNotReadTheComments() throws Exception {
        UUID district = fixtures.demoDistrict();
        UUID session = newSession(cedar(), 2036);
        UUID setId = sessionSet("Cedar few ", session);
        UUID many = themeOf(district, setId, session, "crossing guards", Map.of(Consultation.Audience.FAMILIES, 12));
        UUID few = themeOf(district, setId, session, "jamie torres bullied", Map.of(Consultation.Audience.FAMILIES, 2));
        UUID named = themeOf(district, setId, session, "lunch lines", Map.of(Consultation.Audience.FAMILIES, 3));
        store.rename(district, named, "Lunch lines are long", 0);
        String placeholder = "A theme of a few comments (its words are not shown)";

        String set = page(principal(), "/themes/" + setId);
        assertThat(article(set, many)).contains("crossing guards");
        assertThat(article(set, named)).contains("Lunch lines are long");
        // the theme of two keeps its card (for its links) without its words, and is counted
        assertThat(article(set, few)).contains(placeholder);
        assertThat(set)
                .doesNotContain("jamie")
                .contains(
                        "Themes of fewer comments than the district&#39;s minimum group size: 1, with 2 comments in all.");
        assertThat(page(principal(), "/themes/" + setId + "/themes.csv"))
                .contains("crossing guards")
                .doesNotContain("jamie");
        // the planner, who reads the comments, sees the words
        assertThat(article(page(planner(), "/themes/" + setId), few)).contains("jamie torres bullied");

        // nor does a need's page show them, to anyone
        UUID need = cedarNeed();
        String links = "/themes/" + setId + "/themes/" + few + "/links";
        assertThat(send(principal(), post(links).param("kind", "NEED").param("target", need.toString()))
                        .getStatus())
                .isEqualTo(302);
        assertThat(linkedThemes.themesOf(district, List.of(need)))
                .filteredOn(t -> t.themeId().equals(few))
                .singleElement()
                .satisfies(t -> assertThat(t.label()).isNull());
        for (SignedInUser who : List.of(principal(), planner())) {
            assertThat(page(who, "/needs/" + need)).contains(placeholder).doesNotContain("jamie torres");
        }
    }

    private UUID themeOf(
            UUID district, UUID setId, UUID session, String label, Map<Consultation.Audience, Integer> audiences) {
        List<OpenComment> made = new ArrayList<>();
        audiences.forEach((audience, n) -> {
            for (int i = 0; i < n; i++) {
                made.add(new OpenComment(
                        Ids.next(),
                        org.lodestar.engagement.CommentSource.SESSION,
                        session,
                        audience,
                        "en",
                        label + " comment " + i,
                        false,
                        Instant.now()));
            }
        });
        comments.add(district, made);
        UUID theme = store.addTheme(district, setId, label, Instant.now());
        store.assign(district, setId, made.stream().map(OpenComment::id).toList(), theme, false);
        return theme;
    }

    private static String article(String page, UUID themeId) {
        int start = page.indexOf("id=\"theme-" + themeId + "\"");
        assertThat(start).isPositive();
        return page.substring(start, page.indexOf("</article>", start));
    }

    @Test
    void aSchoolLeaderReadsTheirSchoolsThemesInAggregateOnly() throws Exception {
        UUID district = fixtures.demoDistrict();
        ThemeStore.ThemeSet cedar = cedarSet();
        List<ThemeStore.ThemeRow> themes = store.themes(district, cedar.id());
        assertThat(themes).hasSizeGreaterThanOrEqualTo(2);
        List<String> texts = store.comments(district, cedar.id()).stream()
                .map(OpenComment::text)
                .toList();
        assertThat(texts).hasSize(20);

        String list = page(principal(), "/themes");
        // nor told of quotes they do not see: the planners' introduction promises representative comments
        assertThat(list)
                .contains(CEDAR_SET)
                .doesNotContain("data-test=\"paste-link\"")
                .doesNotContain("representative comments");
        // the district's sets (a survey of the district's assessment, a paste) and other schools' are not theirs; every
        // set of Cedar's comments, the demo's and this class's, has a title starting "Cedar "
        for (ThemeStore.ThemeSet other : store.sets(district)) {
            if (!other.title().startsWith("Cedar ")) {
                assertThat(list).doesNotContain("/themes/" + other.id());
            }
        }

        String set = page(principal(), "/themes/" + cedar.id());
        for (ThemeStore.ThemeRow theme : themes) {
            assertThat(set).contains(escaped(theme.label())).contains(theme.size() + " comments");
        }
        // 12 families and 8 teachers in all: in each theme one audience at least is under the district's minimum n
        // (10),
        // so no share is shown (a lone share would give the other away)
        assertThat(set)
                .contains("data-test=\"shares-suppressed\"")
                .doesNotContain("data-test=\"theme-shares\"")
                .contains("data-test=\"link-need\"");
        // the planner sees them
        assertThat(page(planner(), "/themes/" + cedar.id())).contains("data-test=\"theme-shares\"");
        for (String text : texts) {
            assertThat(set).doesNotContain(escaped(text)).doesNotContain(escaped(text.substring(0, 25)));
        }
        for (String form : List.of("rename", "merge", "split", "move", "hide", "you-said-form", "representative")) {
            assertThat(set).doesNotContain("data-test=\"" + form + "\"");
        }
        MockHttpServletResponse csv = send(principal(), get("/themes/" + cedar.id() + "/themes.csv"));
        assertThat(csv.getStatus()).isEqualTo(200);
        String file = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(file.lines().count()).isEqualTo(1 + themes.size());
        texts.forEach(text -> assertThat(file).doesNotContain(text.substring(0, 25)));
        assertThat(file.lines().skip(1))
                .allSatisfy(line -> assertThat(line).doesNotContain("0.").doesNotContain("1.00"));

        // another school's set and the district's sets: not found for them; what planners do: refused
        UUID other = otherSchoolsSet();
        assertThat(send(principal(), get("/themes/" + other)).getStatus()).isEqualTo(404);
        assertThat(send(principal(), get("/themes/" + other + "/themes.csv")).getStatus())
                .isEqualTo(404);
        assertThat(send(principal(), post("/themes/" + other + "/runs")).getStatus())
                .isEqualTo(404);
        UUID districtSet = store.sets(district).stream()
                .filter(s -> s.title().startsWith("Family and staff survey")
                        || s.title().startsWith("Spring"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(send(principal(), get("/themes/" + districtSet)).getStatus()).isEqualTo(404);
        assertThat(page(planner(), "/themes/" + other)).contains("Another school");
        ThemeStore.ThemeRow theme = themes.get(0);
        assertThat(send(
                                principal(),
                                post("/themes/" + cedar.id() + "/themes/" + theme.id() + "/rename")
                                        .param("version", String.valueOf(theme.version()))
                                        .param("label", "Renamed by the principal"))
                        .getStatus())
                .isEqualTo(403);
        UUID comment =
                store.assignments(district, cedar.id()).keySet().iterator().next();
        assertThat(send(principal(), post("/themes/" + cedar.id() + "/comments/" + comment + "/hide"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(principal(), get("/themes/paste")).getStatus()).isEqualTo(403);
        assertThat(comments.byIds(district, List.of(comment)).get(0).hidden()).isFalse();
        assertThat(store.theme(district, theme.id()).orElseThrow().label()).isEqualTo(theme.label());

        // a teacher of the same school and a board member: refused
        SignedInUser teacher = fixtures.demoUser("themes-teacher@lakeview.example", "CONTRIBUTOR", cedar());
        SignedInUser board = fixtures.user("board@lakeview.example");
        for (SignedInUser refused : List.of(teacher, board)) {
            assertThat(send(refused, get("/themes")).getStatus()).isEqualTo(403);
            assertThat(send(refused, get("/themes/" + cedar.id())).getStatus()).isEqualTo(403);
            assertThat(send(refused, get("/themes/" + cedar.id() + "/themes.csv"))
                            .getStatus())
                    .isEqualTo(403);
        }
    }

    @Test
    void aSchoolLeaderLinksTheirSchoolsThemeToTheirSchoolsNeedAndAction() throws Exception {
        UUID district = fixtures.demoDistrict();
        ThemeStore.ThemeSet cedar = cedarSet();
        ThemeStore.ThemeRow theme = store.themes(district, cedar.id()).get(1);
        UUID need = cedarNeed();
        String links = "/themes/" + cedar.id() + "/themes/" + theme.id() + "/links";

        assertThat(send(principal(), post(links).param("kind", "NEED").param("target", need.toString()))
                        .getStatus())
                .isEqualTo(302);
        assertThat(linkedThemes.themesOf(district, List.of(need)))
                .anyMatch(t -> t.themeId().equals(theme.id()));
        assertThat(page(principal(), "/needs/" + need))
                .contains(escaped(theme.label()))
                .contains("/themes/" + cedar.id() + "#theme-" + theme.id());

        // the district's need and the district's action are not theirs to link to
        UUID districtNeed = needs.assessments(district).stream()
                .filter(a -> a.schoolId() == null)
                .flatMap(a -> needs.needs(district, a.id()).stream())
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(send(principal(), post(links).param("kind", "NEED").param("target", districtNeed.toString()))
                        .getStatus())
                .isEqualTo(404);
        UUID districtAction = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                  join plan p on p.district_id = g.district_id and p.id = g.plan_id
                 where s.district_id = ? and p.school_id is null and s.removed_at is null""");
        assertThat(send(principal(), post(links).param("kind", "ITEM").param("target", districtAction.toString()))
                        .getStatus())
                .isEqualTo(404);
        UUID cedarAction = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                  join plan p on p.district_id = g.district_id and p.id = g.plan_id
                  join school sc on sc.district_id = p.district_id and sc.id = p.school_id
                 where s.district_id = ? and sc.name = 'Cedar Elementary' and s.removed_at is null""");
        assertThat(send(principal(), post(links).param("kind", "ITEM").param("target", cedarAction.toString()))
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(principal(), "/themes/" + cedar.id())).contains("data-test=\"unlink\"");

        // and unlinks them again
        assertThat(send(
                                principal(),
                                post(links)
                                        .param("kind", "NEED")
                                        .param("target", need.toString())
                                        .param("linked", "false"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(
                                principal(),
                                post(links)
                                        .param("kind", "ITEM")
                                        .param("target", cedarAction.toString())
                                        .param("linked", "false"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(linkedThemes.themesOf(district, List.of(need)))
                .noneMatch(t -> t.themeId().equals(theme.id()));
    }

    @Test
    void aSchoolLeaderMakesASetOfTheirSchoolsSurveyAndOfNoOtherSource() throws Exception {
        UUID district = fixtures.demoDistrict();
        UUID cedarSurvey = fixtures.any(
                "select id from survey where district_id = ? and title_en = 'Cedar family survey 2025-26'");
        UUID districtSurvey = fixtures.any(
                "select id from survey where district_id = ? and title_en = 'Family and staff survey 2025-26'");
        SignedInUser otherLeader = fixtures.user("elena.sousa@lakeview.example");
        assertThat(page(principal(), "/themes"))
                .contains("Survey &quot;Cedar family survey 2025-26&quot;")
                .doesNotContain("Family and staff survey 2025-26");
        assertThat(page(otherLeader, "/themes")).doesNotContain("Cedar family survey 2025-26");

        // the district's survey is not among the principal's sources: nothing is made, the form says why
        String title = PRINCIPALS_SET + UUID.randomUUID();
        MockHttpServletResponse refused = send(
                principal(), post("/themes/sets").param("title", title).param("sources", "SURVEY:" + districtSurvey));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("set-problem");
        // nor is it when posted beside Cedar's: refused, not dropped
        MockHttpServletResponse mixed = send(
                principal(),
                post("/themes/sets")
                        .param("title", title)
                        .param("sources", "SURVEY:" + cedarSurvey, "SURVEY:" + districtSurvey));
        assertThat(mixed.getStatus()).isEqualTo(422);
        assertThat(mixed.getContentAsString(StandardCharsets.UTF_8)).contains("not among those offered here");
        assertThat(send(
                                fixtures.user("teacher@lakeview.example"),
                                post("/themes/sets").param("title", title).param("sources", "SURVEY:" + cedarSurvey))
                        .getStatus())
                .isEqualTo(403);
        assertThat(store.sets(district)).noneMatch(set -> set.title().equals(title));

        MockHttpServletResponse made =
                send(principal(), post("/themes/sets").param("title", title).param("sources", "SURVEY:" + cedarSurvey));
        assertThat(made.getStatus()).isEqualTo(302);
        ThemeStore.ThemeSet set = store.sets(district).stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow();
        assertThat(made.getRedirectedUrl()).isEqualTo("/themes/" + set.id());
        assertThat(set.comments()).isGreaterThan(50);
        assertThat(page(principal(), "/themes")).contains(title);
        assertThat(page(principal(), "/themes/" + set.id())).contains(title);
        assertThat(send(otherLeader, get("/themes/" + set.id())).getStatus()).isEqualTo(404);
    }

    @Test
    void aLeaderOfTwoSchoolsMakesASetOfOneSchoolAtATime() throws Exception {
        UUID district = fixtures.demoDistrict();
        UUID otherSession = store.sources(district, otherSchoolsSet()).get(0).sourceId();
        UUID otherSchool = fixtures.jdbc()
                .sql("""
                        select c.school_id from conversation_session s
                          join conversation v on v.district_id = s.district_id and v.id = s.conversation_id
                          join cna c on c.district_id = v.district_id and c.id = v.assessment_id
                         where s.district_id = ? and s.id = ?""")
                .params(district, otherSession)
                .query(UUID.class)
                .single();
        comments.add(
                district,
                List.of(new OpenComment(
                        Ids.next(),
                        org.lodestar.engagement.CommentSource.SESSION,
                        otherSession,
                        Consultation.Audience.FAMILIES,
                        "en",
                        "The crossing guard at the corner is wonderful.",
                        false,
                        Instant.now())));
        SignedInUser both = leaderOf(cedar(), otherSchool);
        UUID cedarSurvey = fixtures.any(
                "select id from survey where district_id = ? and title_en = 'Cedar family survey 2025-26'");
        assertThat(scope.sources(both))
                .extracting(ThemeStore.SourceCount::sourceId)
                .contains(cedarSurvey, otherSession);

        String title = "Two schools' comments " + UUID.randomUUID();
        MockHttpServletResponse refused = send(
                both,
                post("/themes/sets")
                        .param("title", title)
                        .param("sources", "SURVEY:" + cedarSurvey, "SESSION:" + otherSession));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("of one school");
        assertThat(store.sets(district)).noneMatch(set -> set.title().equals(title));

        MockHttpServletResponse made =
                send(both, post("/themes/sets").param("title", title).param("sources", "SESSION:" + otherSession));
        assertThat(made.getStatus()).isEqualTo(302);
        assertThat(send(both, get(made.getRedirectedUrl())).getStatus()).isEqualTo(200);
    }

    /** A new person of the demo district who leads the given schools. */
    private SignedInUser leaderOf(UUID... schools) {
        UUID district = fixtures.demoDistrict();
        UUID user = Ids.next();
        String email = "leader-" + user + "@lakeview.example";
        fixtures.jdbc()
                .sql("insert into app_user (district_id, id, email, display_name, password_hash)"
                        + " values (?, ?, ?, 'Two schools', 'not a password')")
                .params(district, user, email)
                .update();
        for (UUID school : schools) {
            fixtures.jdbc()
                    .sql("insert into role_grant (district_id, id, user_id, role, school_id)"
                            + " values (?, ?, ?, 'SCHOOL_LEADER', ?)")
                    .params(district, Ids.next(), user, school)
                    .update();
        }
        return fixtures.user(email);
    }

    @Test
    void aSchoolLeaderMayNotMakeASetOfAnotherSchoolsCommentsThroughTheModule() {
        UUID otherSession =
                store.sources(fixtures.demoDistrict(), otherSchoolsSet()).get(0).sourceId();
        String title = "Another school's comments, taken " + UUID.randomUUID();
        List<ThemeStore.Source> sources =
                List.of(new ThemeStore.Source(org.lodestar.engagement.CommentSource.SESSION, otherSession));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> edits.newSet(principal(), title, sources))
                .isInstanceOf(org.lodestar.shared.ForbiddenException.class);
        assertThat(store.sets(fixtures.demoDistrict()))
                .noneMatch(set -> set.title().equals(title));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> edits.newSet(principal(), title, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(edits.newSet(planner(), title, sources)).isNotNull();
    }

    @Test
    void aSchoolLeaderFindsTheirSchoolsThemesAgain() throws Exception {
        UUID district = fixtures.demoDistrict();
        ThemeStore.ThemeSet cedar = cedarSet();
        int before = store.runs(district, cedar.id()).size();
        assertThat(send(principal(), post("/themes/" + cedar.id() + "/runs")).getStatus())
                .isEqualTo(302);
        long until = System.currentTimeMillis() + 180_000;
        while (store.runs(district, cedar.id()).stream().anyMatch(r -> !r.finished())) {
            assertThat(System.currentTimeMillis()).isLessThan(until);
            Thread.sleep(200);
        }
        List<ThemeStore.Run> after = store.runs(district, cedar.id());
        assertThat(after).hasSize(before + 1);
        assertThat(after.get(0).requestedBy()).isEqualTo("principal@lakeview.example");
        assertThat(after.get(0).status()).isEqualTo(ThemeStore.RunStatus.DONE);
        // the same comments again: nothing moves
        assertThat(after.get(0).moved()).isZero();
        assertThat(send(
                                principal(),
                                get("/themes/" + cedar.id() + "/runs/"
                                        + after.get(0).id()))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aHiddenCommentsWordsLeaveItsThemesLabelAndRunsLeaveItOut() throws Exception {
        UUID district = planner().districtId();
        // one comment carries a word no other says, often enough to lead its theme's label
        String odd = "The school bus is late; zorblax zorblax zorblax zorblax zorblax.";
        List<String> texts = new java.util.ArrayList<>(ThemesTest.COMMENTS);
        texts.set(0, odd);
        MockHttpServletResponse pasted = send(
                planner(),
                post("/themes/paste")
                        .param("title", "Odd word " + UUID.randomUUID())
                        .param("language", "en")
                        .param("comments", String.join("\n", texts)));
        assertThat(pasted.getStatus()).isEqualTo(302);
        UUID setId = UUID.fromString(pasted.getRedirectedUrl().substring("/themes/".length()));
        awaitRuns(setId);
        UUID oddComment = store.comments(district, setId).stream()
                .filter(c -> c.text().equals(odd))
                .findFirst()
                .orElseThrow()
                .id();
        UUID themeId = store.assignments(district, setId).get(oddComment).themeId();
        assertThat(store.theme(district, themeId).orElseThrow().label()).contains("zorblax");

        assertThat(send(planner(), post("/themes/" + setId + "/comments/" + oddComment + "/hide"))
                        .getStatus())
                .isEqualTo(302);
        ThemeStore.ThemeRow hidden = store.theme(district, themeId).orElseThrow();
        assertThat(hidden.label()).doesNotContain("zorblax").isNotBlank();
        // it is kept and counted in its theme
        assertThat(store.assignments(district, setId).get(oddComment).themeId()).isEqualTo(themeId);

        // a run leaves it out: no label takes its word, and it is not counted among the comments grouped
        assertThat(send(planner(), post("/themes/" + setId + "/runs")).getStatus())
                .isEqualTo(302);
        awaitRuns(setId);
        assertThat(store.runs(district, setId).get(0).comments()).isEqualTo(texts.size() - 1);
        assertThat(store.themes(district, setId))
                .allSatisfy(t -> assertThat(t.label()).doesNotContain("zorblax"));

        // shown again, the label may take it back; a renamed theme keeps its name either way
        assertThat(send(
                                planner(),
                                post("/themes/" + setId + "/comments/" + oddComment + "/hide")
                                        .param("hidden", "false"))
                        .getStatus())
                .isEqualTo(302);
        UUID now = store.assignments(district, setId).get(oddComment).themeId();
        assertThat(store.theme(district, now).orElseThrow().label()).contains("zorblax");
        ThemeStore.ThemeRow shown = store.theme(district, now).orElseThrow();
        assertThat(send(
                                planner(),
                                post("/themes/" + setId + "/themes/" + now + "/rename")
                                        .param("version", String.valueOf(shown.version()))
                                        .param("label", "Buses (zorblax)"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(planner(), post("/themes/" + setId + "/comments/" + oddComment + "/hide"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(store.theme(district, now).orElseThrow().label()).isEqualTo("Buses (zorblax)");
    }

    private void awaitRuns(UUID setId) throws InterruptedException {
        UUID district = fixtures.demoDistrict();
        long until = System.currentTimeMillis() + 180_000;
        while (store.runs(district, setId).stream().anyMatch(run -> !run.finished())) {
            assertThat(System.currentTimeMillis()).isLessThan(until);
            Thread.sleep(200);
        }
        assertThat(store.runs(district, setId).get(0).status()).isEqualTo(ThemeStore.RunStatus.DONE);
    }

    @Test
    void runsLeftWaitingOrWorkingByARestartAreMarkedInterrupted() throws Exception {
        UUID district = fixtures.demoDistrict();
        UUID setId = otherSchoolsSet();
        UUID done = store.runs(district, cedarSet().id()).get(0).id();
        ThemeStore.RunStatus doneStatus =
                store.run(district, done).orElseThrow().status();
        UUID waiting = store.addRun(district, setId, "planner@lakeview.example", Instant.now());
        UUID working = store.addRun(district, setId, "planner@lakeview.example", Instant.now());
        store.runStatus(district, working, ThemeStore.RunStatus.WORKING, 20);

        assertThat(runs.interruptLeftRuns()).isGreaterThanOrEqualTo(2);

        for (UUID id : List.of(waiting, working)) {
            ThemeStore.Run run = store.run(district, id).orElseThrow();
            assertThat(run.status()).isEqualTo(ThemeStore.RunStatus.FAILED);
            assertThat(run.interrupted()).isTrue();
        }
        // a finished run stays as it was
        assertThat(store.run(district, done).orElseThrow().status()).isEqualTo(doneStatus);
        assertThat(page(planner(), "/themes/" + setId))
                .contains("data-test=\"run-failed\"")
                .contains("Interrupted by a restart: run it again.");
        assertThat(page(planner(), "/themes/" + setId + "?lang=es"))
                .contains("Interrumpido por un reinicio: vuelva a ejecutarlo.");
        assertThat(runs.interruptLeftRuns()).isZero();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
