package org.lodestar.execution.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.checkin.CheckIn;
import org.lodestar.execution.checkin.CheckInRefused;
import org.lodestar.execution.checkin.CheckIns;
import org.lodestar.execution.checkin.EvidenceFile;
import org.lodestar.execution.checkin.ItemKind;
import org.lodestar.execution.checkin.ItemRef;
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

/**
 * Check-ins for scripts and the tools a district already uses, with the rules of the check-in form: anyone of the
 * district reads them; the item's owner and its plan's editors post; a check-in dated in a locked quarter only by an
 * admin with {@code lockReason}. Evidence files are named in what is read but posted on the page only. Refused posts
 * list every problem (422) and save nothing; another district's item or check-in is not found (404).
 */
@RestController
@Tag(name = "Check-ins", description = "Status and narrative updates on actions, projects and KPIs")
class CheckInsApiController {

    /** At most this many check-ins a call returns. */
    static final int MAX_LIMIT = 500;

    private final CheckIns checkIns;
    private final MessageSource messages;
    private final Clock clock;

    CheckInsApiController(CheckIns checkIns, MessageSource messages, Clock clock) {
        this.checkIns = checkIns;
        this.messages = messages;
        this.clock = clock;
    }

    /** A check-in as the API shows it; {@code itemKind} is ACTION, PROJECT or KPI. */
    record CheckInDto(
            UUID id,
            String itemKind,
            UUID itemId,
            String status,
            String whatHappened,
            String whatWeLearned,
            String whatChanges,
            UUID authorId,
            Instant createdAt,
            List<FileDto> files) {

        static CheckInDto of(CheckIn c) {
            return new CheckInDto(
                    c.id(),
                    c.item().kind().name(),
                    c.item().id(),
                    c.status().name(),
                    c.whatHappened(),
                    c.whatWeLearned(),
                    c.whatChanges(),
                    c.authorId(),
                    c.createdAt(),
                    c.files().stream().map(FileDto::of).toList());
        }
    }

    /** An evidence file's name, type and size; its bytes are downloaded from the page. */
    record FileDto(UUID id, String name, String contentType, int sizeBytes) {

        static FileDto of(EvidenceFile file) {
            return new FileDto(file.id(), file.name(), file.contentType(), file.size());
        }
    }

    /** A check-in to post. */
    record NewCheckIn(
            String itemKind,
            UUID itemId,
            String status,
            String whatHappened,
            String whatWeLearned,
            String whatChanges,
            String lockReason) {}

    @GetMapping("/api/v1/check-ins")
    @Operation(
            summary = "Check-ins, newest first, filtered",
            description = "itemKind (ACTION, PROJECT or KPI) with itemId: one item's; owner: a person's id or me, the"
                    + " check-ins on the items that person owns in the plans under way; since: year-month-day or an"
                    + " instant (2026-10-01T00:00:00Z), included; limit: 1 to 500 (100).")
    ResponseEntity<?> list(
            @RequestParam(required = false) String itemKind,
            @RequestParam(required = false) UUID itemId,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") int limit,
            @AuthenticationPrincipal SignedInUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        ItemRef item = null;
        if (itemKind != null || itemId != null) {
            ItemKind kind = kind(itemKind, problems);
            if (itemId == null) {
                problems.add(new FieldProblem("itemId", "is required with itemKind"));
            } else if (kind != null) {
                item = new ItemRef(kind, itemId);
            }
        }
        UUID ownerId = null;
        if (owner != null && !owner.isBlank()) {
            if ("me".equals(owner)) {
                ownerId = user.userId();
            } else {
                try {
                    ownerId = UUID.fromString(owner);
                } catch (IllegalArgumentException notAnId) {
                    problems.add(new FieldProblem("owner", "must be a person's id or me"));
                }
            }
        }
        Instant from = null;
        if (since != null && !since.isBlank()) {
            from = instant(since.strip());
            if (from == null) {
                problems.add(
                        new FieldProblem("since", "must be a date (2026-10-01) or an instant (2026-10-01T00:00:00Z)"));
            }
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be 1 to " + MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            return problems(problems, "Some parameters were refused.");
        }
        return ResponseEntity.ok(checkIns.find(user, item, ownerId, from, limit).stream()
                .map(CheckInDto::of)
                .toList());
    }

    @GetMapping("/api/v1/check-ins/{id}")
    @Operation(summary = "One check-in with its evidence files' names")
    CheckInDto one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return CheckInDto.of(checkIns.one(user, id));
    }

    @PostMapping("/api/v1/check-ins")
    @Operation(
            summary = "Post a check-in on an action, project or KPI",
            description = "For the item's owner and its plan's editors (403 otherwise). status: NOT_STARTED, ON_TRACK,"
                    + " AT_RISK, OFF_TRACK, DONE or BLOCKED; whatHappened required; each text at most 4,000"
                    + " characters; lockReason: an admin's reason for a check-in in a locked quarter. 201 with the"
                    + " check-in; 422 with every problem, nothing saved. Evidence files are posted on the page.")
    ResponseEntity<?> post(@RequestBody(required = false) NewCheckIn body, @AuthenticationPrincipal SignedInUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null) {
            return problems(List.of(new FieldProblem("itemKind", "is required")), "Nothing was saved.");
        }
        ItemKind kind = kind(body.itemKind(), problems);
        if (body.itemId() == null) {
            problems.add(new FieldProblem("itemId", "is required"));
        }
        if (!problems.isEmpty()) {
            return problems(problems, "Nothing was saved.");
        }
        ItemRef ref = new ItemRef(kind, body.itemId());
        checkIns.checkable(user, ref);
        UUID id;
        try {
            id = checkIns.post(
                    user,
                    ref,
                    body.status(),
                    body.whatHappened(),
                    body.whatWeLearned(),
                    body.whatChanges(),
                    List.of(),
                    body.lockReason());
        } catch (CheckInRefused refused) {
            for (CheckInRefused.Problem problem : refused.problems()) {
                problems.add(new FieldProblem(
                        problem.field(),
                        messages.getMessage(problem.key(), problem.args().toArray(), Locale.ENGLISH)));
            }
            return problems(problems, "Nothing was saved.");
        }
        return ResponseEntity.created(URI.create("/api/v1/check-ins/" + id)).body(one(id, user));
    }

    private static ItemKind kind(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("itemKind", "is required: ACTION, PROJECT or KPI"));
            return null;
        }
        try {
            return ItemKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem("itemKind", "must be ACTION, PROJECT or KPI"));
            return null;
        }
    }

    /** A date (its start in the district's time zone, that of the server) or an instant; null when it is neither. */
    private Instant instant(String text) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                if (day.getYear() < 1990 || day.getYear() > 2100) {
                    return null;
                }
                return day.atStartOfDay(clock.getZone()).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException notOne) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> problems(List<FieldProblem> problems, String detail) {
        return FieldProblem.refused(HttpStatus.UNPROCESSABLE_CONTENT, detail, problems);
    }
}
