package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A plan's reading view is kept per version of the district's data and per what the reader may do with it: a viewer and
 * a planner get their own (the planner's with the edit button), each page carries its own person's layout, and a
 * change shows at the next request, whether made through the application or behind it.
 */
@LodestarTest
class PlanPagePartsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    DistrictChanges changes;

    private SignedInUser planner;
    private SignedInUser board;
    private UUID plan;
    private UUID goal;

    @BeforeEach
    void aPlanOfItsOwn() {
        planner = fixtures.user("planner@lakeview.example");
        board = fixtures.user("board@lakeview.example");
        plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Kept plan",
                        2025,
                        2029,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
        goal = planning.addGoal(planner, plan, "Every child reads", planner.userId());
    }

    private String page(SignedInUser who) throws Exception {
        var response = mvc.perform(get("/plans/" + plan).with(user(who)).locale(Locale.ENGLISH))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    @Test
    void aViewerAndAPlannerGetTheirOwnReadingViewWhoeverAsksFirst() throws Exception {
        String boardFirst = page(board);
        String plannerAfter = page(planner);
        String boardAgain = page(board);
        String plannerAgain = page(planner);

        assertThat(main(boardFirst)).contains("Every child reads").doesNotContain("data-test=\"edit-mode\"");
        assertThat(main(plannerAfter)).contains("Every child reads").contains("data-test=\"edit-mode\"");
        assertThat(main(boardAgain)).isEqualTo(main(boardFirst));
        assertThat(main(plannerAgain)).isEqualTo(main(plannerAfter));
        // the layout is each person's own (the goal's owner, the planner, is named in the plan for everyone)
        String account = "href=\"/account\">";
        assertThat(boardAgain).contains(account + board.displayName()).doesNotContain(account + planner.displayName());
        assertThat(plannerAgain)
                .contains(account + planner.displayName())
                .doesNotContain(account + board.displayName());
        // edit mode is never kept: its forms carry the editor's token
        assertThat(main(mvcEdit())).contains("hx-post").contains("Done editing");
    }

    private String mvcEdit() throws Exception {
        return mvc.perform(
                        get("/plans/" + plan + "?mode=edit").with(user(planner)).locale(Locale.ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aChangeShowsAtTheNextRequest() throws Exception {
        assertThat(main(page(board))).contains("Every child reads");

        planning.rewordGoal(planner, goal, "Every child reads well", null, 0);
        assertThat(main(page(board))).contains("Every child reads well");
        assertThat(main(page(planner))).contains("Every child reads well");

        fixtures.jdbc()
                .sql("update goal set title = 'Every child reads by grade 3' where id = ?")
                .param(goal)
                .update();
        changes.count(board.districtId());
        assertThat(main(page(board))).contains("Every child reads by grade 3").doesNotContain("reads well");
    }
}
