package org.lodestar.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Person;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.RecordedValue;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.Values;
import org.lodestar.measures.domain.KpiEditing;
import org.lodestar.measures.domain.ValueRule;
import org.lodestar.measures.status.Direction;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A KPI: adding one under an outcome, its drill-down, its full edit form and recording its values. */
@Controller
class KpiController {

    private static final int TARGET_ROWS = 6;

    private final Scorecards scorecards;
    private final KpiEditing editing;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final Charts charts;
    private final MessageSource messages;

    KpiController(
            Scorecards scorecards,
            KpiEditing editing,
            PlanningApi planning,
            DirectoryApi directory,
            Charts charts,
            MessageSource messages) {
        this.scorecards = scorecards;
        this.editing = editing;
        this.planning = planning;
        this.directory = directory;
        this.charts = charts;
        this.messages = messages;
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
                        unit,
                        direction,
                        baselineValue,
                        plan.firstYear(),
                        Kpi.Frequency.ANNUAL,
                        null,
                        null,
                        false,
                        about,
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

    @GetMapping("/kpis/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID school,
            @RequestParam(defaultValue = StudentGroup.ALL) String group,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        // the scope's history and the latest year's breakdown, not every school's and group's values of every year
        List<Measurement> all = scorecards.scopeAndLatestYear(user.districtId(), id, school, group);
        List<Measurement> scope = all.stream()
                .filter(m -> java.util.Objects.equals(m.schoolId(), school)
                        && m.groupCode().equals(group))
                .toList();
        KpiOverview overview = scorecards.overview(user.districtId(), kpi, scope);
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("kpi", kpi);
        model.addAttribute("overview", overview);
        model.addAttribute("projection", KpiProjection.of(kpi, overview).orElse(null));
        model.addAttribute(
                "chart",
                charts.trend(
                        overview,
                        messages.getMessage("kpi.actual", null, locale),
                        messages.getMessage("kpi.targetPath", null, locale)));
        model.addAttribute("school", school);
        model.addAttribute("group", group);
        List<School> schools = directory.schools(user.districtId());
        List<StudentGroup> groups = directory.studentGroups(user.districtId());
        model.addAttribute("schools", schools);
        // the recording form offers only where this person may record: no choice in it leads to a refusal
        var mayRecord = editing.recordingRights(user, kpi);
        List<School> recordSchools =
                schools.stream().filter(s -> mayRecord.test(s.id())).toList();
        model.addAttribute("recordSchools", recordSchools);
        model.addAttribute("recordDistrict", mayRecord.test(null));
        model.addAttribute("schoolNames", directory.schoolsById(user.districtId()));
        model.addAttribute("groups", groups);
        // people read group names in their language, never codes such as ECON or SWD
        model.addAttribute(
                "groupNames",
                groups.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                StudentGroup::code, g -> g.name(LocaleContextHolder.getLocale()))));
        model.addAttribute("breakdown", breakdown(all, overview.latestYear()));
        model.addAttribute("canEdit", editing.canEdit(user, kpi.outcomeId()));
        // the form starts at the school looked at when one may record there, else at the first place one may
        UUID recordFor = mayRecord.test(school)
                ? school
                : mayRecord.test(null)
                        ? null
                        : recordSchools.isEmpty() ? null : recordSchools.get(0).id();
        model.addAttribute("canRecord", mayRecord.test(null) || !recordSchools.isEmpty());
        model.addAttribute(
                "outcome", planning.outcome(user.districtId(), kpi.outcomeId()).orElseThrow());
        if (!model.containsAttribute("measurementForm")) {
            model.addAttribute(
                    "measurementForm",
                    // the latest year a value can be recorded for: the one under way, or the plan's last
                    new MeasurementForm(
                            SchoolYear.of(editing.recordableYears(user.districtId(), kpi)
                                            .last())
                                    .toString(),
                            0,
                            recordFor,
                            group,
                            null,
                            null,
                            null));
        }
        return "measures/kpi";
    }

    @PostMapping("/kpis/{id}/measurements")
    String record(
            @PathVariable UUID id,
            @Valid @ModelAttribute("measurementForm") MeasurementForm bound,
            BindingResult boundErrors,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletRequest request,
            RedirectAttributes recorded) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        boolean lost = bound == null || boundErrors.getTarget() == null;
        MeasurementForm form = lost ? MeasurementForm.asTyped(request.getParameterMap()) : bound;
        BindingResult errors = lost ? keepAsTyped("measurementForm", form, boundErrors, model) : boundErrors;
        if (form.value() != null) {
            ValueRule.value(kpi.unit(), form.value())
                    .ifPresent(refused -> errors.rejectValue(
                            "value", refused.code(), refused.args().toArray(), ""));
        }
        if (!errors.hasFieldErrors("n")) {
            ValueRule.n(kpi, form.schoolId(), form.groupCode(), form.n())
                    .ifPresent(refused -> errors.rejectValue(
                            "n", refused.code(), refused.args().toArray(), ""));
        }
        Integer year = null;
        try {
            year = SchoolYear.parse(form.schoolYear()).startYear();
            editing.recordableYears(user.districtId(), kpi)
                    .check(year)
                    .ifPresent(refused -> errors.rejectValue(
                            "schoolYear", refused.code(), refused.args().toArray(), ""));
        } catch (IllegalArgumentException e) {
            errors.rejectValue("schoolYear", "import.error.year", new Object[] {form.schoolYear()}, "");
        }
        if (form.schoolId() != null
                && directory.school(user.districtId(), form.schoolId()).isEmpty()) {
            throw new NotFoundException("school");
        }
        if (directory.studentGroups(user.districtId()).stream()
                .noneMatch(g -> g.code().equals(form.groupCode()))) {
            errors.rejectValue("groupCode", "import.error.group", new Object[] {form.groupCode()}, "");
        }
        ForbiddenException.unless(editing.canRecord(user, kpi, form.schoolId()));
        if (errors.hasErrors()) {
            return show(id, form.schoolId(), StudentGroup.ALL, user, model);
        }
        Measurement next =
                new Measurement(id, year, form.period(), form.schoolId(), form.groupCode(), form.value(), form.n());
        List<RecordedValue> inTheWay = editing.recordUnlessReplacingUnseen(
                user, List.of(next), java.util.Collections.singletonList(form.replaces()));
        if (!inTheWay.isEmpty()) {
            // a value is recorded for this cell already (or was, meanwhile): ask before replacing it
            RecordedValue before = inTheWay.get(0);
            model.addAttribute("replacing", replacing(user, kpi, before));
            model.addAttribute("measurementForm", form.replacing(before.version()));
            return show(id, form.schoolId(), StudentGroup.ALL, user, model);
        }
        // the page says what was saved, once: reloading it neither repeats the message nor the value
        recorded.addFlashAttribute("recorded", form.schoolYear());
        return "redirect:/kpis/" + id + (form.schoolId() == null ? "" : "?school=" + form.schoolId());
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
            keepAsTyped("form", KpiForm.asTyped(request.getParameterMap(), rows), errors, model);
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
                            form.unit(),
                            form.direction(),
                            form.baselineValue(),
                            form.baselineYear(),
                            form.frequency(),
                            form.dataSource(),
                            form.ownerId(),
                            Boolean.TRUE.equals(form.byStudentGroup()),
                            form.valuesAboutStudents(),
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

    /**
     * A number field that held text leaves the binder without a form object to show the page with. The form is put
     * back as typed, with the binder's errors, which hold the refused text for the page to show at its field.
     */
    private static BindingResult keepAsTyped(String name, Object typed, BindingResult errors, Model model) {
        BeanPropertyBindingResult kept = new BeanPropertyBindingResult(typed, name);
        errors.getAllErrors().forEach(kept::addError);
        model.addAttribute(name, typed);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, kept);
        return kept;
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

    /** The latest year's values by school (all students) and by group (district-wide). */
    private static Map<String, List<Measurement>> breakdown(List<Measurement> all, Integer year) {
        if (year == null) {
            return Map.of("schools", List.of(), "groups", List.of());
        }
        List<Measurement> latestPeriod =
                all.stream().filter(m -> m.schoolYear() == year).toList();
        int period = latestPeriod.stream().mapToInt(Measurement::period).max().orElse(0);
        return Map.of(
                "schools",
                latestPeriod.stream()
                        .filter(m -> m.period() == period
                                && m.schoolId() != null
                                && m.groupCode().equals(StudentGroup.ALL))
                        .toList(),
                "groups",
                latestPeriod.stream()
                        .filter(m -> m.period() == period
                                && m.schoolId() == null
                                && !m.groupCode().equals(StudentGroup.ALL))
                        .sorted(Comparator.comparing(Measurement::groupCode))
                        .toList());
    }

    /** The recorded value a new entry would replace, as the question before replacing shows it. */
    private Replacing replacing(SignedInUser user, Kpi kpi, RecordedValue recorded) {
        Locale locale = LocaleContextHolder.getLocale();
        String by = directory.people(user.districtId()).stream()
                .filter(person -> person.email().equalsIgnoreCase(recorded.recordedBy()))
                .map(Person::displayName)
                .findFirst()
                .orElse(recorded.recordedBy());
        Measurement m = recorded.measurement();
        return new Replacing(
                Values.format(
                        kpi.unit(),
                        m.value(),
                        locale,
                        directory.district(user.districtId()).currency()),
                m.n(),
                by,
                java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(recorded.recordedAt().atZone(java.time.ZoneId.systemDefault())));
    }

    /** The question before a value replaces a recorded one: what is recorded, by whom and when. */
    record Replacing(String value, Integer n, String by, String on) {}

    /** A number typed into the in-place form, read in the page's language; null when blank or refused. */
    static BigDecimal decimal(String text) {
        return text.isBlank() ? null : KpiForm.decimal(text);
    }

    /** What was typed into the in-place KPI form, given back with its errors. */
    record Entered(
            String name, Kpi.Unit unit, Direction direction, String baseline, String target, boolean aboutStudents) {}
}
