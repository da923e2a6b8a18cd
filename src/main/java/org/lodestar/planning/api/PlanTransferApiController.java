package org.lodestar.planning.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.domain.PlanTransfer;
import org.lodestar.planning.domain.PlanTransfer.Format;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Plan import and export for scripts and other systems: the same files as the pages (CSV, XLSX or JSON), the same
 * rules (a new plan, all rows or none, every problem with its line and column), the caller's API token.
 */
@RestController
@Tag(name = "Plans")
class PlanTransferApiController {

    private final PlanTransfer transfer;
    private final MessageSource messages;

    PlanTransferApiController(PlanTransfer transfer, MessageSource messages) {
        this.transfer = transfer;
        this.messages = messages;
    }

    /** A problem of a refused import: its line (0: the file as a whole), column or form field, and why. */
    record ProblemDto(int line, String column, String message) {}

    @PostMapping(value = "/api/v1/plans/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a plan from a CSV, XLSX or JSON file, as a new plan",
            description = "Multipart: `file` (.csv, .xlsx or .json; one row per item with the columns code, parent,"
                    + " tier, title, title_translation, owner, description, start, end, resources, needs,"
                    + " evidence_tier, evidence_basis, implementation_evidence, impact_evidence, student_groups, costs,"
                    + " tags) and, for CSV and XLSX, `kind` (STRATEGIC or IMPROVEMENT), `firstYear` (2025-26),"
                    + " `lastYear` (a strategic plan's last year), `title`, `school` (a school's id; none: the"
                    + " district's plan) and `strategicPlan` (the strategic plan an improvement plan carries out;"
                    + " none: the district's). A JSON file brings its own. 201 with the new plan's id and number of"
                    + " items; 422 with every problem (line, column, message in the caller's language), nothing"
                    + " imported; 403 for a role that may not write that plan (checked before the file is read).")
    ResponseEntity<?> importFile(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) UUID school,
            @RequestParam(required = false) String firstYear,
            @RequestParam(required = false) String lastYear,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) UUID strategicPlan,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale)
            throws IOException {
        PlanTransfer.Target target =
                new PlanTransfer.Target(kind(kind), school, year(firstYear), year(lastYear), title, strategicPlan);
        boolean none = file == null || file.isEmpty();
        return answer(
                transfer.importFile(user, target, none ? null : file.getOriginalFilename(), none ? null : file),
                locale);
    }

    @PostMapping(value = "/api/v1/plans/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a whole plan from the JSON an export gave, as a new plan",
            description = "The body is the JSON of `GET /api/v1/plans/{id}/export?format=json` (from this Lodestar or"
                    + " another). An improvement plan carries out the strategic plan the file names, by id or title,"
                    + " else `strategicPlan`, else the district's. 201, 403 or 422 as for a file.")
    ResponseEntity<?> importJson(
            @RequestBody byte[] body,
            @Parameter(description = "the strategic plan an improvement plan carries out when the file's is not here")
                    @RequestParam(required = false)
                    UUID strategicPlan,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale)
            throws IOException {
        PlanTransfer.Target target = new PlanTransfer.Target(null, null, null, null, null, strategicPlan);
        return answer(
                transfer.importFile(user, target, "request-body.json", () -> new ByteArrayInputStream(body)), locale);
    }

    @GetMapping("/api/v1/plans/{id}/export")
    @Operation(
            summary = "A plan as a file: json (the whole plan, to import elsewhere), csv or xlsx (one row per item)",
            description = "Items carry their codes (generated where none was imported: G1, G1.O1, G1.A1), owners by"
                    + " e-mail, what each action says, its costs (FUND:PURPOSE:AMOUNT) and its required-plan tags"
                    + " (framework:component).")
    ResponseEntity<byte[]> export(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "json") String format,
            @AuthenticationPrincipal SignedInUser user) {
        Format chosen = Format.named(format).orElseThrow(() -> new NotFoundException("format"));
        return transfer.export(user, id, chosen).response();
    }

    private ResponseEntity<?> answer(PlanTransfer.Result result, Locale locale) {
        if (result.applied()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header(HttpHeaders.LOCATION, "/api/v1/plans/" + result.planId())
                    .body(Map.of("planId", result.planId(), "items", result.items()));
        }
        List<ProblemDto> problems = new java.util.ArrayList<>();
        result.fieldProblems()
                .forEach(p -> problems.add(new ProblemDto(
                        0, p.field(), messages.getMessage(p.code(), p.args().toArray(), p.code(), locale))));
        result.problems()
                .forEach(p -> problems.add(new ProblemDto(
                        p.line(),
                        PlanTransfer.Result.column(p),
                        messages.getMessage(p.code(), p.args().toArray(), p.code(), locale))));
        ProblemDetail refused = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, "Nothing was imported: every problem is listed.");
        refused.setProperty("problems", problems);
        refused.setProperty("moreProblems", result.moreProblems());
        return ResponseEntity.unprocessableContent().body(refused);
    }

    private static PlanKind kind(String text) {
        try {
            return text == null ? null : PlanKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Integer year(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : SchoolYear.parse(text).startYear();
        } catch (IllegalArgumentException notAYear) {
            return 0;
        }
    }
}
