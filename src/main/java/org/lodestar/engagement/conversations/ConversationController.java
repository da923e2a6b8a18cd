package org.lodestar.engagement.conversations;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.conversations.ConversationStore.Conversation;
import org.lodestar.engagement.conversations.ConversationStore.Kind;
import org.lodestar.engagement.conversations.ConversationStore.Outcome;
import org.lodestar.engagement.conversations.ConversationStore.Placed;
import org.lodestar.engagement.conversations.ConversationStore.Session;
import org.lodestar.engagement.conversations.ConversationStore.SessionChange;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.Consultation.Audience;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.PdfDocument;
import org.lodestar.shared.SchoolYear;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The staged conversation of a needs assessment: its stages, each session's details, attendance, what it heard and
 * decided, and its data pack (a printable page and a PDF). Planners and admins work on the district's assessments, a
 * school's leaders on their school's; nobody else reads any of it (notes and comments heard are personal data).
 */
@Controller
class ConversationController {

    private static final int EARLIEST_YEAR = 1990;
    private static final String PACK_TEMPLATE = "engagement/conversation-pack";

    private final ConversationStore conversations;
    private final DataPacks packs;
    private final NeedsApi needs;
    private final PlanningApi planning;
    private final ITemplateEngine templates;
    private final Clock clock;

    ConversationController(
            ConversationStore conversations,
            DataPacks packs,
            NeedsApi needs,
            PlanningApi planning,
            ITemplateEngine templates,
            Clock clock) {
        this.conversations = conversations;
        this.packs = packs;
        this.needs = needs;
        this.planning = planning;
        this.templates = templates;
        this.clock = clock;
    }

    // --- the conversation and its stages ---

    @GetMapping("/needs/assessments/{id}/conversation")
    String conversation(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Assessment assessment = conversations.assessment(user, id);
        model.addAttribute("stageForm", new StageForm(null));
        return overview(user, assessment, model);
    }

    @PostMapping("/needs/assessments/{id}/conversation")
    String start(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        conversations.start(user, id, locale);
        return "redirect:/needs/assessments/" + id + "/conversation";
    }

    @PostMapping("/conversations/{id}/stages")
    String addStage(
            @PathVariable UUID id,
            @Valid @ModelAttribute("stageForm") StageForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        Assessment assessment = assessmentOfConversation(user, id);
        Conversation conversation =
                conversations.ofAssessment(user.districtId(), assessment.id()).orElseThrow();
        if (conversations.sessions(user.districtId(), conversation.id()).size() >= ConversationStore.MAX_STAGES) {
            errors.rejectValue(
                    "stage", "conversation.tooManyStages", new Object[] {ConversationStore.MAX_STAGES}, null);
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return overview(user, assessment, model);
        }
        conversations.addSession(
                user,
                conversation.id(),
                new SessionChange(form.stage().strip(), null, false, null, null, List.of(), List.of(), List.of()));
        return "redirect:/needs/assessments/" + assessment.id() + "/conversation";
    }

    @PostMapping("/conversations/sessions/{id}/move")
    String move(
            @PathVariable UUID id,
            @RequestParam int by,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user) {
        Placed placed = conversations.session(user, id);
        conversations.move(user, id, by < 0 ? -1 : 1, org.lodestar.shared.EditConflictException.versionRead(version));
        return "redirect:/needs/assessments/" + placed.assessment().id() + "/conversation";
    }

    @PostMapping("/conversations/sessions/{id}/delete")
    String remove(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user) {
        Placed placed = conversations.session(user, id);
        boolean removed =
                conversations.remove(user, id, org.lodestar.shared.EditConflictException.versionRead(version));
        return "redirect:/needs/assessments/" + placed.assessment().id() + "/conversation"
                + (removed ? "?removed" : "?kept");
    }

