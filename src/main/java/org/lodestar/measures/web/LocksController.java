package org.lodestar.measures.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.measures.Scorecards;
import org.lodestar.shared.SchoolYear;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The locked quarters of a KPI, a part the KPI page loads after itself, so that the page's kept parts and its fixed
 * number of statements stay as they are.
 */
@Controller
class LocksController {

    private final Scorecards scorecards;
    private final MeasuresApi measures;
    private final DirectoryApi directory;
    private final Clock clock;

    LocksController(Scorecards scorecards, MeasuresApi measures, DirectoryApi directory, Clock clock) {
        this.scorecards = scorecards;
        this.measures = measures;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/kpis/{id}/locks")
    String locks(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("kpi", scorecards.kpi(user.districtId(), id));
        int startMonth = directory.district(user.districtId()).schoolYearStartMonth();
        model.addAttribute(
                "locks",
                measures.locks(user.districtId(), id).stream()
                        .map(lock -> new Shown(
                                lock.quarter().quarter(),
                                new SchoolYear(lock.quarter().schoolYear()).toString(),
                                lock.quarter().start(startMonth),
                                lock.quarter().end(startMonth),
                                LocalDate.ofInstant(lock.lockedAt(), clock.getZone()),
                                lock.lockedBy()))
                        .toList());
        return "measures/kpi-locks :: locks";
    }

    /** A lock as the page words it: "Q1 2025-26 (Jul 1, 2025 to Sep 30, 2025), locked on ... by ...". */
    record Shown(int quarter, String year, LocalDate from, LocalDate to, LocalDate lockedOn, String by) {}
}
