package org.lodestar.enrollment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.lodestar.enrollment.domain.EnrollmentImports;
import org.lodestar.enrollment.projection.Backtest;
import org.lodestar.enrollment.projection.EnrollmentHistory;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.shared.ForbiddenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Enrollment history to read and write, the forecast with its bands, and the backtest behind them. */
@RestController
@Tag(name = "Enrollment", description = "Counts by school, year and grade; forecasts; backtested accuracy")
class EnrollmentApiController {

    private final EnrollmentForecasts forecasting;
    private final EnrollmentImports imports;
    private final DirectoryApi directory;

    EnrollmentApiController(EnrollmentForecasts forecasting, EnrollmentImports imports, DirectoryApi directory) {
        this.forecasting = forecasting;
        this.imports = imports;
        this.directory = directory;
    }

    /** A count: the school's id, the fall year (2024 = 2024-25), the grade (PK, K, 1-12) and the number of students. */
    /**
     * A count of one school, fall year and grade. Writing: {@code replaces} is the count read before (from GET
     * .../history) that this one replaces; a count that replaces another without naming it is refused, so a count
     * recorded meanwhile is never overwritten unseen.
     */
    record CountDto(UUID schoolId, Integer year, String grade, Integer count, Integer replaces) {}

    /** A count a write would have replaced without naming it. */
    record InTheWay(int index, UUID schoolId, int year, String grade, Integer countNow) {}

    record ForecastDto(
            UUID schoolId,
            int year,
            String grade,
            double forecast,
            double lower80,
            double upper80,
            double lower95,
            double upper95,
            String bandSource) {}

    record SchoolTotalDto(
            UUID schoolId,
            int year,
            double forecast,
            double lower80,
            double upper80,
            double lower95,
            double upper95,
            String bandSource) {}

    record TotalDto(
            int year,
            double forecast,
            double lower80,
            double upper80,
            double lower95,
            double upper95,
            String bandSource) {}

    /** Bands at each level come from that level's own backtest errors, or the prior ({@code bandSource}). */
    record ForecastResponse(
            List<ForecastDto> schools,
            List<SchoolTotalDto> schoolTotals,
            List<TotalDto> district,
            List<String> warnings) {}

    record BacktestResponse(List<Backtest.Row> lodestar, List<Backtest.Row> baseline) {}

    record Problem(int index, String message) {}

    @GetMapping("/api/v1/enrollment/history")
    @Operation(summary = "Every count of the caller's district")
    List<CountDto> history(@AuthenticationPrincipal SignedInUser user) {
        List<CountDto> counts = new ArrayList<>();
        forecasting.forecasts(user.districtId()).ifPresent(f -> {
            EnrollmentHistory history = f.history();
            for (String school : history.schools()) {
                history.of(school)
                        .forEach((year, grades) -> grades.forEach((grade, n) ->
                                counts.add(new CountDto(UUID.fromString(school), year, grade.label(), n, null))));
            }
        });
        return counts;
    }

