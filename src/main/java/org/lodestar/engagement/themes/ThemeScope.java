package org.lodestar.engagement.themes;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.NeedsApi;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may read which comment sets. The district's planners and admins read every set, comments included. A school's
 * leader reads the sets of their school, in aggregate only (labels, sizes, audience shares; comments are personal data):
 * a set is a school's when every one of its sources is a survey tied to a needs assessment of that school, or a session
 * of the conversation of such an assessment. A school's leader may make such a set (the run reads the comments on the
 * server; they see its aggregates). A set holding a paste, a district survey or another school's comments is
 * not theirs: it is not found (404), as another district's, so that its title and existence stay the planners'. Anyone
 * else (teachers, viewers) is refused before anything is read (403).
 */
@Component
class ThemeScope {

    private final ThemeStore store;
    private final NeedsApi needs;

    ThemeScope(ThemeStore store, NeedsApi needs) {
        this.store = store;
        this.needs = needs;
    }

    /** Planners and admins, or a school's leader; anyone else is refused (403). */
    static void mayReadAggregates(SignedInUser user) {
        ForbiddenException.unless(
                user.canPlanForDistrict() || !user.ledSchools().isEmpty());
    }

    /** The sets the person may read, newest first. */
    List<ThemeStore.ThemeSet> sets(SignedInUser user) {
        mayReadAggregates(user);
        List<ThemeStore.ThemeSet> all = store.sets(user.districtId());
        if (user.canPlanForDistrict()) {
            return all;
        }
        Map<UUID, UUID> schoolOfSet = schoolsOfSets(user.districtId());
        return all.stream()
                .filter(set -> leads(user, schoolOfSet.get(set.id())))
                .toList();
    }

    /**
     * The surveys and sessions with comments of which the person may make a set: every one of the district's for its
     * planners, those of their school's needs assessments for a school's leader (the set's themes are then theirs to read
     * in aggregate, as the sets of {@link #sets}).
     */
    List<ThemeStore.SourceCount> sources(SignedInUser user) {
        mayReadAggregates(user);
        List<ThemeStore.SourceCount> all = store.commentSources(user.districtId());
        if (user.canPlanForDistrict()) {
            return all;
        }
        Map<ThemeStore.Source, UUID> schools = schoolsOfSources(user, all);
        return all.stream()
                .filter(source -> schools.containsKey(source.asSource()))
                .toList();
    }

    /** The school of each of the given sources that is of a school the person leads. */
    private Map<ThemeStore.Source, UUID> schoolsOfSources(SignedInUser user, List<ThemeStore.SourceCount> all) {
        Map<UUID, UUID> schoolOfAssessment = schoolsOfAssessments(user.districtId());
        Map<ThemeStore.Source, UUID> schools = new HashMap<>();
        for (ThemeStore.SourceCount source : all) {
            UUID school = source.assessmentId() == null ? null : schoolOfAssessment.get(source.assessmentId());
            if (leads(user, school)) {
                schools.put(source.asSource(), school);
            }
        }
        return schools;
    }

    /**
     * Whether the person may make a set of these sources: a planner, of any of the district's; a school's leader, of
     * their own ({@link #sources}) and all of one school, so that the set is one they can read ({@link #set}).
     */
    boolean mayMakeSetOf(SignedInUser user, Collection<ThemeStore.Source> chosen) {
        mayReadAggregates(user);
        if (user.canPlanForDistrict()) {
            return true;
        }
        Map<ThemeStore.Source, UUID> schoolOf = schoolsOfSources(user, store.commentSources(user.districtId()));
        Set<UUID> schools = new HashSet<>();
        for (ThemeStore.Source source : chosen) {
            if (!schoolOf.containsKey(source)) {
                return false;
            }
            schools.add(schoolOf.get(source));
        }
        return schools.size() == 1;
    }

    /** A set the person may read; one of another district, or (for a school's leader) not of their school: 404. */
    ThemeStore.ThemeSet set(SignedInUser user, UUID setId) {
        mayReadAggregates(user);
        ThemeStore.ThemeSet set = store.set(user.districtId(), setId).orElseThrow(() -> new NotFoundException("set"));
        if (!user.canPlanForDistrict()
                && !leads(user, schoolsOfSets(user.districtId()).get(setId))) {
            throw new NotFoundException("set");
        }
        return set;
    }

    /** The school the set's comments all come from, or null when they come from none or from several. */
    UUID schoolOf(UUID districtId, UUID setId) {
        return schoolsOfSets(districtId).get(setId);
    }

    private static boolean leads(SignedInUser user, UUID schoolId) {
        return schoolId != null && user.ledSchools().contains(schoolId);
    }

    /** Each set's one school (sets whose sources are not all of one school's assessments are left out). */
    private Map<UUID, UUID> schoolsOfSets(UUID districtId) {
        Map<UUID, UUID> schoolOfAssessment = schoolsOfAssessments(districtId);
        Map<UUID, Set<UUID>> schools = new HashMap<>();
        Set<UUID> mixed = new HashSet<>();
        for (ThemeStore.SourceAssessment source : store.sourceAssessments(districtId)) {
            UUID school = source.assessmentId() == null ? null : schoolOfAssessment.get(source.assessmentId());
            if (school == null) {
                mixed.add(source.setId());
            } else {
                schools.computeIfAbsent(source.setId(), s -> new HashSet<>()).add(school);
            }
        }
        Map<UUID, UUID> one = new HashMap<>();
        schools.forEach((set, of) -> {
            if (of.size() == 1 && !mixed.contains(set)) {
                one.put(set, of.iterator().next());
            }
        });
        return one;
    }

    /** The school of each of the district's school assessments (the district's own assessments are left out). */
    private Map<UUID, UUID> schoolsOfAssessments(UUID districtId) {
        Map<UUID, UUID> schoolOfAssessment = new HashMap<>();
        for (Assessment assessment : needs.assessments(districtId)) {
            if (assessment.schoolId() != null) {
                schoolOfAssessment.put(assessment.id(), assessment.schoolId());
            }
        }
        return schoolOfAssessment;
    }
}
