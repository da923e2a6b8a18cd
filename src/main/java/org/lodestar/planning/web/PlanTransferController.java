package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.PlanTransfer;
import org.lodestar.planning.domain.PlanTransfer.Format;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A plan imported from a CSV, XLSX or JSON file into a new plan, and any plan exported in those formats. */
@Controller
class PlanTransferController {

    private final PlanTransfer transfer;
    private final PlanningApi planning;
    private final DirectoryApi directory;

    PlanTransferController(PlanTransfer transfer, PlanningApi planning, DirectoryApi directory) {
        this.transfer = transfer;
        this.planning = planning;
        this.directory = directory;
    }

    /** The import form's choices for a CSV or XLSX file (a JSON file brings its own). */
    record ImportForm(
            PlanKind kind, UUID school, Integer firstYear, Integer lastYear, String title, UUID strategicPlan) {

        PlanTransfer.Target target() {
            return new PlanTransfer.Target(kind, school, firstYear, lastYear, title, strategicPlan);
        }
    }

    /** A column of a plan file and the message key of what it holds. */
    record Column(String name, String meaning) {}

    /** A refused file's problem as the page lists it: line, column (empty for the file as a whole), reason. */
    record ProblemRow(int line, String column, String code, Object[] args) {}

    @GetMapping("/plans/import")
    String form(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(PlanTransfer.mayImport(user));
        int year = directory
                .district(user.districtId())
                .schoolYearOf(LocalDate.now())
                .startYear();
        UUID school = user.canPlanForDistrict() ? null : user.ledSchools().get(0);
        UUID strategic = planning.districtStrategicPlan(user.districtId())
                .map(PlanSummary::id)
                .orElse(null);
        model.addAttribute("form", new ImportForm(PlanKind.IMPROVEMENT, school, year, year, "", strategic));
        return page(user, model);
    }

    @PostMapping("/plans/import")
    String importPlan(
            @ModelAttribute("form") ImportForm form,
            BindingResult errors,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model)
            throws IOException {
        ForbiddenException.unless(PlanTransfer.mayImport(user));
        if (errors.hasErrors()) {
            response.setStatus(422);
            return page(user, model);
        }
        boolean none = file == null || file.isEmpty();
        PlanTransfer.Result result =
                transfer.importFile(user, form.target(), none ? null : file.getOriginalFilename(), none ? null : file);
        if (result.applied()) {
            return "redirect:/plans/" + result.planId() + "?imported=" + result.items();
        }
        result.fieldProblems()
                .forEach(p -> errors.rejectValue(p.field(), p.code(), p.args().toArray(), null));
        model.addAttribute("result", result);
        model.addAttribute(
                "problems",
                result.problems().stream()
                        .map(p -> new ProblemRow(
                                p.line(),
                                PlanTransfer.Result.column(p),
                                p.code(),
                                p.args().toArray()))
                        .toList());
        model.addAttribute("filename", none ? "" : file.getOriginalFilename());
        response.setStatus(422);
        return page(user, model);
    }

    /** An empty plan file with one example row per tier. */
    @GetMapping("/plans/import/template")
    ResponseEntity<byte[]> template(
            @RequestParam(defaultValue = "xlsx") String format, @AuthenticationPrincipal SignedInUser user) {
        Format chosen =
                Format.named(format).filter(f -> f != Format.JSON).orElseThrow(() -> new NotFoundException("format"));
        return transfer.template(user, chosen).response();
    }

    @GetMapping("/plans/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "xlsx") String format,
            @AuthenticationPrincipal SignedInUser user) {
        Format chosen = Format.named(format).orElseThrow(() -> new NotFoundException("format"));
        return transfer.export(user, id, chosen).response();
    }

    private String page(SignedInUser user, Model model) {
        List<School> schools = directory.schools(user.districtId()).stream()
                .filter(school -> user.canPlanForDistrict() || user.canLeadSchool(school.id()))
                .toList();
        List<PlanSummary> strategic = planning.plans(user.districtId()).stream()
                .filter(plan -> plan.kind() == PlanKind.STRATEGIC)
                .toList();
        model.addAttribute("schools", schools);
        model.addAttribute("strategicPlans", strategic);
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute(
                "columns",
                PlanTransfer.columns().stream()
                        .map(name -> new Column(name, "planio.column." + name))
                        .toList());
        return "planning/plan-import";
    }
}
