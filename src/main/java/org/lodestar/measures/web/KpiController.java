package org.lodestar.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.domain.KpiEditing;
import org.lodestar.measures.status.Direction;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.GzipParts;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.Templates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** A KPI: adding one under an outcome, its drill-down, its full edit form and recording its values. */
@Controller
class KpiController {

    private static final int TARGET_ROWS = 6;

    /** Where the kept body goes in the page, rendered in its place and replaced by it. */
    private static final String BODY_MARK = "<!--lodestar:kpi-body-->";

    private final Scorecards scorecards;
    private final KpiEditing editing;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final KpiPage page;
    private final MessageSource messages;
    private final Templates templates;

    KpiController(
            Scorecards scorecards,
            KpiEditing editing,
            PlanningApi planning,
            DirectoryApi directory,
            KpiPage page,
            MessageSource messages,
            Templates templates) {
        this.scorecards = scorecards;
        this.editing = editing;
        this.planning = planning;
        this.directory = directory;
        this.page = page;
        this.messages = messages;
        this.templates = templates;
    }

    /** Added in place from the plan tree: on success the tree reloads itself; on error the form shows why. */
    @PostMapping("/outcomes/{outcomeId}/kpis")
    String add(
            @PathVariable UUID outcomeId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "PERCENT") Kpi.Unit unit,
            @RequestParam(defaultValue = "HIGHER_IS_BETTER") Direction direction,
            @RequestParam(defaultValue = "") String baseline,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(required = false) String aboutStudents,
            @RequestParam(name = "_aboutStudents", required = false) String aboutStudentsShown,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        var outcome =
                planning.outcome(user.districtId(), outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
        ForbiddenException.unless(editing.canEdit(user, outcomeId));
        var plan = planning.plan(user.districtId(), outcome.planId());
        // only a box seen and left unticked says the values are not about students
        boolean about = aboutStudents != null || aboutStudentsShown == null;
        BigDecimal baselineValue = decimal(baseline);
        BigDecimal targetValue = decimal(target);
        List<String> errors = new ArrayList<>();
        if (name.isBlank() || name.length() > 300) {
            errors.add("kpi.error.name");
        }
        if (baselineValue == null) {
            errors.add("kpi.error.baseline");
        }
        if (targetValue == null) {
            errors.add("kpi.error.target");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("outcomeId", outcomeId);
            model.addAttribute("errors", errors);
            model.addAttribute("entered", new Entered(name, unit, direction, baseline, target, about));
            return "measures/kpi-parts :: add-kpi";
        }
        TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
        targets.put(plan.lastYear(), targetValue);
        editing.save(
                user,
                new Kpi(
                        Ids.next(),
                        outcomeId,
                        name.strip(),
                        null,
                        unit,
                        direction,
                        baselineValue,
                        plan.firstYear(),
                        Kpi.Frequency.ANNUAL,
                        null,
                        null,
                        false,
                        about,
                        java.util.Set.of(),
                        false,
                        0,
                        targets,
                        0));
        if (htmx == null) {
            return "redirect:/plans/" + outcome.planId() + "?mode=edit";
        }
        response.setHeader("HX-Trigger", "plan-changed");
        model.addAttribute("outcomeId", outcomeId);
        return "measures/kpi-parts :: add-kpi";
    }

    /** The page: its body as kept (compressed once), in this person's layout with their recording form. */
    @GetMapping("/kpis/{id}")
    ResponseEntity<byte[]> show(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID school,
            @RequestParam(defaultValue = StudentGroup.ALL) String group,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletRequest request) {
        page.fill(user, id, school, group, model);
        model.addAttribute("body", BODY_MARK);
        return KeptParts.answer(
                templates, "measures/kpi", model, BODY_MARK, (GzipParts.Part) model.getAttribute("bodyPart"), request);
    }

