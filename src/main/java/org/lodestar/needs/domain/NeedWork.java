package org.lodestar.needs.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.analysis.NeedRanking;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work of a needs assessment: who may do it, and each change recorded in the audit log. A district's assessment
 * is worked on by its planners and admins, a school's also by that school's leaders; nobody else (viewers and
 * contributors included) reads needs, whose evidence is the district's internal data. An assessment or need of another
 * district is not found.
 */
@Service
public class NeedWork {

    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_CAUSE = 500;
    public static final int MAX_WHYS = 5;

    private final CnaStore cna;
    private final NeedStore store;
    private final AssessmentAnalysis analysis;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    NeedWork(
            CnaStore cna,
            NeedStore store,
            AssessmentAnalysis analysis,
            PlanningApi planning,
            DirectoryApi directory,
            ApplicationEventPublisher events,
            MessageSource messages,
            Clock clock) {
        this.cna = cna;
        this.store = store;
        this.analysis = analysis;
        this.planning = planning;
        this.directory = directory;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the person may work on needs assessments at all: planners, admins and school leaders. */
    public static boolean mayAssess(SignedInUser user) {
        return user.canPlanForDistrict() || !user.ledSchools().isEmpty();
    }

    /** Whether the person may work on an assessment of this scope (school null: the district's). */
    public static boolean mayWork(SignedInUser user, UUID schoolId) {
        return schoolId == null ? user.canPlanForDistrict() : user.canLeadSchool(schoolId);
    }

    /** The assessments the person may work on, latest year first. */
    public List<Assessment> assessments(SignedInUser user) {
        ForbiddenException.unless(mayAssess(user));
        return cna.assessments(user.districtId()).stream()
                .filter(a -> mayWork(user, a.schoolId()))
                .toList();
    }

    /** An assessment the person may work on: not found in another district, forbidden outside their scope. */
    public Assessment assessment(SignedInUser user, UUID id) {
        Assessment assessment =
                cna.assessment(user.districtId(), id).orElseThrow(() -> new NotFoundException("assessment"));
        ForbiddenException.unless(mayWork(user, assessment.schoolId()));
        return assessment;
    }

    /** A need and its assessment, with the same rules. */
    public Need need(SignedInUser user, UUID id) {
        Need need = store.need(user.districtId(), id).orElseThrow(() -> new NotFoundException("need"));
        assessment(user, need.assessmentId());
        return need;
    }

    @Transactional
    public UUID start(SignedInUser user, UUID schoolId, Integer schoolYear, String title) {
        ForbiddenException.unless(mayAssess(user));
        if (schoolId != null) {
            directory.school(user.districtId(), schoolId).orElseThrow(() -> new NotFoundException("school"));
        }
        ForbiddenException.unless(mayWork(user, schoolId));
        if (schoolYear == null || schoolYear < 2000 || schoolYear > 2100) {
            throw new NeedInputException("schoolYear", "need.error.schoolYear");
        }
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > MAX_TITLE) {
            throw new NeedInputException("title", "need.error.title");
        }
        boolean exists = cna.assessments(user.districtId()).stream()
                .anyMatch(a -> Objects.equals(a.schoolId(), schoolId) && a.schoolYear() == schoolYear);
        if (exists) {
            throw new NeedInputException("schoolYear", "need.error.exists");
        }
        UUID id;
        try {
            id = cna.addAssessment(user.districtId(), schoolId, schoolYear, clean, user.email(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new NeedInputException("schoolYear", "need.error.exists");
        }
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                "Assessment",
                id,
                clean,
                Map.of("history.field.schoolYear", schoolYear)));
        return id;
    }

    /**
     * Takes a candidate the data suggests as a need of the assessment (confirmed at once, or kept as a candidate), with
     * its evidence. The candidate is found again by its key, so what is saved is what the data says now.
     */
    @Transactional
    public UUID take(SignedInUser user, UUID assessmentId, String key, boolean confirm, Locale locale) {
        Assessment assessment = assessment(user, assessmentId);
        NeedRanking.Candidate candidate = analysis.of(user.districtId(), assessment).candidates().stream()
                .filter(c -> AssessmentAnalysis.key(c).equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("candidate"));
        CnaMetric metric = cna.metric(user.districtId(), candidate.metricId()).orElseThrow();
        String title = titleOf(
                user.districtId(), metric, candidate.schoolId(), candidate.groupCode(), candidate.grade(), locale);
        NeedSummary.Status status = confirm ? NeedSummary.Status.CONFIRMED : NeedSummary.Status.CANDIDATE;
        UUID id = store.add(
                user.districtId(), assessmentId, title, null, metric.area(), status, user.email(), clock.instant());
        store.addEvidence(user.districtId(), id, evidenceOf(candidate));
        events.publishEvent(AuditableChange.created(
                user.districtId(), user.email(), "Need", id, title, Map.of("history.field.status", status.name())));
        return id;
    }

