package org.lodestar.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.RecordedValue;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.domain.KpiEditing;
import org.lodestar.measures.domain.ValueRecording;
import org.lodestar.measures.domain.ValueRule;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording one value from a KPI's page: checked like the import and the API, and never replacing a value unseen. */
@Controller
class RecordingController {

    private final Scorecards scorecards;
    private final KpiEditing editing;
    private final ValueRecording recording;
    private final DirectoryApi directory;
    private final KpiPage page;

    RecordingController(
            Scorecards scorecards, KpiEditing editing, ValueRecording recording, DirectoryApi directory, KpiPage page) {
        this.scorecards = scorecards;
        this.editing = editing;
        this.recording = recording;
        this.directory = directory;
        this.page = page;
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
        BindingResult errors = lost ? AsTyped.keep("measurementForm", form, boundErrors, model) : boundErrors;
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
        if (year != null && form.period() != null && !errors.hasFieldErrors("schoolYear")) {
            // a locked quarter is named at the field that put the value there; an admin is asked for the reason
            editing.recordingRules(user)
                    .lock(kpi, year, form.period(), form.lockReason())
                    .ifPresent(refused -> errors.rejectValue(
                            refused.code().startsWith("lock.reasonNeeded") ? "lockReason" : "period",
                            refused.code(),
                            refused.args().toArray(),
                            ""));
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
        List<RecordedValue> inTheWay = recording.recordUnlessReplacingUnseen(
                user, List.of(next), java.util.Collections.singletonList(form.replaces()), form.lockReason());
        if (!inTheWay.isEmpty()) {
            // a value is recorded for this cell already (or was, meanwhile): ask before replacing it
            RecordedValue before = inTheWay.get(0);
            model.addAttribute("replacing", page.replacing(user, kpi, before));
            model.addAttribute("measurementForm", form.replacing(before.version()));
            return show(id, form.schoolId(), StudentGroup.ALL, user, model);
        }
        // the page says what was saved, once: reloading it neither repeats the message nor the value
        recorded.addFlashAttribute("recorded", form.schoolYear());
        return "redirect:/kpis/" + id + (form.schoolId() == null ? "" : "?school=" + form.schoolId());
    }

    private String show(UUID id, UUID school, String group, SignedInUser user, Model model) {
        page.fill(user, id, school, group, model);
        return "measures/kpi";
    }
}