    private String overview(SignedInUser user, Assessment assessment, Model model) {
        Optional<Conversation> conversation = conversations.ofAssessment(user.districtId(), assessment.id());
        model.addAttribute("assessment", assessment);
        model.addAttribute("schoolYear", new SchoolYear(assessment.schoolYear()).toString());
        model.addAttribute("conversation", conversation.orElse(null));
        List<Session> sessions = conversation
                .map(c -> conversations.sessions(user.districtId(), c.id()))
                .orElse(List.of());
        model.addAttribute("sessions", sessions);
        Map<UUID, Integer> attended = new HashMap<>();
        conversation.ifPresent(c -> conversations
                .attendanceOf(user.districtId(), c.id())
                .forEach((session, counts) -> attended.put(
                        session,
                        counts.values().stream().mapToInt(Integer::intValue).sum())));
        model.addAttribute("attended", attended);
        return "engagement/conversation";
    }

    private Assessment assessmentOfConversation(SignedInUser user, UUID conversationId) {
        UUID assessmentId = conversations
                .assessmentIdOf(user.districtId(), conversationId)
                .orElseThrow(() -> new NotFoundException("conversation"));
        return conversations.assessment(user, assessmentId);
    }

    // --- a session ---

    @GetMapping("/conversations/sessions/{id}")
    String session(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Placed placed = conversations.session(user, id);
        return sessionPage(user, placed, model);
    }