    /**
     * Confirms the candidate of a metric (by code) and group against all students at the assessment's own scope, then
     * gives it the title and description the team wrote; empty when the data suggests no such candidate.
     */
    @Transactional
    public Optional<UUID> confirmSuggested(
            SignedInUser user,
            UUID assessmentId,
            String metricCode,
            String groupCode,
            String title,
            String description) {
        Assessment assessment = assessment(user, assessmentId);
        Optional<String> key = cna.metricByCode(user.districtId(), metricCode)
                .map(metric -> AssessmentAnalysis.key(
                        metric.id(), assessment.schoolId(), groupCode, "", NeedRanking.Against.ALL_STUDENTS.name()))
                .filter(wanted -> analysis.of(user.districtId(), assessment).candidates().stream()
                        .anyMatch(c -> AssessmentAnalysis.key(c).equals(wanted)));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        UUID id = take(user, assessmentId, key.get(), true, Locale.ENGLISH);
        describe(user, id, title, description, need(user, id).version());
        return Optional.of(id);
    }

    /** Adds a need the team wrote itself (no evidence from the data). */
    @Transactional
    public UUID add(
            SignedInUser user,
            UUID assessmentId,
            String title,
            String description,
            org.lodestar.needs.CnaArea area,
            boolean confirm) {
        assessment(user, assessmentId);
        String clean = checkedTitle(title);
        String text = checkedDescription(description);
        if (area == null) {
            throw new NeedInputException("area", "need.error.area");
        }
        NeedSummary.Status status = confirm ? NeedSummary.Status.CONFIRMED : NeedSummary.Status.CANDIDATE;
        UUID id = store.add(user.districtId(), assessmentId, clean, text, area, status, user.email(), clock.instant());
        events.publishEvent(AuditableChange.created(
                user.districtId(), user.email(), "Need", id, clean, Map.of("history.field.status", status.name())));
        return id;
    }

    @Transactional
    public void describe(SignedInUser user, UUID needId, String title, String description, int version) {
        Need need = need(user, needId);
        String clean = checkedTitle(title);
        String text = checkedDescription(description);
        EditConflictException.unlessSaved(store.describe(user.districtId(), needId, clean, text, version), "need");
        needUpdated(user, needId, clean, fields(need.title(), need.description()), fields(clean, text));
    }

    @Transactional
    public void setStatus(SignedInUser user, UUID needId, NeedSummary.Status status, int version) {
        Need need = need(user, needId);
        if (status == NeedSummary.Status.MERGED || need.status() == NeedSummary.Status.MERGED) {
            throw new NeedInputException("status", "need.error.merged");
        }
        EditConflictException.unlessSaved(store.setStatus(user.districtId(), needId, status, version), "need");
        needUpdated(
                user,
                needId,
                need.title(),
                Map.of("history.field.status", need.status().name()),
                Map.of("history.field.status", status.name()));
    }

    /** Merges one open need into another open need of the same assessment: nothing is lost (see the store). */
    @Transactional
    public void merge(
            SignedInUser user, UUID assessmentId, UUID keptId, int keptVersion, UUID mergedId, int mergedVersion) {
        assessment(user, assessmentId);
        if (keptId == null || mergedId == null || keptId.equals(mergedId)) {
            throw new NeedInputException("merge", "need.error.mergeTwo");
        }
        Need kept = need(user, keptId);
        Need merged = need(user, mergedId);
        if (!kept.assessmentId().equals(assessmentId) || !merged.assessmentId().equals(assessmentId)) {
            throw new NotFoundException("need");
        }
        if (!kept.open() || !merged.open()) {
            throw new NeedInputException("merge", "need.error.merged");
        }
        EditConflictException.unlessSaved(
                store.merge(user.districtId(), mergedId, mergedVersion, keptId, keptVersion), "need");
        needUpdated(
                user,
                mergedId,
                merged.title(),
                Map.of("history.field.status", merged.status().name()),
                Map.of("history.field.status", "MERGED", "need.history.mergedInto", kept.title()));
    }