    @PostMapping("/api/v1/enrollment/history")
    @Operation(
            summary = "Record counts: all or none",
            description = "A count replaces a different one of the same school, year and grade only when the entry"
                    + " names the count it replaces (replaces) or the call says replace=true; otherwise nothing is"
                    + " recorded and 409 lists the counts in the way.")
    ResponseEntity<?> record(
            @RequestBody List<CountDto> body,
            @RequestParam(defaultValue = "false") boolean replace,
            @AuthenticationPrincipal SignedInUser user) {
        ForbiddenException.unless(user.canPlanForDistrict());
        List<Problem> problems = new ArrayList<>();
        List<EnrollmentImports.Correction> counts = new ArrayList<>();
        // looked up once for the whole call, however many counts it sends
        Set<UUID> schools = directory.schoolsById(user.districtId()).keySet();
        for (int i = 0; i < body.size(); i++) {
            CountDto dto = body.get(i);
            if (dto == null) {
                problems.add(new Problem(i, "a count is required"));
                continue;
            }
            int before = problems.size();
            if (dto.schoolId() == null || !schools.contains(dto.schoolId())) {
                problems.add(new Problem(i, "schoolId is not a school of the district"));
            }
            if (dto.year() == null || dto.year() < 1900 || dto.year() > 2200) {
                problems.add(new Problem(i, "year must be a fall year such as 2024"));
            }
            Grade grade = null;
            try {
                grade = Grade.parse(dto.grade());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(i, "grade must be PK, K or 1-12"));
            }
            if (dto.count() == null || dto.count() < 0) {
                problems.add(new Problem(i, "count must be 0 or more"));
            }
            if (problems.size() == before) {
                counts.add(new EnrollmentImports.Correction(
                        dto.schoolId(), dto.year(), grade, dto.replaces(), dto.count()));
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
            imports.record(
                    user,
                    counts.stream()
                            .map(c -> new EnrollmentImports.Count(c.schoolId(), c.year(), c.grade(), c.students()))
                            .toList());
        } else {
            List<EnrollmentImports.Overtaken> overtaken = imports.correct(user, counts);
            if (!overtaken.isEmpty()) {
                // each overtaken count is one of those sent: found by identity, not searched for
                Map<EnrollmentImports.Correction, Integer> indexes = new IdentityHashMap<>();
                for (int i = 0; i < counts.size(); i++) {
                    indexes.put(counts.get(i), i);
                }
                ProblemDetail conflict = ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT,
                        "Nothing was recorded: these counts would replace others. Send the count each one replaces"
                                + " (replaces), or replace=true to replace them all.");
                conflict.setTitle("Edit conflict");
                conflict.setProperty("recorded", 0);
                conflict.setProperty(
                        "conflicts",
                        overtaken.stream()
                                .map(o -> new InTheWay(
                                        indexes.get(o.correction()),
                                        o.correction().schoolId(),
                                        o.correction().year(),
                                        o.correction().grade().label(),
                                        o.savedNow()))
                                .toList());
                return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict);
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("recorded", counts.size()));
    }

    @GetMapping("/api/v1/enrollment/forecast")
    @Operation(summary = "The forecast by school, year and grade with 80% and 95% bands, and district totals")
    ForecastResponse forecast(@AuthenticationPrincipal SignedInUser user) {
        return forecasting
                .forecasts(user.districtId())
                .map(f -> new ForecastResponse(
                        f.forecast().cells().stream()
                                .map(c -> new ForecastDto(
                                        UUID.fromString(c.school()),
                                        c.year(),
                                        c.grade().label(),
                                        round(c.forecast()),
                                        round(c.lower80()),
                                        round(c.upper80()),
                                        round(c.lower95()),
                                        round(c.upper95()),
                                        c.bandSource().label()))
                                .toList(),
                        f.forecast().schoolTotals().stream()
                                .map(t -> new SchoolTotalDto(
                                        UUID.fromString(t.school()),
                                        t.year(),
                                        round(t.forecast()),
                                        round(t.lower80()),
                                        round(t.upper80()),
                                        round(t.lower95()),
                                        round(t.upper95()),
                                        t.bandSource().label()))
                                .toList(),
                        f.forecast().districtTotals().stream()
                                .map(t -> new TotalDto(
                                        t.year(),
                                        round(t.forecast()),
                                        round(t.lower80()),
                                        round(t.upper80()),
                                        round(t.lower95()),
                                        round(t.upper95()),
                                        t.bandSource().label()))
                                .toList(),
                        f.forecast().warnings().stream().map(Object::toString).toList()))
                .orElse(new ForecastResponse(List.of(), List.of(), List.of(), List.of()));
    }

    @GetMapping("/api/v1/enrollment/backtest")
    @Operation(summary = "Accuracy of Lodestar's method and of the plain baseline on the district's own history")
    BacktestResponse backtest(@AuthenticationPrincipal SignedInUser user) {
        return forecasting
                .forecasts(user.districtId())
                .map(f -> new BacktestResponse(
                        f.forecast().backtest().rows(), f.baseline().rows()))
                .orElse(new BacktestResponse(List.of(), List.of()));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
