package org.lodestar.measures.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.RecordedValue;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.domain.KpiEditing;
import org.lodestar.measures.domain.RecordingRules;
import org.lodestar.measures.domain.ValueRecording;
import org.lodestar.measures.domain.ValueRule;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** KPIs with their status, and their measurements to read and write. */
@RestController
@Tag(name = "KPIs", description = "KPI definitions, status and measurements")
class KpisApiController {

    private final Scorecards scorecards;
    private final KpiEditing editing;
    private final ValueRecording recording;
    private final DirectoryApi directory;
    private final MessageSource messages;

    KpisApiController(
            Scorecards scorecards,
            KpiEditing editing,
            ValueRecording recording,
            DirectoryApi directory,
            MessageSource messages) {
        this.scorecards = scorecards;
        this.editing = editing;
        this.recording = recording;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * A KPI. {@code name} is in the district's language ({@code language}), {@code nameTranslation} in the other one
     * (null when not translated); {@code schoolLevels} the levels of school it is about (empty: every school);
     * {@code version} is what a change of the KPI sends back.
     */
    record KpiDto(
            UUID id,
            UUID outcomeId,
            String name,
            String nameTranslation,
            String language,
            List<String> schoolLevels,
            int version,
            String unit,
            String direction,
            BigDecimal baselineValue,
            String baselineYear,
            Map<String, BigDecimal> targets,
            String frequency,
            String dataSource,
            boolean byStudentGroup,
            boolean aboutStudents,
            boolean published,
            String status,
            BigDecimal latestValue,
            String latestYear) {}

    /**
     * A measured value. {@code schoolYear} is written 2025-26; {@code period} is 0 for the whole year; {@code schoolId}
     * empty means the district; {@code group} defaults to ALL; {@code n} is the number of students, required for a school
     * or group value of a KPI about students. {@code version} is the recorded value's version: send it back to replace
     * that value (a value recorded meanwhile is then not overwritten unseen).
     */
    record MeasurementDto(
            String schoolYear,
            Integer period,
            UUID schoolId,
            String group,
            BigDecimal value,
            BigDecimal n,
            Integer version) {}

    /** A recorded value a write would have replaced without naming its version. */
    record InTheWay(
            int index,
            String schoolYear,
            int period,
            UUID schoolId,
            String group,
            BigDecimal value,
            Integer n,
            int version,
            String recordedBy,
            java.time.Instant recordedAt) {}

    record Problem(int index, String field, String message) {}

    /** A KPI's new name in the district's language and (null or empty: none) in the other, over its {@code version}. */
    record NamesDto(String name, String nameTranslation, Integer version) {}

    @GetMapping("/api/v1/kpis")
    @Operation(summary = "Every KPI of the caller's district with its current status")
    List<KpiDto> kpis(@AuthenticationPrincipal SignedInUser user) {
        List<Kpi> kpis = scorecards.kpis(user.districtId());
        String language = directory.district(user.districtId()).defaultLanguage();
        return scorecards.overviews(user.districtId(), kpis, null, StudentGroup.ALL).stream()
                .map(o -> dto(o, language))
                .toList();
    }

    @GetMapping("/api/v1/kpis/{id}")
    @Operation(summary = "One KPI with its current status")
    KpiDto kpi(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        return dto(
                scorecards
                        .overviews(user.districtId(), List.of(kpi), null, StudentGroup.ALL)
                        .get(0),
                directory.district(user.districtId()).defaultLanguage());
    }

    @PostMapping("/api/v1/kpis/{id}/names")
    @Operation(
            summary = "Rename a KPI, in the district's language and the other one",
            description =
                    "Refused (409) when the KPI changed since the version sent was read; a name is required and at"
                            + " most 300 characters, a translation optional.")
    ResponseEntity<?> rename(
            @PathVariable UUID id, @RequestBody NamesDto names, @AuthenticationPrincipal SignedInUser user) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        if (names.name() == null
                || names.name().isBlank()
                || names.name().length() > 300
                || (names.nameTranslation() != null && names.nameTranslation().length() > 300)
                || names.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "A name (at most 300 characters), an optional translation as long at most, and the"
                                    + " version read are required."));
        }
        editing.save(user, kpi.renamed(names.name().strip(), names.nameTranslation(), names.version()));
        return ResponseEntity.ok(kpi(id, user));
    }

    @GetMapping("/api/v1/kpis/{id}/measurements")
    @Operation(summary = "Every measurement of a KPI, for the district and its schools, by student group")
    List<MeasurementDto> measurements(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        scorecards.kpi(user.districtId(), id);
        return scorecards.recordedValues(user.districtId(), id).stream()
                .map(recorded -> {
                    Measurement m = recorded.measurement();
                    return new MeasurementDto(
                            SchoolYear.of(m.schoolYear()).toString(),
                            m.period(),
                            m.schoolId(),
                            m.groupCode(),
                            m.value(),
                            m.n() == null ? null : BigDecimal.valueOf(m.n()),
                            recorded.version());
                })
                .toList();
    }

    @PostMapping("/api/v1/kpis/{id}/measurements")
    @Operation(
            summary = "Record measurements of a KPI: all of them, or none with every problem listed",
            description = "A value recorded already for the same school year, period, school and group is replaced only"
                    + " when the entry names its version (from GET .../measurements) or the call says replace=true;"
                    + " otherwise nothing is recorded and 409 lists the values in the way. A value of a quarter locked"
                    + " by a signed-off quarterly review (or of a year locked by its year-end evaluation) is refused"
                    + " unless a district admin sends lockReason, which the history keeps.")
    ResponseEntity<?> record(
            @PathVariable UUID id,
            @RequestBody List<MeasurementDto> body,
            @RequestParam(defaultValue = "false") boolean replace,
            @RequestParam(required = false) String lockReason,
            @AuthenticationPrincipal SignedInUser user) {
        Kpi kpi = scorecards.kpi(user.districtId(), id);
        List<String> groups = directory.studentGroups(user.districtId()).stream()
                .map(StudentGroup::code)
                .toList();
        List<Problem> problems = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        List<Integer> seenVersions = new ArrayList<>();
        // looked up once for the whole call, however many entries it sends
        Set<UUID> schools = directory.schoolsById(user.districtId()).keySet();
        RecordingRules rules = editing.recordingRules(user);
        ValueRule.RecordableYears years = rules.years(kpi);
        for (int i = 0; i < body.size(); i++) {
            MeasurementDto dto = body.get(i);
            if (dto == null) {
                problems.add(new Problem(i, "measurement", "is required"));
                continue;
            }
            int before = problems.size();
            Integer year = null;
            try {
                year = SchoolYear.parse(dto.schoolYear()).startYear();
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(i, "schoolYear", "must be a school year such as 2025-26"));
            }
            if (year != null) {
                int index = i;
                years.check(year)
                        .ifPresent(refused -> problems.add(new Problem(index, "schoolYear", english(refused))));
            }
            int period = dto.period() == null ? 0 : dto.period();
            if (period < 0 || period > 12) {
                problems.add(new Problem(i, "period", "must be from 0 to 12"));
            }
            String group = dto.group() == null || dto.group().isBlank() ? StudentGroup.ALL : dto.group();
            if (!groups.contains(group)) {
                problems.add(new Problem(i, "group", "is not a student group of the district"));
            }
            if (dto.schoolId() != null && !schools.contains(dto.schoolId())) {
                problems.add(new Problem(i, "schoolId", "is not a school of the district"));
            }
            if (dto.value() == null) {
                problems.add(new Problem(i, "value", "is required"));
            } else {
                int index = i;
                ValueRule.value(kpi.unit(), dto.value())
                        .ifPresent(refused -> problems.add(new Problem(index, "value", english(refused))));
            }
            if (dto.n() != null) {
                int index = i;
                ValueRule.n(dto.n()).ifPresent(refused -> problems.add(new Problem(index, "n", english(refused))));
            } else {
                int index = i;
                ValueRule.n(kpi, dto.schoolId(), group, null)
                        .ifPresent(refused -> problems.add(new Problem(index, "n", english(refused))));
            }
            if (problems.size() == before && !rules.mayRecord(kpi, dto.schoolId())) {
                problems.add(new Problem(i, "schoolId", "your role does not allow recording values here"));
            }
            if (problems.size() == before) {
                int index = i;
                rules.lock(kpi, year, period, lockReason)
                        .ifPresent(refused -> problems.add(new Problem(
                                index,
                                refused.code().startsWith("lock.reasonNeeded") ? "lockReason" : "period",
                                english(refused))));
            }
            if (problems.size() == before) {
                Integer n = dto.n() == null ? null : dto.n().intValueExact();
                measurements.add(new Measurement(id, year, period, dto.schoolId(), group, dto.value(), n));
                seenVersions.add(dto.version());
            }
        }
        if (!problems.isEmpty()) {
            // an RFC 9457 problem like every other API error, with every refused entry listed
            ProblemDetail refused = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "Nothing was recorded: every problem is listed.");
            refused.setProperty("recorded", 0);
            refused.setProperty("problems", problems);
            return ResponseEntity.unprocessableContent().body(refused);
        }
        if (replace) {
            recording.record(user, measurements, lockReason);
        } else {
            List<RecordedValue> unseen =
                    recording.recordUnlessReplacingUnseen(user, measurements, seenVersions, lockReason);
            if (!unseen.isEmpty()) {
                ProblemDetail conflict = ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT,
                        "Nothing was recorded: values are recorded already for these entries. Send each one's version"
                                + " to replace it, or replace=true to replace every one.");
                conflict.setTitle("Edit conflict");
                conflict.setProperty("recorded", 0);
                conflict.setProperty("conflicts", inTheWay(measurements, unseen));
                return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict);
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("recorded", measurements.size()));
    }

    private static List<InTheWay> inTheWay(List<Measurement> sent, List<RecordedValue> unseen) {
        Map<List<Object>, Integer> indexes = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            indexes.putIfAbsent(cell(sent.get(i)), i);
        }
        List<InTheWay> result = new ArrayList<>();
        for (RecordedValue recorded : unseen) {
            Measurement m = recorded.measurement();
            result.add(new InTheWay(
                    indexes.get(cell(m)),
                    SchoolYear.of(m.schoolYear()).toString(),
                    m.period(),
                    m.schoolId(),
                    m.groupCode(),
                    m.value(),
                    m.n(),
                    recorded.version(),
                    recorded.recordedBy(),
                    recorded.recordedAt()));
        }
        return result;
    }

    /** What a value of this KPI is unique by (a district value's school is null). */
    private static List<Object> cell(Measurement m) {
        return Arrays.asList(m.schoolYear(), m.period(), m.schoolId(), m.groupCode());
    }

    /** The API speaks English, like its other problems. */
    private String english(ValueRule.Refusal refused) {
        return messages.getMessage(refused.code(), refused.args().toArray(), Locale.ENGLISH);
    }

    private static KpiDto dto(KpiOverview o, String language) {
        Kpi k = o.kpi();
        Map<String, BigDecimal> targets = new java.util.LinkedHashMap<>();
        k.targets().forEach((year, value) -> targets.put(SchoolYear.of(year).toString(), value));
        return new KpiDto(
                k.id(),
                k.outcomeId(),
                k.name(),
                k.nameTranslation(),
                language,
                k.schoolLevels().stream().map(Enum::name).sorted().toList(),
                k.version(),
                k.unit().name(),
                k.direction().name(),
                k.baselineValue(),
                SchoolYear.of(k.baselineYear()).toString(),
                targets,
                k.frequency().name(),
                k.dataSource(),
                k.byStudentGroup(),
                k.aboutStudents(),
                k.published(),
                o.status().name(),
                o.latest(),
                o.latestYear() == null ? null : SchoolYear.of(o.latestYear()).toString());
    }
}