    @PostMapping("/conversations/sessions/{id}")
    String saveSession(
            @PathVariable UUID id,
            @Valid @ModelAttribute("details") DetailsForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        Placed placed = conversations.session(user, id);
        if (form == null || errors.getTarget() == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/conversations/sessions/" + id;
        }
        if (form.heldAt() != null && outOfRange(form.heldAt().toLocalDate())) {
            errors.rejectValue(
                    "heldAt",
                    "conversation.dateOutOfRange",
                    new Object[] {
                        String.valueOf(EARLIEST_YEAR),
                        String.valueOf(LocalDate.now(clock).getYear() + 2)
                    },
                    null);
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return sessionPage(user, placed, model);
        }
        try {
            conversations.changeSession(
                    user,
                    id,
                    new SessionChange(
                            form.stage().strip(),
                            form.title(),
                            Boolean.TRUE.equals(form.online()),
                            form.heldAt(),
                            form.place(),
                            nonNull(form.audiences()),
                            nonNull(form.areas()),
                            knownMetrics(user, form.metricIds())),
                    org.lodestar.shared.EditConflictException.versionRead(form.version()));
        } catch (org.lodestar.shared.EditConflictException conflict) {
            // someone saved the session since this form was read: their save and these entries side by side
            Placed now = conversations.session(user, id);
            model.addAttribute(
                    "conflict",
                    org.lodestar.shared.EditConflict.between(
                            form.shown(), DetailsForm.of(now.session()).shown()));
            model.addAttribute("details", form.atVersion(now.session().version()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return sessionPage(user, now, model);
        }
        return "redirect:/conversations/sessions/" + id + "?saved";
    }

    @PostMapping("/conversations/sessions/{id}/attendance")
    String attendance(
            @PathVariable UUID id,
            @Valid @ModelAttribute("attendanceForm") AttendanceForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        Placed placed = conversations.session(user, id);
        if (form == null || errors.getTarget() == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/conversations/sessions/" + id;
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return sessionPage(user, placed, model);
        }
        conversations.recordAttendance(
                user, id, form.counts(), org.lodestar.shared.EditConflictException.versionRead(form.version()));
        return "redirect:/conversations/sessions/" + id + "#attendance";
    }

    @PostMapping("/conversations/sessions/{id}/entries")
    String addEntry(
            @PathVariable UUID id,
            @Valid @ModelAttribute("entryForm") EntryForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Placed placed = conversations.session(user, id);
        if (form == null || errors.getTarget() == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/conversations/sessions/" + id;
        }
        List<UUID> needIds = nonNull(form.needIds());
        List<UUID> known = needs.needs(user.districtId(), placed.assessment().id()).stream()
                .map(NeedSummary::id)
                .toList();
        if (!known.containsAll(needIds)) {
            errors.rejectValue("needIds", "conversation.unknownNeed");
        }
        if (conversations.entries(user.districtId(), id).size() >= ConversationStore.MAX_ENTRIES) {
            errors.rejectValue(
                    "text", "conversation.tooManyEntries", new Object[] {ConversationStore.MAX_ENTRIES}, null);
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return sessionPage(user, placed, model);
        }
        conversations.addEntry(
                user, id, form.kind(), form.text().strip(), needIds, form.audience(), locale.getLanguage());
        return "redirect:/conversations/sessions/" + id + "#entries";
    }

    @PostMapping("/conversations/sessions/{id}/decisions")
    String decide(
            @PathVariable UUID id,
            @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        Placed placed = conversations.session(user, id);
        if (form == null || errors.getTarget() == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/conversations/sessions/" + id;
        }
        if (form.decidedOn() != null && outOfRange(form.decidedOn())) {
            errors.rejectValue(
                    "decidedOn",
                    "conversation.dateOutOfRange",
                    new Object[] {
                        String.valueOf(EARLIEST_YEAR),
                        String.valueOf(LocalDate.now(clock).getYear() + 2)
                    },
                    null);
        }
        Choices choices = choices(user, placed.assessment());
        if (form.outcome() == Outcome.NEW_ACTION) {
            if (form.goalId() == null || !choices.editableGoals().containsKey(form.goalId())) {
                errors.rejectValue("goalId", "conversation.chooseGoal");
            }
            if (form.actionTitle() == null || form.actionTitle().isBlank()) {
                errors.rejectValue("actionTitle", "conversation.actionTitleRequired");
            }
        } else if (form.outcome() == Outcome.LINKED) {
            if (form.itemId() == null || !choices.items().containsKey(form.itemId())) {
                errors.rejectValue("itemId", "conversation.chooseItem");
            }
            if (form.change() == null || form.change().isBlank()) {
                errors.rejectValue("change", "conversation.changeRequired");
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return sessionPage(user, placed, model);
        }
        if (form.outcome() == Outcome.NEW_ACTION) {
            conversations.decideNewAction(
                    user,
                    id,
                    form.decision().strip(),
                    form.decidedBy().strip(),
                    form.decidedOn(),
                    form.goalId(),
                    form.actionTitle().strip());
        } else {
            conversations.decideChange(
                    user,
                    id,
                    form.decision().strip(),
                    form.decidedBy().strip(),
                    form.decidedOn(),
                    form.itemId(),
                    form.change().strip());
        }
        return "redirect:/conversations/sessions/" + id + "#decisions";
    }

    private String sessionPage(SignedInUser user, Placed placed, Model model) {
        Session session = placed.session();
        Assessment assessment = placed.assessment();
        UUID districtId = user.districtId();
        model.addAttribute("stageSession", session);
        model.addAttribute("assessment", assessment);
        model.addAttribute("schoolYear", new SchoolYear(assessment.schoolYear()).toString());
        if (!model.containsAttribute("details")) {
            model.addAttribute("details", DetailsForm.of(session));
        }
        Map<Audience, Integer> attendance = conversations.attendance(districtId, session.id());
        if (!model.containsAttribute("attendanceForm")) {
            model.addAttribute("attendanceForm", AttendanceForm.of(attendance, session.version()));
        }
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", new EntryForm(Kind.NOTE, null, List.of(), null));
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute(
                    "decisionForm",
                    new DecisionForm(null, null, session.heldOn(), Outcome.NEW_ACTION, null, null, null, null));
        }
        model.addAttribute("attendance", attendance);
        model.addAttribute(
                "attendanceTotal",
                attendance.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("areas", CnaArea.values());
        model.addAttribute("kinds", Kind.values());
        List<CnaMetric> metrics = needs.metrics(districtId);
        model.addAttribute("metrics", metrics);
        List<NeedSummary> needList = needs.needs(districtId, assessment.id());
        model.addAttribute("needs", needList);
        Map<UUID, String> needTitles = new HashMap<>();
        needList.forEach(need -> needTitles.put(need.id(), need.title()));
        model.addAttribute("needTitles", needTitles);
        model.addAttribute("entries", conversations.entries(districtId, session.id()));
        Choices choices = choices(user, assessment);
        model.addAttribute("goalChoices", choices.editableGoals());
        model.addAttribute("itemChoices", choices.items());
        model.addAttribute("itemHrefs", choices.hrefs());
        model.addAttribute("decisions", conversations.decisions(districtId, session.id()));
        model.addAttribute("outcomes", Outcome.values());
        return "engagement/conversation-session";
    }

    /** Goals a new action may go under, and goals and actions a decision may change, with their labels and pages. */
    private record Choices(Map<UUID, String> editableGoals, Map<UUID, String> items, Map<UUID, String> hrefs) {}

    /**
     * The plans of the assessment's scope (the district's, or the school's) that run in or after its school year: their
     * goals (those of plans the person may edit take new actions) and actions.
     */
    private Choices choices(SignedInUser user, Assessment assessment) {
        List<PlanSummary> plans = planning.plans(user.districtId()).stream()
                .filter(plan -> java.util.Objects.equals(plan.schoolId(), assessment.schoolId()))
                .filter(plan -> plan.lastYear() >= assessment.schoolYear())
                .toList();
        Map<UUID, PlanNodes> nodes = planning.nodesOfPlans(
                user.districtId(), plans.stream().map(PlanSummary::id).toList());
        Map<UUID, String> editable = new LinkedHashMap<>();
        Map<UUID, String> items = new LinkedHashMap<>();
        Map<UUID, String> hrefs = new HashMap<>();
        for (PlanSummary plan : plans) {
            PlanNodes of = nodes.get(plan.id());
            if (of == null) {
                continue;
            }
            boolean canEdit = planning.canEdit(user, plan.id());
            for (Goal goal : of.goals()) {
                String label = plan.title() + " › " + goal.title();
                if (canEdit) {
                    editable.put(goal.id(), label);
                }
                items.put(goal.id(), label);
                hrefs.put(goal.id(), "/goals/" + goal.id());
            }
            for (Strategy strategy : of.strategies()) {
                items.put(strategy.id(), plan.title() + " › " + strategy.title());
                hrefs.put(strategy.id(), "/actions/" + strategy.id());
            }
        }
        return new Choices(editable, items, hrefs);
    }

    // --- the data pack ---

    @GetMapping("/conversations/sessions/{id}/pack")
    String pack(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        Placed placed = conversations.session(user, id);
        model.addAllAttributes(packModel(user, placed, locale, false));
        return PACK_TEMPLATE;
    }

    @GetMapping("/conversations/sessions/{id}/pack.pdf")
    ResponseEntity<byte[]> packPdf(
            @PathVariable UUID id,
            @RequestParam(required = false) String lang,
            @AuthenticationPrincipal SignedInUser user,
            Locale requestLocale) {
        Placed placed = conversations.session(user, id);
        Locale locale = "es".equals(lang) ? new Locale("es") : "en".equals(lang) ? Locale.ENGLISH : requestLocale;
        Context context = new Context(locale);
        context.setVariables(packModel(user, placed, locale, true));
        byte[] pdf = PdfDocument.of(templates.process(PACK_TEMPLATE, context));
        String name = "data-pack-" + placed.session().stage().replaceAll("[^A-Za-z0-9]+", "-") + "-"
                + locale.getLanguage() + ".pdf";
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    private Map<String, Object> packModel(SignedInUser user, Placed placed, Locale locale, boolean pdf) {
        Map<String, Object> model = new HashMap<>();
        model.put("pack", packs.of(user.districtId(), placed.assessment(), placed.session(), locale));
        model.put("stageSession", placed.session());
        model.put("pdf", pdf);
        model.put("lang", locale.getLanguage());
        return model;
    }

    // --- forms ---

    private boolean outOfRange(LocalDate date) {
        return date.getYear() < EARLIEST_YEAR
                || date.getYear() > LocalDate.now(clock).getYear() + 2;
    }

    private List<UUID> knownMetrics(SignedInUser user, List<UUID> ids) {
        List<UUID> known =
                needs.metrics(user.districtId()).stream().map(CnaMetric::id).toList();
        return nonNull(ids).stream().filter(known::contains).distinct().toList();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null
                ? List.of()
                : list.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    record StageForm(@NotBlank @Size(max = 120) String stage) {}

    record DetailsForm(
            @NotBlank @Size(max = 120) String stage,
            @Size(max = 200) String title,
            Boolean online,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime heldAt,

            @Size(max = 500) String place,
            @Size(max = 6) List<Audience> audiences,
            @Size(max = 8) List<CnaArea> areas,
            @Size(max = ConversationStore.MAX_METRICS) List<UUID> metricIds,
            Integer version) {

        /** What the form shows, by field label, to compare with a newer save. */
        Map<String, String> shown() {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("conversation.stageName", stage);
            shown.put("conversation.sessionTitle", title);
            shown.put("conversation.heldAt", heldAt == null ? null : heldAt.toString());
            shown.put("conversation.place", place);
            return shown;
        }

        DetailsForm atVersion(int newer) {
            return new DetailsForm(stage, title, online, heldAt, place, audiences, areas, metricIds, newer);
        }

        static DetailsForm of(Session session) {
            return new DetailsForm(
                    session.stage(),
                    session.title(),
                    session.online(),
                    session.heldAt(),
                    session.place(),
                    session.audiences(),
                    session.areas(),
                    session.metricIds(),
                    session.version());
        }
    }

    record AttendanceForm(
            @Min(0) @Max(1_000_000) Integer teachers,
            @Min(0) @Max(1_000_000) Integer staff,
            @Min(0) @Max(1_000_000) Integer families,
            @Min(0) @Max(1_000_000) Integer students,
            @Min(0) @Max(1_000_000) Integer community,
            @Min(0) @Max(1_000_000) Integer administrators,
            Integer version) {

        static AttendanceForm of(Map<Audience, Integer> counts, int version) {
            return new AttendanceForm(
                    counts.get(Audience.TEACHERS),
                    counts.get(Audience.STAFF),
                    counts.get(Audience.FAMILIES),
                    counts.get(Audience.STUDENTS),
                    counts.get(Audience.COMMUNITY),
                    counts.get(Audience.ADMINISTRATORS),
                    version);
        }

        Map<Audience, Integer> counts() {
            Map<Audience, Integer> counts = new EnumMap<>(Audience.class);
            List<Integer> values = new ArrayList<>();
            values.add(teachers);
            values.add(staff);
            values.add(families);
            values.add(students);
            values.add(community);
            values.add(administrators);
            Audience[] audiences = {
                Audience.TEACHERS,
                Audience.STAFF,
                Audience.FAMILIES,
                Audience.STUDENTS,
                Audience.COMMUNITY,
                Audience.ADMINISTRATORS
            };
            for (int i = 0; i < audiences.length; i++) {
                if (values.get(i) != null) {
                    counts.put(audiences[i], values.get(i));
                }
            }
            return counts;
        }
    }

    record EntryForm(
            @NotNull Kind kind,
            @NotBlank @Size(max = 4000) String text,
            @Size(max = 50) List<UUID> needIds,
            Audience audience) {}

    record DecisionForm(
            @NotBlank @Size(max = 2000) String decision,
            @NotBlank @Size(max = 200) String decidedBy,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate decidedOn,

            @NotNull Outcome outcome,
            UUID goalId,
            @Size(max = 300) String actionTitle,
            UUID itemId,
            @Size(max = 2000) String change) {}
}
