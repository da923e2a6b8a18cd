package org.lodestar.engagement.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.OpenComment;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Comment sets and themes as planners use them: pinned comments and renamed themes survive finding themes again,
 * hidden comments reach no public page and no export, and only the district's planners and admins see anything.
 */
@LodestarTest
class ThemesTest {

    /** Three plain topics, four comments each, so that the groups are clear. */
    static final List<String> COMMENTS = List.of(
            "The school bus is late almost every morning.",
            "Bus routes take far too long for our kids.",
            "The bus driver skipped our stop twice this month.",
            "Please fix the late buses on the north route.",
            "Too much homework every night for young children.",
            "Homework takes hours and leaves no time for family.",
            "Less homework please, the kids are exhausted.",
            "The amount of homework is overwhelming.",
            "The cafeteria food is cold and not healthy.",
            "School lunches need more fresh fruit and vegetables.",
            "Lunch portions are too small for teenagers.",
            "Healthier cafeteria meals would help students focus.");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ThemeStore store;

    @Autowired
    OpenComments comments;

    private MockHttpServletResponse send(SignedInUser who, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    /** Pastes the comments as a new set, waits for its themes, and returns the set's id. */
    private UUID pasted(String title, List<String> texts) throws Exception {
        MockHttpServletResponse response = send(
                planner(),
                post("/themes/paste")
                        .param("title", title)
                        .param("audience", "FAMILIES")
                        .param("language", "en")
                        .param("comments", String.join("\n", texts)));
        assertThat(response.getStatus()).isEqualTo(302);
        UUID setId = UUID.fromString(response.getRedirectedUrl().substring("/themes/".length()));
        awaitRuns(setId);
        return setId;
    }

    private void awaitRuns(UUID setId) throws InterruptedException {
        UUID district = planner().districtId();
        long until = System.currentTimeMillis() + 180_000;
        while (store.runs(district, setId).stream().anyMatch(run -> !run.finished())) {
            assertThat(System.currentTimeMillis()).isLessThan(until);
            Thread.sleep(200);
        }
        assertThat(store.runs(district, setId).get(0).status()).isEqualTo(ThemeStore.RunStatus.DONE);
    }

    @Test
    void aPinnedCommentAndARenamedThemeSurviveFindingThemesAgain() throws Exception {
        UUID district = planner().districtId();
        UUID setId = pasted("Family comments " + UUID.randomUUID(), COMMENTS);
        List<ThemeStore.ThemeRow> themes = store.themes(district, setId);
        assertThat(themes).hasSizeGreaterThanOrEqualTo(2);
        assertThat(themes.stream().mapToInt(ThemeStore.ThemeRow::size).sum()).isEqualTo(COMMENTS.size());
        assertThat(themes.get(0).representatives()).hasSizeBetween(1, 3);

        // the planner moves a comment to another theme and renames that theme
        ThemeStore.ThemeRow from = themes.get(0);
        ThemeStore.ThemeRow to = themes.get(1);
        UUID moved = store.assignments(district, setId).values().stream()
                .filter(a -> a.themeId().equals(from.id()))
                .findFirst()
                .orElseThrow()
                .commentId();
        assertThat(send(
                                planner(),
                                post("/themes/" + setId + "/themes/" + from.id() + "/move")
                                        .param("version", String.valueOf(from.version()))
                                        .param("comment", moved.toString())
                                        .param("to", to.id().toString()))
                        .getStatus())
                .isEqualTo(302);
        int toVersion = store.theme(district, to.id()).orElseThrow().version();
        assertThat(send(
                                planner(),
                                post("/themes/" + setId + "/themes/" + to.id() + "/rename")
                                        .param("version", String.valueOf(toVersion))
                                        .param("label", "Our own name"))
                        .getStatus())
                .isEqualTo(302);
        // an edit made from the version read before is refused
        assertThat(send(
                                planner(),
                                post("/themes/" + setId + "/themes/" + to.id() + "/rename")
                                        .param("version", String.valueOf(toVersion))
                                        .param("label", "Someone else's name"))
                        .getStatus())
                .isEqualTo(409);

        // new responses arrive in the same batch, and themes are found again
        UUID batch = store.sources(district, setId).get(0).sourceId();
        List<OpenComment> added = new ArrayList<>();
        for (String text : List.of("The bus came forty minutes late today.", "Even more homework this week.")) {
            added.add(new OpenComment(
                    Ids.next(),
                    CommentSource.PASTED,
                    batch,
                    Consultation.Audience.STUDENTS,
                    "en",
                    text,
                    false,
                    Instant.now()));
        }
        comments.add(district, added);
        assertThat(send(planner(), post("/themes/" + setId + "/runs")).getStatus())
                .isEqualTo(302);
        awaitRuns(setId);

        Map<UUID, ThemeStore.Assignment> after = store.assignments(district, setId);
        assertThat(after.get(moved).themeId()).isEqualTo(to.id());
        assertThat(after.get(moved).pinned()).isTrue();
        assertThat(store.theme(district, to.id()).orElseThrow().label()).isEqualTo("Our own name");
        assertThat(after.keySet())
                .containsAll(added.stream().map(OpenComment::id).toList());
        ThemeStore.Run run = store.runs(district, setId).get(0);
        assertThat(run.added()).isEqualTo(2);
        assertThat(run.pinnedKept()).isEqualTo(1);
        String page = send(planner(), get("/themes/" + setId)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Our own name").contains("placed 2 new comments");
    }

    @Test
    void aHiddenCommentReachesNoPublicPageAndTheCsvHoldsNoCommentText() throws Exception {
        UUID district = planner().districtId();
        // texts of this test alone, so that another test's published quote of the same words cannot answer for it
        String tag = " [" + UUID.randomUUID().toString().substring(0, 8) + "]";
        List<String> texts = COMMENTS.stream().map(text -> text + tag).toList();
        UUID setId = pasted("Quoted comments " + UUID.randomUUID(), texts);
        ThemeStore.ThemeRow theme = store.themes(district, setId).get(0);
        UUID quote = theme.representatives().get(0);
        String quoted = comments.byIds(district, List.of(quote)).get(0).text();

        assertThat(send(
                                planner(),
                                post("/themes/" + setId + "/themes/" + theme.id() + "/you-said")
                                        .param("heardEn", "Families told us about this.")
                                        .param("heardEs", "Las familias nos hablaron de esto.")
                                        .param("didEn", "We changed the plan.")
                                        .param("didEs", "Cambiamos el plan.")
                                        .param("quote", quote.toString())
                                        .param("items", changedAction().toString()))
                        .getStatus())
                .isEqualTo(302);
        YouSaidStore.Entry entry =
                entries.ofThemes(district, List.of(theme.id())).get(0);
        // not published yet: not on the public page
        assertThat(publicPage()).doesNotContain("Cambiamos el plan.").doesNotContain("We changed the plan.");
        assertThat(send(
                                planner(),
                                post("/themes/" + setId + "/you-said/" + entry.id() + "/publish")
                                        .param("published", "true")
                                        .param("version", String.valueOf(entry.version())))
                        .getStatus())
                .isEqualTo(302);
        assertThat(publicPage()).contains("We changed the plan.").contains(escaped(quoted));
        // the action the planner named as changed is listed by its title
        assertThat(publicPage())
                .contains("What the plan changed:")
                .contains(escaped(fixtures.jdbc()
                        .sql("select title from strategy where id = ?")
                        .param(changedAction())
                        .query(String.class)
                        .single()));

        assertThat(send(planner(), post("/themes/" + setId + "/comments/" + quote + "/hide"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(publicPage()).contains("We changed the plan.").doesNotContain(escaped(quoted));
        assertThat(store.theme(district, theme.id()).orElseThrow().representatives())
                .doesNotContain(quote);
        assertThat(send(planner(), get("/themes/" + setId)).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(escaped(quoted));

        MockHttpServletResponse csv = send(planner(), get("/themes/" + setId + "/themes.csv"));
        assertThat(csv.getStatus()).isEqualTo(200);
        String file = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(file).startsWith("label,size,share_teachers");
        assertThat(file.lines().count())
                .isEqualTo(1 + store.themes(district, setId).size());
        for (String text : texts) {
            assertThat(file).doesNotContain(text).doesNotContain(text.substring(0, 20));
        }
    }

    @Autowired
    YouSaidStore entries;

    /** An action of the demo district's plans, named as what the plan changed. */
    private UUID changedAction() {
        return fixtures.any(
                "select id from strategy where district_id = ? and title like 'Attendance teams%' order by id");
    }

    /** The demo's set titles (demo/DemoThemes). */
    static final class DemoTitles {
        static final String SAMPLE = "Spring listening sessions 2026 (sample comments)";
        static final String SURVEY = "Family and staff survey 2025-26: open answers (sample data)";
    }

    private String publicPage() throws Exception {
        return mvc.perform(get("/p/lakeview/you-said-we-did").param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;");
    }

    @Test
    void onlyPlannersAndAdminsOfTheDistrictSeeComments() throws Exception {
        UUID setId = pasted("Private comments " + UUID.randomUUID(), COMMENTS.subList(0, 4));
        SignedInUser board = fixtures.user("board@lakeview.example");
        assertThat(send(board, get("/themes")).getStatus()).isEqualTo(403);
        assertThat(send(board, get("/themes/" + setId)).getStatus()).isEqualTo(403);
        assertThat(send(board, get("/themes/" + setId + "/themes.csv")).getStatus())
                .isEqualTo(403);
        int sets = fixtures.count("theme_set");
        assertThat(send(board, post("/themes/paste").param("title", "x").param("comments", "a comment"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(fixtures.count("theme_set")).isEqualTo(sets);

        SignedInUser outsider = fixtures.otherDistrictUser("PLANNER");
        assertThat(send(outsider, get("/themes/" + setId)).getStatus()).isEqualTo(404);
        assertThat(send(outsider, get("/themes/" + setId + "/themes.csv")).getStatus())
                .isEqualTo(404);
        assertThat(send(outsider, post("/themes/" + setId + "/runs")).getStatus())
                .isEqualTo(404);
        UUID theme = store.themes(planner().districtId(), setId).get(0).id();
        assertThat(send(
                                outsider,
                                post("/themes/" + setId + "/themes/" + theme + "/rename")
                                        .param("version", "0")
                                        .param("label", "Taken over"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(outsider, get("/themes")).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Private comments");
    }

    @Test
    void anEmptyCommentIsRefusedWithAMessageAndNothingIsSaved() throws Exception {
        int sets = fixtures.count("theme_set");
        int saved = fixtures.count("engagement_comment");
        MockHttpServletResponse blank =
                send(planner(), post("/themes/paste").param("title", "Blank").param("comments", "   \n\n  "));
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString(StandardCharsets.UTF_8))
                .contains("There is no comment to save: paste at least one comment with some text.");

        MockHttpServletResponse blankRow = send(
                planner(),
                post("/themes/paste")
                        .param("title", "CSV")
                        .param("comments", "id,text\n1,The bus is late\n2,  \n3,Too much homework"));
        assertThat(blankRow.getStatus()).isEqualTo(422);
        assertThat(blankRow.getContentAsString(StandardCharsets.UTF_8))
                .contains("The row on line 3 has no text; nothing was saved.");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= ThemeRuns.MAX_COMMENTS; i++) {
            many.append("Comment number ").append(i).append('\n');
        }
        MockHttpServletResponse tooMany =
                send(planner(), post("/themes/paste").param("title", "Too many").param("comments", many.toString()));
        assertThat(tooMany.getStatus()).isEqualTo(422);
        assertThat(tooMany.getContentAsString(StandardCharsets.UTF_8))
                .contains("At most 20,000 comments at once; nothing was saved.");
        assertThat(fixtures.count("theme_set")).isEqualTo(sets);
        assertThat(fixtures.count("engagement_comment")).isEqualTo(saved);
    }

    @Test
    void mergingAndSplittingPinTheCommentsTheyPlaceAndAnEmptyChoiceIsRefused() throws Exception {
        UUID district = planner().districtId();
        UUID setId = pasted("Merged comments " + UUID.randomUUID(), COMMENTS);
        List<ThemeStore.ThemeRow> themes = store.themes(district, setId);
        ThemeStore.ThemeRow from = themes.get(1);
        ThemeStore.ThemeRow into = themes.get(0);
        assertThat(send(
                                planner(),
                                post("/themes/" + setId + "/themes/" + from.id() + "/merge")
                                        .param("version", String.valueOf(from.version()))
                                        .param("into", into.id().toString()))
                        .getStatus())
                .isEqualTo(302);
        assertThat(store.theme(district, from.id())).isEmpty();
        ThemeStore.ThemeRow merged = store.theme(district, into.id()).orElseThrow();
        assertThat(merged.size()).isEqualTo(from.size() + into.size());

        MockHttpServletResponse nothingTicked = send(
                planner(),
                post("/themes/" + setId + "/themes/" + merged.id() + "/split")
                        .param("version", String.valueOf(merged.version()))
                        .param("label", "Split off"));
        assertThat(nothingTicked.getStatus()).isEqualTo(422);
        assertThat(nothingTicked.getContentAsString(StandardCharsets.UTF_8))
                .contains("Tick at least one comment to split off.");

        List<UUID> picked = store.assignments(district, setId).values().stream()
                .filter(a -> a.themeId().equals(merged.id()))
                .map(ThemeStore.Assignment::commentId)
                .limit(2)
                .toList();
        MockHttpServletResponse split = send(
                planner(),
                post("/themes/" + setId + "/themes/" + merged.id() + "/split")
                        .param("version", String.valueOf(merged.version()))
                        .param("label", "Split off")
                        .param(
                                "comments",
                                picked.get(0).toString(),
                                picked.get(1).toString()));
        assertThat(split.getStatus()).isEqualTo(302);
        ThemeStore.ThemeRow created = store.themes(district, setId).stream()
                .filter(t -> t.label().equals("Split off"))
                .findFirst()
                .orElseThrow();
        assertThat(created.size()).isEqualTo(2);
        assertThat(created.renamed()).isTrue();
        Map<UUID, ThemeStore.Assignment> after = store.assignments(district, setId);
        assertThat(picked).allSatisfy(id -> {
            assertThat(after.get(id).themeId()).isEqualTo(created.id());
            assertThat(after.get(id).pinned()).isTrue();
        });
        // finding themes again leaves the planner's work as it is
        assertThat(send(planner(), post("/themes/" + setId + "/runs")).getStatus())
                .isEqualTo(302);
        awaitRuns(setId);
        assertThat(store.theme(district, created.id()).orElseThrow().label()).isEqualTo("Split off");
        assertThat(store.assignments(district, setId).get(picked.get(0)).themeId())
                .isEqualTo(created.id());
        assertThat(store.runs(district, setId).get(0).added()).isZero();
    }

    @Autowired
    org.lodestar.needs.LinkedThemeSource linkedThemes;

    @Test
    void aLinkedThemeShowsOnItsNeedAndOnItsGoalsPage() throws Exception {
        UUID district = planner().districtId();
        UUID setId = pasted("Linked comments " + UUID.randomUUID(), COMMENTS);
        ThemeStore.ThemeRow theme = store.themes(district, setId).get(0);
        // a need of an assessment of a year nobody else uses (the needs pages make them in the app)
        fixtures.jdbc().sql("""
                        insert into cna (district_id, id, school_year, title, created_by, created_at)
                        values (?, ?, 2031, 'CNA 2031-32', 'test', now()) on conflict do nothing""").params(district, Ids.next()).update();
        UUID assessment = fixtures.any("select id from cna where district_id = ? and school_year = 2031");
        UUID need = Ids.next();
        fixtures.jdbc().sql("""
                        insert into need (district_id, id, assessment_id, title, area, status, created_by, created_at)
                        values (?, ?, ?, 'Late buses keep students from first period', 'ATTENDANCE_AND_BEHAVIOR',
                          'CONFIRMED', 'test', now())""").params(district, need, assessment).update();
        UUID goal = fixtures.any("""
                select g.id from goal g join plan p on p.district_id = g.district_id and p.id = g.plan_id
                 where g.district_id = ? and p.school_id is null and g.removed_at is null""");

        String base = "/themes/" + setId + "/themes/" + theme.id() + "/links";
        assertThat(send(planner(), post(base).param("kind", "NEED").param("target", need.toString()))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(planner(), post(base).param("kind", "ITEM").param("target", goal.toString()))
                        .getStatus())
                .isEqualTo(302);
        // something that is not the district's need or item is not found
        assertThat(send(planner(), post(base).param("kind", "NEED").param("target", goal.toString()))
                        .getStatus())
                .isEqualTo(404);

        assertThat(linkedThemes.themesOf(district, List.of(need)))
                .singleElement()
                .satisfies(linked -> {
                    assertThat(linked.themeId()).isEqualTo(theme.id());
                    assertThat(linked.size()).isEqualTo(theme.size());
                    assertThat(linked.href()).isEqualTo("/themes/" + setId + "#theme-" + theme.id());
                });
        // a goal's readers need not read comments: a theme of fewer comments than the minimum n shows no words
        assertThat(send(planner(), get("/goals/" + goal)).getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"context-THEME\"")
                .contains(
                        theme.size() >= 10
                                ? escaped(theme.label())
                                : "A theme of a few comments (its words are not shown)");
        assertThat(send(planner(), get("/themes/" + setId)).getContentAsString(StandardCharsets.UTF_8))
                .contains("Need: CNA 2031-32: Late buses keep students from first period");

        // the made-up assessment goes again, so that no other test meets it
        fixtures.jdbc()
                .sql("delete from theme_link where district_id = ? and target_id = ?")
                .params(district, need)
                .update();
        fixtures.jdbc()
                .sql("delete from cna where district_id = ? and id = ?")
                .params(district, assessment)
                .update();
    }

    @Test
    void theDemoDistrictHasNamedThemesAndAPublishedEntry() throws Exception {
        UUID district = planner().districtId();
        // the demo survey's answers once the survey part is loaded too, else the demo's own sixty comments
        ThemeStore.ThemeSet demo = store.sets(district).stream()
                .filter(s -> s.title().equals(DemoTitles.SAMPLE) || s.title().equals(DemoTitles.SURVEY))
                .findFirst()
                .orElseThrow();
        if (demo.title().equals(DemoTitles.SAMPLE)) {
            assertThat(demo.comments()).isEqualTo(60);
        }
        assertThat(demo.comments()).isPositive();
        List<ThemeStore.ThemeRow> themes = store.themes(district, demo.id());
        assertThat(themes).hasSizeGreaterThanOrEqualTo(2);
        assertThat(themes.stream().mapToInt(ThemeStore.ThemeRow::size).sum()).isEqualTo(demo.comments());
        // the planner named the theme of late buses (its quotes speak of buses) and tied it to the absenteeism need
        ThemeStore.ThemeRow named = themes.stream()
                .filter(t -> t.renamed() && t.label().equals("Getting to school: late buses and long walks"))
                .findFirst()
                .orElseThrow();
        assertThat(comments.byIds(district, named.representatives()))
                .anySatisfy(c -> assertThat(c.text()).containsPattern("(?i)\\b(bus|buses|autobús)\\b"));
        assertThat(store.linksTo(
                        district,
                        ThemeLinks.NEED,
                        fixtures.jdbc()
                                .sql(
                                        "select id from need where district_id = ? and title like 'Chronic absenteeism of%'")
                                .param(district)
                                .query(UUID.class)
                                .list()))
                .anySatisfy(link -> assertThat(link.themeId()).isEqualTo(named.id()));
        assertThat(mvc.perform(get("/p/lakeview/you-said-we-did").param("lang", "es"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Empezamos un autobús escolar a pie")
                .contains("Walking school bus from the Riverside apartments");
    }

    @Test
    void aCsvPasteReadsTheTextColumn() {
        ThemePaste.Read read = ThemePaste.read("id,text,extra\n7,\"Buses, again\",x\n8,Homework,y\n");
        assertThat(read.ok()).isTrue();
        assertThat(read.texts()).containsExactly("Buses, again", "Homework");
        assertThat(ThemePaste.read("one\n\n two \n").texts()).containsExactly("one", "two");
    }
}
