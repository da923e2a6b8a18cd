package org.lodestar.needs.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.AssessmentWorkSource;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.LinkedTheme;
import org.lodestar.needs.LinkedThemeSource;
import org.lodestar.needs.domain.AssessmentAnalysis;
import org.lodestar.needs.domain.Need;
import org.lodestar.needs.domain.NeedCause;
import org.lodestar.needs.domain.NeedEvidence;
import org.lodestar.needs.domain.NeedLink;
import org.lodestar.needs.domain.NeedWork;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/** Puts together what the assessment and need pages show. */
@Component
class NeedPages {

    private final NeedWork work;
    private final AssessmentAnalysis analysis;
    private final DirectoryApi directory;
    private final List<LinkedThemeSource> themeSources;
    private final List<AssessmentWorkSource> workSources;
    private final JsonMapper json;

    NeedPages(
            NeedWork work,
            AssessmentAnalysis analysis,
            DirectoryApi directory,
            List<LinkedThemeSource> themeSources,
            List<AssessmentWorkSource> workSources,
            JsonMapper json) {
        this.work = work;
        this.analysis = analysis;
        this.directory = directory;
        this.themeSources = themeSources;
        this.workSources = workSources;
        this.json = json;
    }

    /** A need as the assessment page lists it. */
    public record NeedRow(Need need, int evidence, boolean unanswered) {}

    /** The metrics of one area with their gaps. */
    public record AreaGaps(CnaArea area, List<AssessmentAnalysis.MetricGaps> metrics) {}

    /** A school year to choose. */
    public record YearOption(int value, String label) {}

    /** Each school year as it is written ({@code 2025} is {@code 2025-26}). */
    static final Map<Integer, String> YEAR_LABELS = new LinkedHashMap<>();

    static {
        for (int year = 1990; year <= 2100; year++) {
            YEAR_LABELS.put(year, org.lodestar.shared.SchoolYear.of(year).toString());
        }
    }

    void assessment(SignedInUser user, Assessment assessment, Locale locale, Model model) {
        UUID districtId = user.districtId();
        model.addAttribute(
                "work",
                workSources.stream()
                        .flatMap(source -> source.about(user, assessment, locale).stream())
                        .toList());
        List<Need> needs = work.needsOf(districtId, assessment.id());
        List<UUID> ids = needs.stream().map(Need::id).toList();
        Map<UUID, List<NeedEvidence>> evidence = work.evidence(districtId, ids);
        Set<UUID> answered = work.links(districtId, ids).stream()
                .filter(l -> l.kind() == NeedLink.Kind.ACTION)
                .map(NeedLink::needId)
                .collect(Collectors.toSet());
        List<NeedRow> rows = needs.stream()
                .map(n -> new NeedRow(
                        n,
                        evidence.getOrDefault(n.id(), List.of()).size(),
                        n.confirmed() && !answered.contains(n.id())))
                .toList();
        AssessmentAnalysis.Analysis data = analysis.of(districtId, assessment);
        Map<CnaArea, List<AssessmentAnalysis.MetricGaps>> byArea = new LinkedHashMap<>();
        for (CnaArea area : CnaArea.values()) {
            List<AssessmentAnalysis.MetricGaps> of = data.metrics().stream()
                    .filter(m -> m.metric().area() == area)
                    .toList();
            if (!of.isEmpty()) {
                byArea.put(area, of);
            }
        }
        model.addAttribute("assessment", assessment);
        model.addAttribute("scope", scopeName(districtId, assessment));
        model.addAttribute("yearLabel", YEAR_LABELS.get(assessment.schoolYear()));
        model.addAttribute("needs", rows);
        model.addAttribute("open", needs.stream().filter(Need::open).toList());
        model.addAttribute("confirmed", needs.stream().filter(Need::confirmed).toList());
        model.addAttribute("candidates", data.offered());
        model.addAttribute(
                "candidateKeys",
                data.offered().stream().map(AssessmentAnalysis::key).toList());
        model.addAttribute(
                "areas",
                byArea.entrySet().stream()
                        .map(e -> new AreaGaps(e.getKey(), e.getValue()))
                        .toList());
        names(districtId, locale, model);
    }

