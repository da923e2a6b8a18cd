package org.lodestar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lodestar.planning.domain.ActionOverlaps;
import org.lodestar.planning.domain.ActionOverlaps.Overlap;
import org.lodestar.planning.domain.ActionOverlaps.Overlaps;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo district's 2025-26 improvement plans: the overlaps list Cedar's parent outreach coordinator beside the
 * district's bilingual family liaisons, as the most alike pair of the year, and none of the demo's actions about other
 * things. (The model also pairs a few actions of neighbouring topics, such as the district's dual credit and Riverside's
 * dual-credit courses: README, Duplicate actions.)
 */
@LodestarTest
class DemoOverlapsTest {

    /** Demo actions of 2025-26 on topics no other action of the year shares. */
    private static final List<String> UNRELATED = List.of(
            "Co-teach in inclusive classrooms",
            "Replace exclusionary discipline",
            "Hire earlier with a spring job fair",
            "Replace devices on a four-year cycle",
            "One service desk",
            "A double math period",
            "Family literacy nights");

    private static final List<String> DEMO_PLANS = List.of(
            DemoImprovement.DISTRICT_PLAN,
            "Cedar Elementary Improvement Plan 2025-26",
            "Lakeview Middle Improvement Plan 2025-26",
            "Lakeview High Improvement Plan 2025-26");

    @Autowired
    ActionOverlaps overlaps;

    @Autowired
    Fixtures fixtures;

    @Test
    void theLiaisonsAndTheOutreachCoordinatorAreTheYearsClosestPairAndUnrelatedActionsAreInNone() {
        Overlaps found = overlaps.ofYear(fixtures.user("planner@lakeview.example"), DemoImprovement.YEAR);
        // other tests add plans of the same year; the demo's own four are what this test is about
        List<Overlap> demo = found.pairs().stream()
                .filter(pair -> DEMO_PLANS.contains(pair.first().plan().title())
                        && DEMO_PLANS.contains(pair.second().plan().title()))
                .toList();
        assertThat(found.actionCount()).isGreaterThan(20);
        assertThat(demo).isNotEmpty();
        Overlap closest = demo.get(0);
        assertThat(List.of(
                        closest.first().action().title(),
                        closest.second().action().title()))
                .containsExactlyInAnyOrder(DemoImprovement.LIAISONS, DemoImprovement.OUTREACH);
        assertThat(List.of(
                        closest.first().plan().title(), closest.second().plan().title()))
                .contains(DemoImprovement.DISTRICT_PLAN);
        for (Overlap pair : demo) {
            for (String title : List.of(
                    pair.first().action().title(), pair.second().action().title())) {
                assertThat(UNRELATED).noneMatch(title::startsWith);
            }
        }
        System.out.println("demo overlaps: "
                + demo.stream()
                        .map(pair ->
                                pair.similarity() + " " + pair.first().action().title() + " | "
                                        + pair.second().action().title())
                        .toList());
    }
}