    /**
     * Sets the priorities of the assessment's confirmed needs: each a whole number from 1 to the number of confirmed
     * needs, none twice; a need left blank has none.
     */
    @Transactional
    public void prioritize(SignedInUser user, UUID assessmentId, Map<UUID, String> entered) {
        assessment(user, assessmentId);
        List<Need> confirmed = store.needsOf(user.districtId(), assessmentId).stream()
                .filter(Need::confirmed)
                .toList();
        Map<UUID, Integer> priorities = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        for (Need need : confirmed) {
            String text = entered.getOrDefault(need.id(), "").strip();
            if (text.isEmpty()) {
                continue;
            }
            int priority;
            try {
                priority = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new NeedInputException("p_" + need.id(), "need.error.priority");
            }
            if (priority < 1 || priority > confirmed.size() || !used.add(priority)) {
                throw new NeedInputException("p_" + need.id(), "need.error.priority");
            }
            priorities.put(need.id(), priority);
        }
        store.prioritize(user.districtId(), assessmentId, priorities);
        for (Need need : confirmed) {
            Integer after = priorities.get(need.id());
            if (!Objects.equals(after, need.priority())) {
                needUpdated(
                        user,
                        need.id(),
                        need.title(),
                        Map.of("history.field.position", Objects.toString(need.priority(), "")),
                        Map.of("history.field.position", Objects.toString(after, "")));
            }
        }
    }

    /** Writes a need's root cause: five whys (1 to 5 lines) or a fishbone (causes by category), replacing the last. */
    @Transactional
    public void writeCauses(
            SignedInUser user, UUID needId, Need.CauseMethod method, List<NeedCause> entered, int version) {
        Need need = need(user, needId);
        if (method == null) {
            throw new NeedInputException("method", "need.error.method");
        }
        List<NeedCause> causes = new ArrayList<>();
        for (NeedCause cause : entered) {
            String because = cause.because() == null ? "" : cause.because().strip();
            String why = cause.why() == null || cause.why().isBlank()
                    ? null
                    : cause.why().strip();
            if (because.isEmpty() && why == null) {
                continue;
            }
            String field = "because" + cause.position();
            if (because.isEmpty() || because.length() > MAX_CAUSE || (why != null && why.length() > MAX_CAUSE)) {
                throw new NeedInputException(field, "need.error.because");
            }
            if (method == Need.CauseMethod.FISHBONE && cause.category() == null) {
                throw new NeedInputException(field, "need.error.category");
            }
            causes.add(new NeedCause(
                    causes.size() + 1, method == Need.CauseMethod.FISHBONE ? cause.category() : null, why, because));
        }
        if (causes.isEmpty()) {
            throw new NeedInputException("because1", "need.error.noCause");
        }
        if (method == Need.CauseMethod.FIVE_WHYS && causes.size() > MAX_WHYS) {
            throw new NeedInputException("because1", "need.error.tooManyWhys");
        }
        List<NeedCause> before = store.causes(user.districtId(), needId);
        EditConflictException.unlessSaved(
                store.writeCauses(user.districtId(), needId, method, causes, version), "need");
        needUpdated(
                user,
                needId,
                need.title(),
                Map.of("need.history.rootCause", text(before)),
                Map.of("need.history.rootCause", text(causes)));
    }

    /** A goal or action of the plans of the assessment's scope and year, that a need may be linked to. */
    public record Linkable(UUID itemId, NeedLink.Kind kind, String label, String planTitle, String href) {}

    /** The goals and actions of the plans (of the assessment's scope) whose years hold the assessment's year. */
    public List<Linkable> linkable(UUID districtId, Assessment assessment) {
        List<PlanSummary> plans = planning.plans(districtId).stream()
                .filter(p -> Objects.equals(p.schoolId(), assessment.schoolId()))
                .filter(p -> p.firstYear() <= assessment.schoolYear() && assessment.schoolYear() <= p.lastYear())
                .toList();
        if (plans.isEmpty()) {
            return List.of();
        }
        Map<UUID, PlanNodes> nodes = planning.nodesOfPlans(
                districtId, plans.stream().map(PlanSummary::id).toList());
        List<Linkable> items = new ArrayList<>();
        for (PlanSummary plan : plans) {
            PlanNodes of = nodes.get(plan.id());
            if (of == null) {
                continue;
            }
            of.goals()
                    .forEach(g -> items.add(
                            new Linkable(g.id(), NeedLink.Kind.GOAL, g.title(), plan.title(), "/goals/" + g.id())));
            of.strategies()
                    .forEach(s -> items.add(
                            new Linkable(s.id(), NeedLink.Kind.ACTION, s.title(), plan.title(), "/actions/" + s.id())));
        }
        return items;
    }

    @Transactional
    public void link(SignedInUser user, UUID needId, UUID itemId) {
        Need need = need(user, needId);
        Assessment assessment = assessment(user, need.assessmentId());
        Linkable item = linkable(user.districtId(), assessment).stream()
                .filter(l -> l.itemId().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NeedInputException("item", "need.error.item"));
        store.link(user.districtId(), needId, itemId, item.kind(), user.email(), clock.instant());
        needUpdated(user, needId, need.title(), Map.of(), Map.of("need.history.answeredBy", item.label()));
    }