    void need(SignedInUser user, Need need, Locale locale, Model model) {
        UUID districtId = user.districtId();
        Assessment assessment = work.assessment(user, need.assessmentId());
        List<NeedEvidence> evidence =
                work.evidence(districtId, List.of(need.id())).getOrDefault(need.id(), List.of());
        List<NeedWork.Linkable> linkable = work.linkable(districtId, assessment);
        Map<UUID, NeedWork.Linkable> byId = new LinkedHashMap<>();
        linkable.forEach(l -> byId.put(l.itemId(), l));
        List<NeedLink> links = work.links(districtId, List.of(need.id()));
        List<NeedWork.Linkable> linked = new ArrayList<>();
        for (NeedLink link : links) {
            linked.add(byId.getOrDefault(
                    link.itemId(),
                    new NeedWork.Linkable(
                            link.itemId(),
                            link.kind(),
                            link.itemId().toString(),
                            "",
                            link.kind() == NeedLink.Kind.GOAL
                                    ? "/goals/" + link.itemId()
                                    : "/actions/" + link.itemId())));
        }
        List<UUID> linkedIds = links.stream().map(NeedLink::itemId).toList();
        List<LinkedTheme> themes = new ArrayList<>();
        themeSources.forEach(source -> themes.addAll(source.themesOf(districtId, List.of(need.id()))));
        Map<String, Object> charts = new LinkedHashMap<>();
        Map<UUID, CnaMetric> metrics = metrics(districtId);
        Map<UUID, String> schools = schoolNames(districtId);
        for (NeedEvidence e : evidence) {
            charts.put(e.id().toString(), chart(e, metrics.get(e.metricId()), locale));
        }
        model.addAttribute("need", need);
        model.addAttribute("assessment", assessment);
        model.addAttribute("scope", scopeName(districtId, assessment));
        model.addAttribute("evidence", evidence);
        model.addAttribute("charts", charts);
        model.addAttribute("linked", linked);
        model.addAttribute("answered", links.stream().anyMatch(l -> l.kind() == NeedLink.Kind.ACTION));
        model.addAttribute(
                "linkable",
                linkable.stream().filter(l -> !linkedIds.contains(l.itemId())).toList());
        model.addAttribute("themes", themes);
        if (!model.containsAttribute("causes")) {
            model.addAttribute("causes", causeLines(work.causes(districtId, need.id())));
        }
        model.addAttribute("method", need.causeMethod() == null ? Need.CauseMethod.FIVE_WHYS : need.causeMethod());
        model.addAttribute("categories", Need.CauseCategory.values());
        model.addAttribute(
                "mergedInto",
                need.mergedInto() == null
                        ? null
                        : work.find(districtId, need.mergedInto()).orElse(null));
        model.addAttribute("schoolNames", schools);
        names(districtId, locale, model);
    }

    /** Six lines for the root cause form: the saved ones, then blank ones. */
    static List<NeedCause> causeLines(List<NeedCause> saved) {
        List<NeedCause> lines = new ArrayList<>(saved);
        while (lines.size() < 6) {
            lines.add(new NeedCause(lines.size() + 1, null, null, null));
        }
        return lines;
    }

    private String chart(NeedEvidence e, CnaMetric metric, Locale locale) {
        List<String> years = e.years().stream()
                .map(y -> org.lodestar.shared.SchoolYear.of(y).toString())
                .toList();
        List<Map<String, Object>> series = List.of(
                Map.of("name", metric == null ? "" : metric.name(locale), "type", "line", "data", e.values()),
                Map.of(
                        "name",
                        "es".equals(locale.getLanguage()) ? "Referencia" : "Reference",
                        "type",
                        "line",
                        "data",
                        e.references(),
                        "lineStyle",
                        Map.of("type", "dashed")));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("years", years);
        spec.put("series", series);
        spec.put("fromZero", false);
        return json.writeValueAsString(spec);
    }

    private void names(UUID districtId, Locale locale, Model model) {
        model.addAttribute("metrics", metrics(districtId));
        model.addAttribute("schoolNames", schoolNames(districtId));
        Map<String, String> groups = new LinkedHashMap<>();
        directory.studentGroups(districtId).forEach(g -> groups.put(g.code(), g.name(locale)));
        groups.putIfAbsent(StudentGroup.ALL, "ALL");
        model.addAttribute("groupNames", groups);
        model.addAttribute("yearLabels", YEAR_LABELS);
        model.addAttribute("allAreas", CnaArea.values());
    }

    private Map<UUID, CnaMetric> metrics(UUID districtId) {
        Map<UUID, CnaMetric> metrics = new LinkedHashMap<>();
        work.metrics(districtId).forEach(m -> metrics.put(m.id(), m));
        return metrics;
    }

    private Map<UUID, String> schoolNames(UUID districtId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        directory.schoolsById(districtId).forEach((id, school) -> names.put(id, school.name()));
        return names;
    }

    /** The school's name, or null for the district's assessment. */
    String scopeName(UUID districtId, Assessment assessment) {
        return assessment.schoolId() == null
                ? null
                : directory
                        .school(districtId, assessment.schoolId())
                        .map(School::name)
                        .orElse(null);
    }
}
