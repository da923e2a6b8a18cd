package org.lodestar.engagement.surveys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveySetup;
import org.lodestar.engagement.SurveyState;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Planners and admins list, build and open every survey of the district; a school's leader those of their school's
 * needs assessments. Who else asks gets 403; another district's survey, or (for a leader) one not of their school, 404.
 */
@Controller
class SurveysController {

    private final SurveyEditing editing;
    private final SurveyStore store;

    SurveysController(SurveyEditing editing, SurveyStore store) {
        this.editing = editing;
        this.store = store;
    }

    @GetMapping("/surveys")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(SurveyEditing.buildsSurveys(user));
        model.addAttribute("form", SurveyForm.empty());
        return listPage(user, model);
    }

    @PostMapping("/surveys")
    String create(
            @ModelAttribute("form") SurveyForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(SurveyEditing.buildsSurveys(user));
        if (form == null || errors.getTarget() == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/surveys";
        }
        if (!errors.hasErrors()) {
            try {
                return "redirect:/surveys/" + editing.create(user, form.setup());
            } catch (SurveyEditing.Refused refused) {
                reject(errors, refused);
            }
        }
        response.setStatus(422);
        return listPage(user, model);
    }

    @GetMapping("/surveys/{id}")
    String survey(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            Model model) {
        Survey survey = editing.survey(user, id);
        model.addAttribute("form", SurveyForm.of(survey));
        model.addAttribute("question", SurveyQuestionForm.empty());
        return page(user, survey, request, model);
    }

    @PostMapping("/surveys/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") SurveyForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Survey survey = editing.survey(user, id);
        if (form == null || errors.getTarget() == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/surveys/" + id;
        }
        if (!errors.hasErrors()) {
            try {
                editing.update(user, id, form.setup(), EditConflictException.versionRead(form.version()));
                return "redirect:/surveys/" + id + "?saved";
            } catch (SurveyEditing.Refused refused) {
                if (refused.problems().containsKey("version")) {
                    // someone saved the survey since this form was drawn: their save beside these entries, and the
                    // form at the version saved now, so that saving again replaces it on purpose
                    Survey now = editing.survey(user, id);
                    model.addAttribute(
                            "conflict",
                            EditConflict.between(
                                    form.shown(), SurveyForm.of(now).shown()));
                    model.addAttribute("form", form.atVersion(now.version()));
                    model.addAttribute("question", SurveyQuestionForm.empty());
                    response.setStatus(HttpServletResponse.SC_CONFLICT);
                    return page(user, now, request, model);
                }
                reject(errors, refused);
            }
        }
        response.setStatus(422);
        model.addAttribute("question", SurveyQuestionForm.empty());
        return page(user, survey, request, model);
    }

    @PostMapping("/surveys/{id}/state")
    String state(
            @PathVariable UUID id,
            @RequestParam String state,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Survey survey = editing.survey(user, id);
        SurveyState wanted = Arrays.stream(SurveyState.values())
                .filter(s -> s.name().equals(state))
                .findFirst()
                .orElse(null);
        try {
            if (wanted == null) {
                throw new SurveyEditing.Refused(Map.of("state", "survey.stateUnknown"));
            }
            editing.setState(user, id, wanted);
            return "redirect:/surveys/" + id;
        } catch (SurveyEditing.Refused refused) {
            response.setStatus(422);
            model.addAttribute("stateProblem", refused.problems().get("state"));
            model.addAttribute("form", SurveyForm.of(survey));
            model.addAttribute("question", SurveyQuestionForm.empty());
            return page(user, survey, request, model);
        }
    }

    @PostMapping("/surveys/{id}/questions")
    String addQuestion(
            @PathVariable UUID id,
            @ModelAttribute("question") SurveyQuestionForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Survey survey = editing.survey(user, id);
        if (form == null || errors.getTarget() == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/surveys/" + id;
        }
        if (!errors.hasErrors()) {
            try {
                editing.addQuestion(user, id, form.setup());
                return "redirect:/surveys/" + id + "#questions";
            } catch (SurveyEditing.Refused refused) {
                reject(errors, refused);
            }
        }
        response.setStatus(422);
        model.addAttribute("questionProblems", problems(errors));
        model.addAttribute("form", SurveyForm.of(survey));
        return page(user, survey, request, model);
    }

    @PostMapping("/surveys/{id}/questions/{questionId}")
    String updateQuestion(
            @PathVariable UUID id,
            @PathVariable UUID questionId,
            @ModelAttribute("edited") SurveyQuestionForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Survey survey = editing.survey(user, id);
        if (form == null || errors.getTarget() == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/surveys/" + id;
        }
        if (!errors.hasErrors()) {
            try {
                editing.updateQuestion(
                        user, id, questionId, form.setup(), EditConflictException.versionRead(form.version()));
                return "redirect:/surveys/" + id + "#questions";
            } catch (SurveyEditing.Refused refused) {
                reject(errors, refused);
            } catch (EditConflictException stale) {
                // someone changed the survey since this form was drawn: the question as saved now beside what this
                // person typed, kept in its form, which now carries the survey's version so saving again replaces it
                Survey now = editing.survey(user, id);
                SurveyQuestion saved = store.questions(user.districtId(), id).stream()
                        .filter(q -> q.id().equals(questionId))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("question"));
                model.addAttribute(
                        "conflict",
                        EditConflict.between(
                                form.shown(), SurveyQuestionForm.of(saved).shown()));
                model.addAttribute("editedId", questionId);
                model.addAttribute("edited", form);
                model.addAttribute("form", SurveyForm.of(now));
                model.addAttribute("question", SurveyQuestionForm.empty());
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return page(user, now, request, model);
            }
        }
        response.setStatus(422);
        model.addAttribute("editedId", questionId);
        model.addAttribute("editProblems", problems(errors));
        model.addAttribute("edited", form);
        model.addAttribute("form", SurveyForm.of(survey));
        model.addAttribute("question", SurveyQuestionForm.empty());
        return page(user, survey, request, model);
    }

    @PostMapping("/surveys/{id}/questions/{questionId}/move")
    String moveQuestion(
            @PathVariable UUID id,
            @PathVariable UUID questionId,
            @RequestParam(defaultValue = "false") boolean up,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        editing.survey(user, id);
        try {
            editing.moveQuestion(user, id, questionId, up, EditConflictException.versionRead(version));
            return "redirect:/surveys/" + id + "#questions";
        } catch (EditConflictException stale) {
            return stale(user, id, request, response, model);
        }
    }

    @PostMapping("/surveys/{id}/questions/{questionId}/delete")
    String deleteQuestion(
            @PathVariable UUID id,
            @PathVariable UUID questionId,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Survey survey = editing.survey(user, id);
        try {
            editing.deleteQuestion(user, id, questionId, EditConflictException.versionRead(version));
            return "redirect:/surveys/" + id + "#questions";
        } catch (SurveyEditing.Refused refused) {
            response.setStatus(422);
            model.addAttribute("stateProblem", refused.problems().get("kind"));
            model.addAttribute("form", SurveyForm.of(survey));
            model.addAttribute("question", SurveyQuestionForm.empty());
            return page(user, survey, request, model);
        } catch (EditConflictException stale) {
            return stale(user, id, request, response, model);
        }
    }

    /** A move or removal from a page drawn before someone changed the survey: nothing done, the page as it is now. */
    private String stale(
            SignedInUser user, UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Survey now = editing.survey(user, id);
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("stateProblem", "survey.questionsChanged");
        model.addAttribute("form", SurveyForm.of(now));
        model.addAttribute("question", SurveyQuestionForm.empty());
        return page(user, now, request, model);
    }

    private String listPage(SignedInUser user, Model model) {
        model.addAttribute("surveys", editing.surveys(user));
        model.addAttribute("audiences", Consultation.Audience.values());
        model.addAttribute("assessments", editing.assessments(user));
        return "engagement/surveys";
    }

    private String page(SignedInUser user, Survey survey, HttpServletRequest request, Model model) {
        model.addAttribute("survey", survey);
        List<SurveyQuestion> questions = store.questions(user.districtId(), survey.id());
        model.addAttribute("questions", questions);
        Map<UUID, SurveyQuestionForm> forms = new java.util.LinkedHashMap<>();
        questions.forEach(q -> forms.put(q.id(), SurveyQuestionForm.of(q)));
        model.addAttribute("questionForms", forms);
        model.addAttribute("responses", store.responseCount(user.districtId(), survey.id()));
        model.addAttribute("audiences", Consultation.Audience.values());
        model.addAttribute("kinds", SurveyQuestionKind.values());
        model.addAttribute("assessments", editing.assessments(user));
        model.addAttribute(
                "publicLink",
                ServletUriComponentsBuilder.fromContextPath(request)
                        .path("/s/{token}")
                        .buildAndExpand(survey.token())
                        .toUriString());
        return "engagement/survey";
    }

    /** The message key of each field refused, the first of each. */
    private static Map<String, String> problems(BindingResult errors) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> problems.putIfAbsent(error.getField(), error.getCode()));
        return problems;
    }

    private static void reject(BindingResult errors, SurveyEditing.Refused refused) {
        refused.problems().forEach((field, code) -> {
            if (errors.getFieldErrorCount(field) == 0) {
                errors.rejectValue(field, code);
            }
        });
    }

    /** What a survey says, as its form sends it. */
    record SurveyForm(
            String titleEn,
            String titleEs,
            String introEn,
            String introEs,
            List<Consultation.Audience> audiences,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
            UUID assessmentId,
            Integer version,
            String state) {

        static SurveyForm empty() {
            return new SurveyForm(null, null, null, null, List.of(), null, null, null, null);
        }

        static SurveyForm of(Survey survey) {
            return new SurveyForm(
                    survey.titleEn(),
                    survey.titleEs(),
                    survey.introEn(),
                    survey.introEs(),
                    survey.audiences(),
                    survey.closesOn(),
                    survey.assessmentId(),
                    survey.version(),
                    null);
        }

        SurveyForm atVersion(int saved) {
            return new SurveyForm(titleEn, titleEs, introEn, introEs, audiences, closesOn, assessmentId, saved, state);
        }

        /** The fields as the conflict table compares them, by their labels' message keys. */
        Map<String, String> shown() {
            Map<String, String> shown = new java.util.LinkedHashMap<>();
            shown.put("survey.titleEn", titleEn);
            shown.put("survey.titleEs", titleEs);
            shown.put("survey.introEn", introEn);
            shown.put("survey.introEs", introEs);
            shown.put("survey.closesOn", closesOn == null ? null : closesOn.toString());
            return shown;
        }

        SurveySetup setup() {
            return new SurveySetup(
                    titleEn,
                    titleEs,
                    introEn,
                    introEs,
                    audiences == null ? List.of() : audiences,
                    closesOn,
                    assessmentId);
        }
    }
}