    @Transactional
    public void unlink(SignedInUser user, UUID needId, UUID itemId) {
        Need need = need(user, needId);
        if (store.unlink(user.districtId(), needId, itemId) > 0) {
            needUpdated(user, needId, need.title(), Map.of("need.history.answeredBy", itemId.toString()), Map.of());
        }
    }

    /**
     * A need's default title: the metric, the group or grade and the school ("Chronic absenteeism: Econ. dis. – Cedar",
     * "Math proficiency: grade 3 – Cedar").
     */
    private String titleOf(
            UUID districtId, CnaMetric metric, UUID schoolId, String groupCode, String grade, Locale locale) {
        StringBuilder title = new StringBuilder(metric.name(locale));
        if (grade != null && !grade.isEmpty()) {
            title.append(": ").append(messages.getMessage("need.gradeTitle", new Object[] {grade}, locale));
        }
        if (!StudentGroup.ALL.equals(groupCode)) {
            String group = directory.studentGroups(districtId).stream()
                    .filter(g -> g.code().equals(groupCode))
                    .map(g -> g.name(locale))
                    .findFirst()
                    .orElse(groupCode);
            title.append(": ").append(group);
        }
        if (schoolId != null) {
            directory
                    .school(districtId, schoolId)
                    .ifPresent(s -> title.append(" – ").append(s.name()));
        }
        String text = title.toString();
        return text.length() > MAX_TITLE ? text.substring(0, MAX_TITLE) : text;
    }

    private static NeedEvidence evidenceOf(NeedRanking.Candidate c) {
        return new NeedEvidence(
                null,
                null,
                c.metricId(),
                c.schoolId(),
                c.groupCode(),
                c.grade(),
                c.against().name(),
                c.history().stream().map(p -> p.year()).toList(),
                c.history().stream().map(p -> decimal(p.value())).toList(),
                c.references().stream().map(NeedWork::decimal).toList(),
                c.history().stream().map(p -> p.n()).toList(),
                decimal(c.gap().shortfall()),
                c.trend() == null ? "NO_CLEAR_CHANGE" : c.trend().verdict().name(),
                decimal(c.score()));
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static String checkedTitle(String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > MAX_TITLE) {
            throw new NeedInputException("title", "need.error.title");
        }
        return clean;
    }

    private static String checkedDescription(String description) {
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > MAX_DESCRIPTION) {
            throw new NeedInputException("description", "need.error.description");
        }
        return text;
    }

    private static Map<String, Object> fields(String title, String description) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("history.field.title", title);
        fields.put("need.history.description", Objects.toString(description, ""));
        return fields;
    }

    private static String text(List<NeedCause> causes) {
        StringBuilder text = new StringBuilder();
        for (NeedCause cause : causes) {
            if (!text.isEmpty()) {
                text.append(" | ");
            }
            if (cause.category() != null) {
                text.append(cause.category().name()).append(": ");
            }
            if (cause.why() != null) {
                text.append(cause.why()).append(" -> ");
            }
            text.append(cause.because());
        }
        return text.toString();
    }

    /** The needs of an assessment the given person may work on. */
    public List<Need> needs(SignedInUser user, UUID assessmentId) {
        assessment(user, assessmentId);
        return store.needsOf(user.districtId(), assessmentId);
    }

    public Optional<Need> find(UUID districtId, UUID needId) {
        return store.need(districtId, needId);
    }

    // reads for the pages, after the page checked the person's rights through assessment(...) or need(...)

    public List<Need> needsOf(UUID districtId, UUID assessmentId) {
        return store.needsOf(districtId, assessmentId);
    }

    public Map<UUID, List<NeedEvidence>> evidence(UUID districtId, java.util.Collection<UUID> needIds) {
        return store.evidence(districtId, needIds);
    }

    public List<NeedLink> links(UUID districtId, java.util.Collection<UUID> needIds) {
        return store.links(districtId, needIds);
    }

    public List<NeedCause> causes(UUID districtId, UUID needId) {
        return store.causes(districtId, needId);
    }

    public List<CnaMetric> metrics(UUID districtId) {
        return cna.metrics(districtId);
    }

    /** Records in the audit log that the person changed a need: the fields before and after. */
    private void needUpdated(
            SignedInUser user, UUID needId, String title, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(
                AuditableChange.updated(user.districtId(), user.email(), "Need", needId, title, before, after));
    }
}