    @GetMapping("/kpis/{id}/edit")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        ForbiddenException.unless(editing.canEdit(user, kpi.outcomeId()));
        KpiForm form = KpiForm.of(kpi, TARGET_ROWS);
        model.addAttribute("form", form);
        return editForm(user, kpi, model, form.targets().size());
    }

    @PostMapping("/kpis/{id}")
    String save(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") KpiForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        ForbiddenException.unless(editing.canEdit(user, kpi.outcomeId()));
        if (form == null || errors.getTarget() == null) {
            int rows = submittedTargetRows(request);
            AsTyped.keep("form", KpiForm.asTyped(request.getParameterMap(), rows), errors, model);
            return editForm(user, kpi, model, rows);
        }
        TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
        List<KpiForm.TargetRow> rows = form.targets() == null ? List.of() : form.targets();
        for (int i = 0; i < rows.size(); i++) {
            KpiForm.TargetRow row = rows.get(i);
            if (row.year() == null && row.value() == null) {
                continue;
            }
            if (row.year() == null || row.value() == null || row.year() < 1990 || row.year() > 2100) {
                errors.rejectValue("targets[" + i + "].year", "kpi.error.targetRow");
            } else if (targets.put(row.year(), row.value()) != null) {
                errors.rejectValue("targets[" + i + "].year", "kpi.error.targetTwice");
            }
        }
        if (errors.hasErrors()) {
            return editForm(user, kpi, model, rows.size());
        }
        try {
            editing.save(
                    user,
                    new Kpi(
                            id,
                            kpi.outcomeId(),
                            form.name().strip(),
                            form.nameTranslation(),
                            form.unit(),
                            form.direction(),
                            form.baselineValue(),
                            form.baselineYear(),
                            form.frequency(),
                            form.dataSource(),
                            form.ownerId(),
                            Boolean.TRUE.equals(form.byStudentGroup()),
                            form.valuesAboutStudents(),
                            form.levels(),
                            user.canPlanForDistrict() ? Boolean.TRUE.equals(form.published()) : kpi.published(),
                            kpi.position(),
                            targets,
                            EditConflictException.versionRead(form.version())));
        } catch (EditConflictException conflict) {
            // the KPI read above may predate the other save: compare with what is saved now
            Kpi saved = scorecards.kpi(user.districtId(), id);
            Function<String, String> words = key -> messages.getMessage(key, null, LocaleContextHolder.getLocale());
            model.addAttribute(
                    "conflict",
                    EditConflict.between(form.shown(words), KpiForm.of(saved, 0).shown(words)));
            model.addAttribute("form", form.atVersion(saved.version()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return editForm(user, saved, model, rows.size());
        }
        return "redirect:/kpis/" + id;
    }

    /** From the plan tree (htmx: the tree reloads itself) or from the KPI's edit page (back to the plan). */
    @PostMapping("/kpis/{id}/delete")
    ResponseEntity<Void> delete(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        var outcome = planning.outcome(user.districtId(), kpi.outcomeId()).orElseThrow();
        editing.delete(user, id);
        return treeChanged(htmx, outcome.planId());
    }

    @PostMapping("/kpis/{id}/move")
    ResponseEntity<Void> move(
            @PathVariable UUID id,
            @RequestParam boolean up,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        var outcome = planning.outcome(user.districtId(), kpi.outcomeId()).orElseThrow();
        editing.move(user, id, up);
        return treeChanged(htmx, outcome.planId());
    }

    private static ResponseEntity<Void> treeChanged(String htmx, UUID planId) {
        if (htmx == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/plans/" + planId + "?mode=edit"))
                    .build();
        }
        return ResponseEntity.ok().header("HX-Trigger", "plan-changed").build();
    }

    private String editForm(SignedInUser user, Kpi kpi, Model model, int targetRows) {
        model.addAttribute("kpi", kpi);
        model.addAttribute("targetRows", Math.max(targetRows, 1));
        model.addAttribute("people", directory.people(user.districtId()));
        return "measures/kpi-form";
    }

    /** How many target rows the form had, read from the names of its fields (targets[3].year and so on). */
    private static int submittedTargetRows(HttpServletRequest request) {
        int rows = 0;
        for (String name : request.getParameterMap().keySet()) {
            if (name.startsWith("targets[") && name.indexOf(']') > 8) {
                try {
                    rows = Math.max(rows, Integer.parseInt(name.substring(8, name.indexOf(']'))) + 1);
                } catch (NumberFormatException ignored) {
                    // not one of the form's rows
                }
            }
        }
        return Math.min(rows, TARGET_ROWS * 4);
    }

    /** A number typed into the in-place form, read in the page's language; null when blank or refused. */
    static BigDecimal decimal(String text) {
        return text.isBlank() ? null : KpiForm.decimal(text);
    }

    /** What was typed into the in-place KPI form, given back with its errors. */
    record Entered(
            String name, Kpi.Unit unit, Direction direction, String baseline, String target, boolean aboutStudents) {}
}
