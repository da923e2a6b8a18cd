package org.lodestar.needs.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.CnaMetric;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state's values the district compares itself and its schools with: one per metric, school year and student group
 * ("ALL" for all students), entered by planners and admins (the metrics' editors) and read on every assessment. Each
 * change is recorded in the audit log; a change of a value someone else changed meanwhile is refused.
 */
@Service
public class StateValues {

    /** A percent is between 0 and 100; any other value at most this far from 0. */
    static final BigDecimal LARGEST = BigDecimal.valueOf(1_000_000_000);

    private final NeedStore store;
    private final CnaStore cna;
    private final DirectoryApi directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StateValues(NeedStore store, CnaStore cna, DirectoryApi directory, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cna = cna;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    public List<StateValue> list(SignedInUser user) {
        ForbiddenException.unless(MetricCatalog.mayRead(user));
        return store.stateValueList(user.districtId());
    }

    /**
     * Enters a new state value. Refused at its field: a year that is not a school year between 2000 and 2100, a group
     * the district does not have, a value that is not a number (or a percent outside 0..100), or a value of that
     * metric, year and group already entered (it is changed in its row instead).
     */
    @Transactional
    public void enter(SignedInUser user, UUID metricId, String year, String group, String value) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        CnaMetric metric = cna.metric(user.districtId(), metricId).orElseThrow(() -> new NotFoundException("metric"));
        int schoolYear = year(year);
        String groupCode = group(user.districtId(), group);
        BigDecimal parsed = value(metric, value, "stateValue");
        if (parsed == null) {
            throw new NeedInputException("stateValue", "need.error.state");
        }
        if (!store.addStateValue(
                user.districtId(), metricId, schoolYear, groupCode, parsed, user.email(), clock.instant())) {
            throw new NeedInputException("stateValue", "need.error.stateExists");
        }
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                "StateValue",
                metricId,
                summary(metric, schoolYear, groupCode),
                Map.of("need.history.stateValue", parsed.toPlainString())));
    }

    /** Changes an entered state value, or removes it when the value is left blank, if nobody changed it meanwhile. */
    @Transactional
    public void change(
            SignedInUser user, UUID metricId, int schoolYear, String groupCode, String value, Integer version) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        CnaMetric metric = cna.metric(user.districtId(), metricId).orElseThrow(() -> new NotFoundException("metric"));
        StateValue before = store.stateValue(user.districtId(), metricId, schoolYear, groupCode)
                .orElseThrow(() -> new EditConflictException("state value"));
        String field = "state_" + metricId + "_" + schoolYear + "_" + groupCode;
        BigDecimal parsed = value(metric, value, field);
        EditConflictException.unlessSaved(
                store.changeStateValue(
                        user.districtId(),
                        metricId,
                        schoolYear,
                        groupCode,
                        parsed,
                        EditConflictException.versionRead(version),
                        user.email(),
                        clock.instant()),
                "state value");
        String summary = summary(metric, schoolYear, groupCode);
        Map<String, Object> was =
                Map.of("need.history.stateValue", before.value().toPlainString());
        events.publishEvent(
                parsed == null
                        ? AuditableChange.deleted(user.districtId(), user.email(), "StateValue", metricId, summary, was)
                        : AuditableChange.updated(
                                user.districtId(),
                                user.email(),
                                "StateValue",
                                metricId,
                                summary,
                                was,
                                Map.of("need.history.stateValue", parsed.toPlainString())));
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text == null ? "" : text.strip());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new NeedInputException("stateYear", "need.error.schoolYear");
    }

    private String group(UUID districtId, String text) {
        String code = text == null || text.isBlank() ? StudentGroup.ALL : text.strip();
        boolean known = StudentGroup.ALL.equals(code)
                || directory.studentGroups(districtId).stream()
                        .anyMatch(g -> g.code().equals(code));
        if (!known) {
            throw new NeedInputException("stateGroup", "need.error.stateGroup");
        }
        return code;
    }

    /** The value typed (a comma taken as the decimal point), null when blank; refused at the given field. */
    private static BigDecimal value(CnaMetric metric, String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new NeedInputException(field, "need.error.state");
        }
        boolean percent = metric.unit() == CnaMetric.Unit.PERCENT;
        if (percent && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new NeedInputException(field, "need.error.statePercent");
        }
        if (value.abs().compareTo(LARGEST) > 0) {
            throw new NeedInputException(field, "need.error.state");
        }
        return value;
    }

    private static String summary(CnaMetric metric, int schoolYear, String groupCode) {
        return metric.code() + " " + SchoolYear.of(schoolYear) + " " + groupCode;
    }
}
