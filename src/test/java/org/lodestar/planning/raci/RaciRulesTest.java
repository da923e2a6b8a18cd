package org.lodestar.planning.raci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Role;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlannedProject;
import org.lodestar.shared.Progress;

/** The rules of a RACI chart and of the leadership view, without a database. */
class RaciRulesTest {

    private static final UUID ACTION = UUID.randomUUID();

    private static RaciEntry entry(String letters) {
        return new RaciEntry(UUID.randomUUID(), RaciRole.ofLetters(letters));
    }

    @Test
    void exactlyOneAccountableIsTheRuleNoneOrSeveralAreFlagged() {
        assertThat(Raci.empty(ACTION).flagged()).isTrue();
        assertThat(new Raci(ACTION, List.of(entry("R"), entry("CI")), 1).flagged())
                .isTrue();
        Raci one = new Raci(ACTION, List.of(entry("RA"), entry("R"), entry("I")), 1);
        assertThat(one.flagged()).isFalse();
        assertThat(one.accountableCount()).isEqualTo(1);
        Raci two = new Raci(ACTION, List.of(entry("A"), entry("AC")), 1);
        assertThat(two.flagged()).isTrue();
        assertThat(two.accountableCount()).isEqualTo(2);
    }

    @Test
    void aPersonHoldsSeveralLettersWrittenInChartOrder() {
        RaciEntry entry = new RaciEntry(UUID.randomUUID(), EnumSet.of(RaciRole.INFORMED, RaciRole.RESPONSIBLE));
        assertThat(entry.letters()).isEqualTo("RI");
        assertThat(entry.responsible()).isTrue();
        assertThat(entry.accountable()).isFalse();
        assertThat(RaciRole.ofLetters("aci"))
                .containsExactly(RaciRole.ACCOUNTABLE, RaciRole.CONSULTED, RaciRole.INFORMED);
    }

    @Test
    void aSchoolGrantSeesOnlyItsSchoolsPlansADistrictWideGrantSeesAll() {
        UUID cedar = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        SignedInUser principal = user(new Grant(Role.SCHOOL_LEADER, cedar));
        SignedInUser board = user(new Grant(Role.VIEWER, null));
        PlanSummary district = plan(null);
        PlanSummary cedarPlan = plan(cedar);
        PlanSummary otherPlan = plan(other);

        assertThat(ActionRacis.inScope(principal, cedarPlan)).isTrue();
        assertThat(ActionRacis.inScope(principal, otherPlan)).isFalse();
        assertThat(ActionRacis.inScope(principal, district)).isFalse();
        assertThat(ActionRacis.inScope(board, otherPlan)).isTrue();
        assertThat(ActionRacis.inScope(board, district)).isTrue();
    }

    @Test
    void anActionsStatusIsItsWorstProjectsDoneWhenAllAre() {
        assertThat(ActionRacis.status(List.of())).isNull();
        assertThat(ActionRacis.status(List.of(project("DONE"), project("AT_RISK"), project("ON_TRACK"))))
                .isEqualTo("AT_RISK");
        assertThat(ActionRacis.status(List.of(project("OFF_TRACK"), project("BLOCKED"))))
                .isEqualTo("BLOCKED");
        assertThat(ActionRacis.status(List.of(project("DONE"), project("DONE"))))
                .isEqualTo("DONE");
        assertThat(ActionRacis.status(List.of(project("DONE"), project("NOT_STARTED"))))
                .isEqualTo("ON_TRACK");
        assertThat(ActionRacis.status(List.of(project("NOT_STARTED")))).isEqualTo("NOT_STARTED");
    }

    @Test
    void morethanEightAccountableActionsIsTooMany() {
        Leadership.ActionLine line = new Leadership.ActionLine(null, null, null, null, false, List.of("x"), List.of());
        assertThat(new Leadership.PersonLoad(UUID.randomUUID(), "x", java.util.Collections.nCopies(8, line), List.of())
                        .overloaded())
                .isFalse();
        assertThat(new Leadership.PersonLoad(UUID.randomUUID(), "x", java.util.Collections.nCopies(9, line), List.of())
                        .overloaded())
                .isTrue();
    }

    private static PlannedProject project(String status) {
        return new PlannedProject(
                UUID.randomUUID(), ACTION, "p", null, status, null, null, Progress.of(0, false, null, null), 0);
    }

    private static PlanSummary plan(UUID school) {
        return new PlanSummary(
                UUID.randomUUID(),
                school,
                PlanKind.IMPROVEMENT,
                "p",
                2025,
                2025,
                null,
                null,
                null,
                null,
                PlanStatus.DRAFT,
                0);
    }

    private static SignedInUser user(Grant grant) {
        return new SignedInUser(UUID.randomUUID(), UUID.randomUUID(), "x@example", "X", "", true, 0, List.of(grant));
    }
}
