package org.lodestar.planning.domain;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.Person;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.directory.TierNames;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.ComplianceTag;
import org.lodestar.planning.FrameworkEntry;
import org.lodestar.planning.ImprovementLink;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.compliance.EvidenceTier;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FundingSource;
import org.lodestar.planning.compliance.Purpose;
import org.lodestar.planning.domain.PlanFile.Row;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.AuditableChanges;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.lodestar.shared.tabular.ImportProblem;
import org.lodestar.shared.tabular.ImportProblems;
import org.lodestar.shared.tabular.ImportRefused;
import org.lodestar.shared.tabular.TabularFile;
import org.lodestar.shared.tabular.TabularLimits;
import org.lodestar.shared.tabular.TabularRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan import and export (issue 9): a plan as a CSV file or XLSX sheet of one row per item (goals, outcomes, actions;
 * each item's parent named by its code) or as a whole JSON document, read into a NEW plan (never into an existing one,
 * so nothing saved is lost), all rows or none, every bad row reported with its line and column; and any plan written
 * back out in the same three formats, with its codes, so that what was imported comes back the same.
 */
@Service
@Transactional
public class PlanTransfer {

    /** At most this many items a plan file: a real plan has tens to a few hundred. */
    public static final int MAX_ITEMS = 10_000;

    /** The kernel's limits, with rows bounded by {@link #MAX_ITEMS} (and the header). */
    public static final TabularLimits LIMITS = new TabularLimits(
            TabularLimits.DEFAULT.maxBytes(),
            TabularLimits.DEFAULT.maxInflatedBytes(),
            TabularLimits.DEFAULT.maxRatio(),
            MAX_ITEMS + 1,
            TabularLimits.DEFAULT.maxColumns(),
            TabularLimits.DEFAULT.maxCellLength());

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 4_000;
    private static final int MAX_PLAN_TITLE = 200;
    /** The kind of item of an exported row, kept beside its columns for the JSON writer. */
    private static final String KIND = "_kind";

    /** The item's id and its goal's, beside its columns for a plan's versions, which follow items by id. */
    static final String ID = "_id";

    static final String PARENT_ID = "_parent";

    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}");
    private static final List<String> TEXT_FIELDS = List.of(
            "description", "resources", "needs", "evidence_basis", "implementation_evidence", "impact_evidence");
    /** The columns only an action has: from description to costs. */
    private static final List<String> ACTION_FIELDS =
            PlanFile.COLUMNS.subList(PlanFile.COLUMNS.indexOf("description"), PlanFile.COLUMNS.indexOf("tags"));

    /** The formats a plan is read from and written to. */
    public enum Format {
        CSV("text/csv;charset=UTF-8"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        JSON("application/json");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format a name asks for ("csv", "XLSX"), if any. */
        public static Optional<Format> named(String name) {
            for (Format format : values()) {
                if (format.extension().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }

        /** The format of an uploaded file by its name (a .txt file is read as CSV), if any. */
        public static Optional<Format> ofFilename(String filename) {
            String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
            return name.endsWith(".txt") ? Optional.of(CSV) : named(name.substring(name.lastIndexOf('.') + 1));
        }
    }

    /**
     * What the import form chose for a CSV or XLSX file (a JSON file brings its own).
     *
     * @param schoolId the school the plan is for; null: the district's
     * @param lastYear a strategic plan's last school year (an improvement plan has one year); null: its first
     * @param strategicPlanId the strategic plan an improvement plan carries out; null: the district's
     */
    public record Target(
            PlanKind kind, UUID schoolId, Integer firstYear, Integer lastYear, String title, UUID strategicPlanId) {}

    /** A choice of the form that cannot be taken, by its field's name, with a message key and its arguments. */
    public record FieldProblem(String field, String code, List<Object> args) {
        static FieldProblem of(String field, String code, Object... args) {
            return new FieldProblem(field, code, List.of(args));
        }
    }

    /**
     * What an import did: the plan it made and its number of items; or the form's choices it could not take, or the
     * first problems of the file (each row problem's first argument is its column) and how many more.
     */
    public record Result(
            UUID planId, int items, List<FieldProblem> fieldProblems, List<ImportProblem> problems, int moreProblems) {

        public boolean applied() {
            return planId != null;
        }

        /** The column a problem is about ("" for the file as a whole). */
        public static String column(ImportProblem problem) {
            return problem.code().startsWith("planio.row.")
                    ? String.valueOf(problem.args().get(0))
                    : "";
        }

        static Result refused(ImportProblems problems) {
            return new Result(null, 0, List.of(), problems.shown(), problems.more());
        }

        static Result refused(ImportProblem problem) {
            return refused(ImportProblems.of(problem));
        }
    }

    /** A file to download. */
    public record Download(byte[] bytes, String filename, String contentType) {

        /** The response that hands it out as an attachment under its name. */
        public org.springframework.http.ResponseEntity<byte[]> response() {
            return org.springframework.http.ResponseEntity.ok()
                    .header(org.springframework.http.HttpHeaders.CONTENT_TYPE, contentType)
                    .header(
                            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.attachment()
                                    .filename(filename, java.nio.charset.StandardCharsets.UTF_8)
                                    .build()
                                    .toString())
                    .body(bytes);
        }
    }

    private final PlanTransferStore store;
    private final PlanStore plans;
    private final PlanEditing planEditing;
    private final ImprovementStore improvement;
    private final ImprovementPlans improvementPlans;
    private final ComplianceTagStore tags;
    private final ComplianceFrameworks frameworks;
    private final DirectoryApi directory;
    private final FundingSources fundingSources;
    private final ApplicationEventPublisher events;

    PlanTransfer(
            PlanTransferStore store,
            PlanStore plans,
            PlanEditing planEditing,
            ImprovementStore improvement,
            ImprovementPlans improvementPlans,
            ComplianceTagStore tags,
            ComplianceFrameworks frameworks,
            DirectoryApi directory,
            FundingSources fundingSources,
            ApplicationEventPublisher events) {
        this.fundingSources = fundingSources;
        this.store = store;
        this.plans = plans;
        this.planEditing = planEditing;
        this.improvement = improvement;
        this.improvementPlans = improvementPlans;
        this.tags = tags;
        this.frameworks = frameworks;
        this.directory = directory;
        this.events = events;
    }

    /** The columns of a CSV or XLSX plan, in order. */
    public static List<String> columns() {
        return PlanFile.COLUMNS;
    }

    /** Whether the person may import a plan at all: planners and admins, and school leaders for their school. */
    public static boolean mayImport(SignedInUser user) {
        return user.canPlanForDistrict() || !user.ledSchools().isEmpty();
    }

    private static boolean mayWrite(SignedInUser user, UUID schoolId) {
        return schoolId == null ? user.canPlanForDistrict() : user.canLeadSchool(schoolId);
    }

    /**
     * Reads a plan file into a new plan, whole or not at all. The role is checked before the upload is read: for a CSV
     * or XLSX file, on the plan the form chose (planners and admins for a district plan, the school's leaders for a
     * school's); for JSON, which names its school, whether the person may import any plan, and once its plan is read,
     * on it.
     */
    public Result importFile(SignedInUser user, Target target, String filename, InputStreamSource content)
            throws IOException {
        Optional<Format> format = Format.ofFilename(filename);
        boolean json = format.orElse(null) == Format.JSON;
        ForbiddenException.unless(json || format.isEmpty() ? mayImport(user) : mayWrite(user, target.schoolId()));
        if (content == null || filename == null || filename.isBlank()) {
            return Result.refused(ImportProblem.of(0, "planio.file.none"));
        }
        if (format.isEmpty()) {
            return Result.refused(ImportProblem.of(0, "planio.file.type"));
        }
        if (json) {
            return importJson(user, target.strategicPlanId(), content);
        }
        Checked checked = check(user, target);
        if (!checked.problems().isEmpty()) {
            return new Result(null, 0, checked.problems(), List.of(), 0);
        }
        List<Row> rows = new ArrayList<>();
        try (InputStream in = content.getInputStream();
                TabularFile file = TabularFile.open(filename, in, LIMITS)) {
            List<String> missing = file.missing(PlanFile.REQUIRED);
            if (!missing.isEmpty()) {
                return Result.refused(ImportProblem.of(1, "import.error.columns", String.join(", ", missing)));
            }
            List<String> unknown = file.header().stream()
                    .filter(column -> !column.isEmpty() && !PlanFile.COLUMNS.contains(column))
                    .toList();
            if (!unknown.isEmpty()) {
                return Result.refused(ImportProblem.of(1, "planio.file.unknownColumns", String.join(", ", unknown)));
            }
            for (TabularRow row = file.next(); row != null; row = file.next()) {
                Map<String, String> cells = new HashMap<>();
                for (String column : PlanFile.COLUMNS) {
                    cells.put(column, row.get(column));
                }
                rows.add(new Row(row.line(), cells));
            }
        } catch (ImportRefused refused) {
            return Result.refused(refused.problem());
        }
        return apply(user, checked.plan(), rows);
    }

    private Result importJson(SignedInUser user, UUID formStrategicPlan, InputStreamSource content) throws IOException {
        byte[] bytes;
        try (InputStream in = content.getInputStream()) {
            bytes = in.readNBytes((int) LIMITS.maxBytes() + 1);
        }
        if (bytes.length > LIMITS.maxBytes()) {
            return Result.refused(ImportProblem.of(0, "tabular.bytes", (int) (LIMITS.maxBytes() / (1024 * 1024))));
        }
        PlanFile.JsonRead read;
        try {
            read = PlanFile.readJson(bytes);
        } catch (PlanFile.Unreadable unreadable) {
            return Result.refused(unreadable.problem());
        }
        if (read.rows().size() > MAX_ITEMS) {
            return Result.refused(ImportProblem.of(0, "planio.file.tooMany", MAX_ITEMS));
        }
        District district = directory.district(user.districtId());
        boolean swap = read.plan().language() != null && !read.plan().language().equals(district.defaultLanguage());
        PlanFile.PlanFields fields = read.plan().plan();
        ImportProblems problems = new ImportProblems();
        PlanKind kind = null;
        try {
            kind = fields.kind() == null ? null : PlanKind.valueOf(fields.kind().strip());
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        Integer first = year(fields.firstYear());
        Integer last = year(fields.lastYear());
        UUID schoolId = null;
        if (fields.school() != null && !fields.school().isBlank()) {
            Optional<School> school = directory.schools(user.districtId()).stream()
                    .filter(s -> s.name().equalsIgnoreCase(fields.school().strip()))
                    .findFirst();
            if (school.isEmpty()) {
                problems.add(1, "planio.plan.school", fields.school());
            } else {
                schoolId = school.get().id();
            }
        }
        ForbiddenException.unless(mayWrite(user, schoolId));
        UUID strategic = null;
        if (kind == PlanKind.IMPROVEMENT) {
            strategic = strategicNamed(user, fields.strategicPlan()).orElse(formStrategicPlan);
        }
        Checked checked = check(
                user,
                new Target(
                        kind,
                        schoolId,
                        first,
                        last,
                        swapped(swap, fields.title(), fields.titleTranslation()),
                        strategic));
        checked.problems().forEach(p -> problems.add(1, p.code(), p.args().toArray()));
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        PlanSummary plan = new PlanSummary(
                checked.plan().plan().id(),
                schoolId,
                kind,
                checked.plan().plan().title(),
                first,
                checked.plan().plan().lastYear(),
                swapped(swap, fields.vision(), fields.visionTranslation()),
                swapped(swap, fields.mission(), fields.missionTranslation()),
                swapped(swap, fields.coreValues(), fields.coreValuesTranslation()),
                new PlanTranslation(
                        swapped(swap, fields.titleTranslation(), fields.title()),
                        swapped(swap, fields.visionTranslation(), fields.vision()),
                        swapped(swap, fields.missionTranslation(), fields.mission()),
                        swapped(swap, fields.coreValuesTranslation(), fields.coreValues())),
                PlanStatus.DRAFT,
                0);
        List<Row> rows = read.rows();
        if (swap) {
            rows = rows.stream()
                    .map(row -> {
                        Map<String, String> cells = new HashMap<>(row.cells());
                        if (!row.get("title_translation").isEmpty()) {
                            cells.put("title", row.get("title_translation"));
                            cells.put("title_translation", row.get("title"));
                        }
                        return new Row(row.line(), cells);
                    })
                    .toList();
        }
        return apply(user, new NewPlan(plan, checked.plan().strategicPlanId()), rows);
    }

    /** The first text in the district's language: the text as written, or its translation when the file swaps them. */
    private static String swapped(boolean swap, String text, String translation) {
        if (swap && translation != null && !translation.isBlank()) {
            return translation;
        }
        return text;
    }

    private static Integer year(String text) {
        try {
            return text == null ? null : SchoolYear.parse(text).startYear();
        } catch (IllegalArgumentException notAYear) {
            return null;
        }
    }

    /** The strategic plan a JSON file names: by id, else by title, among this district's. */
    private Optional<UUID> strategicNamed(SignedInUser user, PlanFile.StrategicRef ref) {
        if (ref == null) {
            return Optional.empty();
        }
        List<PlanSummary> strategic = plans.plans(user.districtId()).stream()
                .filter(plan -> plan.kind() == PlanKind.STRATEGIC)
                .toList();
        return strategic.stream()
                .filter(plan -> plan.id().equals(ref.id()))
                .findFirst()
                .or(() -> strategic.stream()
                        .filter(plan -> ref.title() != null
                                && plan.title().equalsIgnoreCase(ref.title().strip()))
                        .findFirst())
                .map(PlanSummary::id);
    }

    /** A new plan to make and, for an improvement plan, the strategic plan it carries out. */
    private record NewPlan(PlanSummary plan, UUID strategicPlanId) {}

    private record Checked(NewPlan plan, List<FieldProblem> problems) {}

    /** Checks the form's choices; the plan they make when there is no problem. */
    private Checked check(SignedInUser user, Target target) {
        List<FieldProblem> problems = new ArrayList<>();
        if (target.kind() == null) {
            problems.add(FieldProblem.of("kind", "planio.form.kind"));
        }
        if (target.title() == null || target.title().isBlank()) {
            problems.add(FieldProblem.of("title", "planio.form.title"));
        } else if (target.title().strip().length() > MAX_PLAN_TITLE) {
            problems.add(FieldProblem.of("title", "planio.form.titleLong", MAX_PLAN_TITLE));
        }
        Integer first = target.firstYear();
        if (first == null || first < 1990 || first > 2100) {
            problems.add(FieldProblem.of("firstYear", "planio.form.year"));
            first = null;
        }
        Integer last = target.kind() == PlanKind.IMPROVEMENT || target.lastYear() == null ? first : target.lastYear();
        if (first != null && (last < first || last > 2100)) {
            problems.add(FieldProblem.of("lastYear", "planning.plan.yearsOutOfOrder"));
        }
        if (target.schoolId() != null
                && directory.school(user.districtId(), target.schoolId()).isEmpty()) {
            problems.add(FieldProblem.of("school", "planning.plan.unknownSchool"));
        }
        UUID strategicId = null;
        if (target.kind() == PlanKind.IMPROVEMENT) {
            Optional<PlanSummary> strategic = target.strategicPlanId() == null
                    ? plans.plans(user.districtId()).stream()
                            .filter(plan -> plan.kind() == PlanKind.STRATEGIC && plan.districtPlan())
                            .min(java.util.Comparator.comparing(plan -> plan.status() != PlanStatus.ADOPTED))
                    : plans.plan(user.districtId(), target.strategicPlanId())
                            .filter(plan -> plan.kind() == PlanKind.STRATEGIC);
            if (strategic.isEmpty()) {
                problems.add(FieldProblem.of("strategicPlan", "planio.form.strategic"));
            } else {
                strategicId = strategic.get().id();
                if (first != null
                        && (first < strategic.get().firstYear()
                                || first > strategic.get().lastYear())) {
                    problems.add(FieldProblem.of(
                            "firstYear",
                            "improvement.yearOutsidePlan",
                            strategic.get().years()));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        PlanSummary plan = new PlanSummary(
                Ids.next(),
                target.schoolId(),
                target.kind(),
                target.title().strip(),
                first,
                last,
                null,
                null,
                null,
                PlanTranslation.NONE,
                PlanStatus.DRAFT,
                0);
        return new Checked(new NewPlan(plan, strategicId), List.of());
    }

    /** An item read and checked, to be written. */
    private record Draft(
            int line,
            String code,
            String parent,
            ComplianceTag.Kind kind,
            String title,
            String titleTranslation,
            UUID ownerId,
            ActionDetail detail,
            List<ActionCost> costs,
            List<ComplianceTag> tags) {}

    private Result apply(SignedInUser user, NewPlan plan, List<Row> rows) {
        if (rows.isEmpty()) {
            return Result.refused(ImportProblem.of(1, "import.error.noRows"));
        }
        Lookup lookup = new Lookup(user);
        List<ImportProblem> found = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        Map<String, Draft> byCode = new HashMap<>();
        for (Row row : rows) {
            List<ImportProblem> rowProblems = new ArrayList<>();
            Draft draft = read(row, lookup, rowProblems);
            if (draft.code() != null) {
                Draft earlier = byCode.putIfAbsent(draft.code().toLowerCase(Locale.ROOT), draft);
                if (earlier != null) {
                    rowProblems.add(problem(row.line(), "repeatedCode", "code", draft.code(), earlier.line()));
                }
            }
            found.addAll(rowProblems);
            drafts.add(draft);
        }
        for (Draft draft : drafts) {
            structure(draft, byCode).ifPresent(found::add);
        }
        if (!found.isEmpty()) {
            // by line, each line's problems in the order of its columns' checks
            ImportProblems problems = new ImportProblems();
            found.stream()
                    .sorted(java.util.Comparator.comparingInt(ImportProblem::line))
                    .forEach(problems::add);
            return Result.refused(problems);
        }
        write(user, plan, drafts, byCode);
        return new Result(plan.plan().id(), drafts.size(), List.of(), List.of(), 0);
    }

    private static ImportProblem problem(int line, String code, String column, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = column;
        System.arraycopy(args, 0, all, 1, args.length);
        return ImportProblem.of(line, "planio.row." + code, all);
    }

    /** Where a row sits in the plan: a goal has no parent, anything else hangs under a goal, and nothing in a loop. */
    private static Optional<ImportProblem> structure(Draft draft, Map<String, Draft> byCode) {
        if (draft.kind() == null) {
            return Optional.empty();
        }
        int line = draft.line();
        if (draft.parent() == null) {
            return draft.kind() == ComplianceTag.Kind.GOAL
                    ? Optional.empty()
                    : Optional.of(problem(line, "noParent", "parent"));
        }
        Draft parent = byCode.get(draft.parent().toLowerCase(Locale.ROOT));
        if (parent == null) {
            return Optional.of(problem(line, "parent", "parent", draft.parent()));
        }
        // following the parents from this row: back at this row is a loop
        List<String> chain = new ArrayList<>();
        Set<Draft> seen = new HashSet<>();
        for (Draft at = draft; at != null && seen.add(at); ) {
            chain.add(at.code() == null ? "?" : at.code());
            at = at.parent() == null ? null : byCode.get(at.parent().toLowerCase(Locale.ROOT));
            if (at == draft) {
                chain.add(draft.code());
                return Optional.of(problem(line, "cycle", "parent", String.join(" → ", chain)));
            }
        }
        if (draft.kind() == ComplianceTag.Kind.GOAL) {
            return Optional.of(problem(line, "goalParent", "parent"));
        }
        if (parent.kind() != null && parent.kind() != ComplianceTag.Kind.GOAL) {
            return Optional.of(problem(line, "parentNotGoal", "parent", draft.parent()));
        }
        return Optional.empty();
    }

    /** One row's cells read and checked on their own; every problem found is added. */
    private Draft read(Row row, Lookup lookup, List<ImportProblem> problems) {
        int line = row.line();
        String code = row.get("code").isEmpty() ? null : row.get("code");
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(problem(line, "code", "code", code));
            code = null;
        }
        String parent = row.get("parent").isEmpty() ? null : row.get("parent");
        ComplianceTag.Kind kind = lookup.tier(row.get("tier"));
        if (kind == null) {
            problems.add(problem(line, "tier", "tier", row.get("tier"), lookup.tierWords()));
        }
        String title = row.get("title");
        if (title.isEmpty()) {
            problems.add(problem(line, "title", "title"));
        }
        tooLong(row, "title", MAX_TITLE, problems);
        tooLong(row, "title_translation", MAX_TITLE, problems);
        UUID owner = null;
        if (!row.get("owner").isEmpty()) {
            owner = lookup.people.get(row.get("owner").toLowerCase(Locale.ROOT));
            if (owner == null) {
                problems.add(problem(line, "owner", "owner", row.get("owner")));
            }
        }
        TEXT_FIELDS.forEach(column -> tooLong(row, column, MAX_TEXT, problems));
        if (kind != null && kind != ComplianceTag.Kind.ACTION) {
            for (String column : ACTION_FIELDS) {
                if (!row.get(column).isEmpty()) {
                    problems.add(problem(line, "actionOnly", column, row.get("tier")));
                }
            }
        }
        LocalDate start = date(row, "start", problems);
        LocalDate end = date(row, "end", problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(problem(line, "endBeforeStart", "end", row.get("end"), row.get("start")));
        }
        EvidenceTier tier = null;
        if (!row.get("evidence_tier").isEmpty()) {
            tier = evidenceTier(row.get("evidence_tier"));
            if (tier == null) {
                problems.add(problem(line, "evidenceTier", "evidence_tier", row.get("evidence_tier")));
            }
        }
        List<String> groups = new ArrayList<>();
        for (String group : parts(row.get("student_groups"))) {
            String groupCode = group.toUpperCase(Locale.ROOT);
            if (!lookup.groups.contains(groupCode)) {
                problems.add(problem(line, "group", "student_groups", group));
            } else if (!groups.contains(groupCode)) {
                groups.add(groupCode);
            }
        }
        UUID id = Ids.next();
        List<ActionCost> costs = new ArrayList<>();
        for (String part : parts(row.get("costs"))) {
            cost(id, part, line, lookup.funds, problems).ifPresent(costs::add);
        }
        List<ComplianceTag> tagged = new ArrayList<>();
        for (String part : parts(row.get("tags"))) {
            String[] pieces = part.split(":", -1);
            Framework framework = pieces.length == 2 ? lookup.frameworks.get(pieces[0].strip()) : null;
            if (pieces.length != 2 || framework == null) {
                problems.add(problem(line, "framework", "tags", part));
            } else if (framework.component(pieces[1].strip()).isEmpty()) {
                problems.add(problem(line, "component", "tags", part, framework.code()));
            } else if (kind != null
                    && tagged.stream()
                            .noneMatch(t -> t.frameworkCode().equals(framework.code())
                                    && t.componentCode().equals(pieces[1].strip()))) {
                tagged.add(new ComplianceTag(id, kind, framework.code(), pieces[1].strip()));
            }
        }
        ActionDetail detail = new ActionDetail(
                id,
                blankToNull(row.get("description")),
                start,
                end,
                List.of(),
                blankToNull(row.get("resources")),
                blankToNull(row.get("needs")),
                tier,
                blankToNull(row.get("evidence_basis")),
                blankToNull(row.get("implementation_evidence")),
                blankToNull(row.get("impact_evidence")),
                groups,
                0);
        return new Draft(
                line,
                code,
                parent,
                kind,
                title,
                blankToNull(row.get("title_translation")),
                owner,
                detail,
                costs,
                tagged);
    }

    private static void tooLong(Row row, String column, int max, List<ImportProblem> problems) {
        if (row.get(column).length() > max) {
            problems.add(
                    problem(row.line(), "tooLong", column, max, row.get(column).length()));
        }
    }

    /** A date as 2025-09-01, or as the day number a spreadsheet keeps for a cell formatted as a date. */
    private static LocalDate date(Row row, String column, List<ImportProblem> problems) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.matches("\\d{4,5}(\\.0+)?")) {
                int serial = Integer.parseInt(text.replaceAll("\\..*", ""));
                if (serial > 20_000 && serial < 80_000) {
                    return LocalDate.of(1899, 12, 30).plusDays(serial);
                }
            }
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() >= 1990 && date.getYear() <= 2100) {
                return date;
            }
        } catch (DateTimeParseException notADate) {
            // reported below
        }
        problems.add(problem(row.line(), "date", column, text));
        return null;
    }

    private static EvidenceTier evidenceTier(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (EvidenceTier tier : EvidenceTier.values()) {
            if (tier.name().equals(name) || String.valueOf(tier.ordinal() + 1).equals(name)) {
                return tier;
            }
        }
        return null;
    }

    /** A cost written FUND:PURPOSE:AMOUNT (or FUND:AMOUNT for a general cost), of a fund the district offers. */
    private static Optional<ActionCost> cost(
            UUID actionId, String part, int line, Set<String> funds, List<ImportProblem> problems) {
        String[] pieces = part.split(":", -1);
        if (pieces.length < 2 || pieces.length > 3) {
            problems.add(problem(line, "cost", "costs", part));
            return Optional.empty();
        }
        String fund = pieces[0].strip().toUpperCase(Locale.ROOT);
        boolean ok = true;
        if (!funds.contains(fund)) {
            problems.add(problem(line, "fund", "costs", pieces[0].strip()));
            ok = false;
        }
        Purpose purpose = Purpose.GENERAL;
        if (pieces.length == 3) {
            try {
                purpose = Purpose.valueOf(pieces[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.add(problem(line, "purpose", "costs", pieces[1].strip()));
                ok = false;
            }
        }
        String amountText = pieces[pieces.length - 1].strip();
        BigDecimal amount = null;
        try {
            amount = new BigDecimal(amountText);
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        if (amount == null
                || amount.signum() < 0
                || amount.scale() > 2
                || amount.compareTo(new BigDecimal("999999999999")) > 0) {
            problems.add(problem(line, "amount", "costs", amountText));
            ok = false;
        }
        return ok ? Optional.of(new ActionCost(Ids.next(), actionId, fund, purpose, amount)) : Optional.empty();
    }

    private static List<String> parts(String cell) {
        if (cell.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split(";"))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Writes the checked plan: the plan, then each table's rows in one statement, then the audit entries at once. */
    private void write(SignedInUser user, NewPlan newPlan, List<Draft> drafts, Map<String, Draft> byCode) {
        UUID district = user.districtId();
        PlanSummary plan = newPlan.plan();
        planEditing.savePlan(user, plan);
        if (plan.kind() == PlanKind.IMPROVEMENT) {
            UUID districtPlan = plan.schoolId() == null
                    ? null
                    : improvementPlans
                            .districtImprovementPlan(district, plan.firstYear())
                            .orElse(null);
            improvement.link(district, new ImprovementLink(plan.id(), newPlan.strategicPlanId(), districtPlan));
        }
        Map<ComplianceTag.Kind, List<PlanTransferStore.Item>> items = new LinkedHashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        List<ActionDetail> details = new ArrayList<>();
        List<ActionCost> costs = new ArrayList<>();
        List<ComplianceTag> tagged = new ArrayList<>();
        List<AuditableChange> audit = new ArrayList<>();
        for (Draft draft : drafts) {
            UUID id = draft.detail().strategyId();
            UUID goalId = draft.kind() == ComplianceTag.Kind.GOAL
                    ? id
                    : byCode.get(draft.parent().toLowerCase(Locale.ROOT))
                            .detail()
                            .strategyId();
            int position = positions.merge(draft.kind() + "|" + goalId, 1, Integer::sum);
            items.computeIfAbsent(draft.kind(), kind -> new ArrayList<>())
                    .add(new PlanTransferStore.Item(
                            draft.kind(),
                            id,
                            goalId,
                            draft.code(),
                            draft.title(),
                            draft.titleTranslation(),
                            draft.ownerId(),
                            position));
            Map<String, Object> fields = ItemAudit.fields(draft.title(), draft.titleTranslation(), draft.ownerId());
            if (draft.code() != null) {
                fields.put("planio.field.code", AuditValue.text(draft.code()));
            }
            if (draft.kind() == ComplianceTag.Kind.ACTION) {
                details.add(draft.detail());
                detailFields(draft.detail(), fields);
                costs.addAll(draft.costs());
                if (!draft.costs().isEmpty()) {
                    fields.put(
                            "improvement.field.cost",
                            AuditValue.list(draft.costs().stream()
                                    .map(c -> AuditValue.list(
                                            FundingSource.isBuiltIn(c.fund())
                                                    ? AuditValue.choice("fund." + c.fund())
                                                    : AuditValue.text(c.fund()),
                                            AuditValue.choice("purpose.", c.purpose()),
                                            AuditValue.number(c.amount())))
                                    .toList()));
                }
            }
            tagged.addAll(draft.tags());
            if (!draft.tags().isEmpty()) {
                fields.put(
                        "compliance.field.tag",
                        AuditValue.text(draft.tags().stream()
                                .map(t -> t.frameworkCode() + " " + t.componentCode())
                                .collect(Collectors.joining(", "))));
            }
            audit.add(AuditableChange.created(district, user.email(), type(draft.kind()), id, draft.title(), fields)
                    .within(plan.id()));
        }
        for (ComplianceTag.Kind kind : ComplianceTag.Kind.values()) {
            store.insert(district, plan.id(), kind, items.getOrDefault(kind, List.of()));
        }
        store.insertDetails(district, details);
        store.insertCosts(district, costs);
        store.insertTags(district, tagged, user.email());
        events.publishEvent(new AuditableChanges(audit));
    }

    private static String type(ComplianceTag.Kind kind) {
        return switch (kind) {
            case GOAL -> "Goal";
            case OUTCOME -> "Outcome";
            case ACTION -> "Strategy";
        };
    }

    private static void detailFields(ActionDetail d, Map<String, Object> fields) {
        putText(fields, "improvement.field.description", d.description());
        if (d.start() != null) {
            fields.put("improvement.field.start", AuditValue.date(d.start()));
        }
        if (d.end() != null) {
            fields.put("improvement.field.end", AuditValue.date(d.end()));
        }
        putText(fields, "improvement.field.resources", d.resources());
        putText(fields, "improvement.field.needs", d.needs());
        if (d.evidenceTier() != null) {
            fields.put("improvement.field.evidenceTier", AuditValue.choice("evidence.", d.evidenceTier()));
        }
        putText(fields, "improvement.field.evidenceBasis", d.evidenceBasis());
        putText(fields, "improvement.field.implementationEvidence", d.implementationEvidence());
        putText(fields, "improvement.field.impactEvidence", d.impactEvidence());
        if (!d.studentGroups().isEmpty()) {
            fields.put(
                    "improvement.field.groups",
                    AuditValue.list(
                            d.studentGroups().stream().map(AuditValue::group).toList()));
        }
    }

    private static void putText(Map<String, Object> fields, String key, String text) {
        if (text != null) {
            fields.put(key, AuditValue.text(text));
        }
    }

    /**
     * The district's people, student groups, required-plan frameworks in use and names of tiers, read once, found as a
     * file writes them (an e-mail or a tier's name in any case).
     */
    private final class Lookup {
        private final Map<String, UUID> people = new HashMap<>();
        private final Set<String> groups;
        private final Map<String, Framework> frameworks = new HashMap<>();
        private final Map<String, ComplianceTag.Kind> tiers = new LinkedHashMap<>();
        private final Set<String> notImported = new HashSet<>();
        private final Set<String> funds;

        Lookup(SignedInUser user) {
            funds = fundingSources.offered(user.districtId()).stream()
                    .map(FundingSources.Fund::code)
                    .collect(Collectors.toSet());
            for (Person person : directory.people(user.districtId())) {
                people.putIfAbsent(person.email().toLowerCase(Locale.ROOT), person.id());
            }
            groups = directory.studentGroups(user.districtId()).stream()
                    .map(StudentGroup::code)
                    .filter(code -> !StudentGroup.ALL.equals(code))
                    .collect(Collectors.toSet());
            for (FrameworkEntry entry : PlanTransfer.this.frameworks.list(user)) {
                frameworks.put(entry.code(), entry.framework());
            }
            District district = directory.district(user.districtId());
            for (TierNames names : List.of(district.tiers(), district.spanishTiers())) {
                tier(names.goal(), ComplianceTag.Kind.GOAL);
                tier(names.outcome(), ComplianceTag.Kind.OUTCOME);
                tier(names.strategy(), ComplianceTag.Kind.ACTION);
                notImported.add(key(names.kpi()));
                notImported.add(key(names.project()));
            }
            tier("goal", ComplianceTag.Kind.GOAL);
            tier("outcome", ComplianceTag.Kind.OUTCOME);
            tier("strategy", ComplianceTag.Kind.ACTION);
            tier("action", ComplianceTag.Kind.ACTION);
        }

        private void tier(String name, ComplianceTag.Kind kind) {
            if (name != null && !name.isBlank()) {
                tiers.putIfAbsent(key(name), kind);
            }
        }

        ComplianceTag.Kind tier(String text) {
            return tiers.get(key(text));
        }

        /** The tier names accepted, for the message of a row that has another. */
        String tierWords() {
            return String.join(", ", tiers.keySet());
        }

        private String key(String text) {
            return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Export

    /**
     * A plan of the person's district written out: the plan's own items with their codes (generated where an item has
     * none), owners by e-mail, what each action says, its costs and its tags. Anyone of the district who reads the plan
     * may export it.
     */
    @Transactional(readOnly = true)
    public Download export(SignedInUser user, UUID planId, Format format) {
        PlanSummary plan = plans.plan(user.districtId(), planId).orElseThrow(() -> new NotFoundException("plan"));
        District district = directory.district(user.districtId());
        List<Map<String, String>> rows = rows(user.districtId(), plan, district.tiersIn(district.defaultLanguage()));
        String name = fileName(plan.title()) + "." + format.extension();
        byte[] bytes = switch (format) {
            case CSV -> PlanFile.writeCsv(rows);
            case XLSX -> PlanFile.writeXlsx(rows, "plan");
            case JSON -> PlanFile.writeJson(json(user.districtId(), plan, district, rows));
        };
        return new Download(bytes, name, format.contentType());
    }

    /**
     * The plan's items as rows of the export's columns, each with its id and its goal's id: what a version of the plan
     * keeps.
     */
    List<Map<String, String>> snapshot(UUID districtId, PlanSummary plan) {
        District district = directory.district(districtId);
        return rows(districtId, plan, district.tiersIn(district.defaultLanguage()));
    }

    /** An empty plan file of the format with one example row per tier, in the district's names of the tiers. */
    @Transactional(readOnly = true)
    public Download template(SignedInUser user, Format format) {
        District district = directory.district(user.districtId());
        TierNames tiers = district.tiersIn(district.defaultLanguage());
        List<Map<String, String>> rows = List.of(
                Map.of(
                        "code", "G1",
                        "tier", tiers.goal(),
                        "title", "Every student reads on grade level by grade 3",
                        "title_translation", "Todos los estudiantes leen al nivel de su grado en 3.º",
                        "tags", "title-i-schoolwide:SW-01"),
                Map.of(
                        "code", "G1.O1",
                        "parent", "G1",
                        "tier", tiers.outcome(),
                        "title", "Grade 3 reading proficiency rises to 75%"),
                Map.ofEntries(
                        Map.entry("code", "G1.A1"),
                        Map.entry("parent", "G1"),
                        Map.entry("tier", tiers.strategy()),
                        Map.entry("title", "Small-group tutoring in grades K-3"),
                        Map.entry("description", "Three sessions a week for students below benchmark"),
                        Map.entry("start", "2025-09-01"),
                        Map.entry("end", "2026-05-29"),
                        Map.entry("resources", "Two reading interventionists"),
                        Map.entry("needs", "Grade 3 reading below state average"),
                        Map.entry("evidence_tier", EvidenceTier.MODERATE.name()),
                        Map.entry("evidence_basis", "What Works Clearinghouse review of small-group tutoring"),
                        Map.entry("implementation_evidence", "Session logs"),
                        Map.entry("impact_evidence", "Benchmark scores each term"),
                        Map.entry("student_groups", "EL;SWD"),
                        Map.entry("costs", "TITLE_I_A:GENERAL:12000;LOCAL:GENERAL:500"),
                        Map.entry("tags", "title-i-schoolwide:SW-02")));
        return switch (format) {
            case CSV -> new Download(PlanFile.writeCsv(rows), "plan-template.csv", format.contentType());
            case XLSX -> new Download(PlanFile.writeXlsx(rows, "plan"), "plan-template.xlsx", format.contentType());
            case JSON -> throw new NotFoundException("template");
        };
    }

    private static String fileName(String title) {
        String name = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "")
                .toLowerCase(Locale.ROOT);
        return name.isEmpty() ? "plan" : name.substring(0, Math.min(80, name.length()));
    }

    /** The plan's items as rows, each goal followed by its outcomes and then its actions, each in their order. */
    private List<Map<String, String>> rows(UUID districtId, PlanSummary plan, TierNames tiers) {
        List<PlanTransferStore.Item> items = store.items(districtId, plan.id());
        List<PlanTransferStore.Item> goals = items.stream()
                .filter(i -> i.kind() == ComplianceTag.Kind.GOAL)
                .sorted(java.util.Comparator.comparingInt(PlanTransferStore.Item::position))
                .toList();
        Set<String> taken = items.stream()
                .map(PlanTransferStore.Item::code)
                .filter(Objects::nonNull)
                .map(code -> code.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(HashSet::new));
        List<UUID> actionIds = items.stream()
                .filter(i -> i.kind() == ComplianceTag.Kind.ACTION)
                .map(PlanTransferStore.Item::id)
                .toList();
        Map<UUID, ActionDetail> details = improvement.details(districtId, actionIds);
        Map<UUID, List<ActionCost>> costs = improvement.costs(districtId, actionIds).stream()
                .collect(Collectors.groupingBy(ActionCost::strategyId));
        Map<UUID, List<ComplianceTag>> tagsOf =
                tags
                        .of(
                                districtId,
                                items.stream().map(PlanTransferStore.Item::id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(ComplianceTag::itemId));
        Map<UUID, String> emails =
                directory.people(districtId).stream().collect(Collectors.toMap(Person::id, Person::email));
        List<Map<String, String>> rows = new ArrayList<>();
        int g = 0;
        for (PlanTransferStore.Item goal : goals) {
            String goalCode = codeOf(goal, "G" + ++g, taken);
            rows.add(row(goal, goalCode, "", tiers.goal(), emails, null, List.of(), tagsOf));
            for (ComplianceTag.Kind kind : List.of(ComplianceTag.Kind.OUTCOME, ComplianceTag.Kind.ACTION)) {
                int n = 0;
                for (PlanTransferStore.Item item : items.stream()
                        .filter(i -> i.kind() == kind && i.goalId().equals(goal.id()))
                        .sorted(java.util.Comparator.comparingInt(PlanTransferStore.Item::position))
                        .toList()) {
                    String prefix = goalCode + (kind == ComplianceTag.Kind.OUTCOME ? ".O" : ".A");
                    rows.add(row(
                            item,
                            codeOf(item, prefix + ++n, taken),
                            goalCode,
                            kind == ComplianceTag.Kind.OUTCOME ? tiers.outcome() : tiers.strategy(),
                            emails,
                            details.get(item.id()),
                            costs.getOrDefault(item.id(), List.of()),
                            tagsOf));
                }
            }
        }
        return rows;
    }

    /** The item's own code, else the one generated for its place, made unique in the plan. */
    private static String codeOf(PlanTransferStore.Item item, String generated, Set<String> taken) {
        if (item.code() != null) {
            return item.code();
        }
        String code = generated;
        for (int n = 2; taken.contains(code.toLowerCase(Locale.ROOT)); n++) {
            code = generated + "-" + n;
        }
        taken.add(code.toLowerCase(Locale.ROOT));
        return code;
    }

    private static Map<String, String> row(
            PlanTransferStore.Item item,
            String code,
            String parent,
            String tier,
            Map<UUID, String> emails,
            ActionDetail d,
            List<ActionCost> costs,
            Map<UUID, List<ComplianceTag>> tagsOf) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put(KIND, item.kind().name());
        row.put(ID, item.id().toString());
        row.put(
                PARENT_ID,
                item.kind() == ComplianceTag.Kind.GOAL || item.goalId() == null
                        ? ""
                        : item.goalId().toString());
        row.put("code", code);
        row.put("parent", parent);
        row.put("tier", tier);
        row.put("title", item.title());
        row.put("title_translation", Objects.toString(item.titleTranslation(), ""));
        row.put("owner", item.ownerId() == null ? "" : emails.getOrDefault(item.ownerId(), ""));
        if (d != null) {
            row.put("description", Objects.toString(d.description(), ""));
            row.put("start", Objects.toString(d.start(), ""));
            row.put("end", Objects.toString(d.end(), ""));
            row.put("resources", Objects.toString(d.resources(), ""));
            row.put("needs", Objects.toString(d.needs(), ""));
            row.put(
                    "evidence_tier",
                    d.evidenceTier() == null ? "" : d.evidenceTier().name());
            row.put("evidence_basis", Objects.toString(d.evidenceBasis(), ""));
            row.put("implementation_evidence", Objects.toString(d.implementationEvidence(), ""));
            row.put("impact_evidence", Objects.toString(d.impactEvidence(), ""));
            row.put("student_groups", String.join(";", d.studentGroups()));
        }
        row.put(
                "costs",
                costs.stream()
                        .map(c -> c.fund() + ":" + c.purpose().name() + ":" + amount(c.amount()))
                        .collect(Collectors.joining(";")));
        row.put(
                "tags",
                tagsOf.getOrDefault(item.id(), List.of()).stream()
                        .map(t -> t.frameworkCode() + ":" + t.componentCode())
                        .collect(Collectors.joining(";")));
        return row;
    }

    private static String amount(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** The whole plan as JSON: its fields, then every row as an item, the tiers by their fixed names. */
    private PlanFile.PlanJson json(
            UUID districtId, PlanSummary plan, District district, List<Map<String, String>> rows) {
        String school = plan.schoolId() == null
                ? null
                : directory
                        .school(districtId, plan.schoolId())
                        .map(School::name)
                        .orElse(null);
        PlanFile.StrategicRef strategic = improvement
                .link(districtId, plan.id())
                .flatMap(link -> plans.plan(districtId, link.strategicPlanId()))
                .map(s -> new PlanFile.StrategicRef(s.id(), s.title()))
                .orElse(null);
        List<PlanFile.ItemJson> items = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String tier = row.get(KIND).toLowerCase(Locale.ROOT);
            items.add(new PlanFile.ItemJson(
                    row.get("code"),
                    emptyToNull(row.get("parent")),
                    tier,
                    row.get("title"),
                    emptyToNull(row.get("title_translation")),
                    emptyToNull(row.get("owner")),
                    emptyToNull(row.get("description")),
                    emptyToNull(row.get("start")),
                    emptyToNull(row.get("end")),
                    emptyToNull(row.get("resources")),
                    emptyToNull(row.get("needs")),
                    emptyToNull(row.get("evidence_tier")),
                    emptyToNull(row.get("evidence_basis")),
                    emptyToNull(row.get("implementation_evidence")),
                    emptyToNull(row.get("impact_evidence")),
                    parts(Objects.toString(row.get("student_groups"), "")),
                    parts(row.get("costs")).stream()
                            .map(c -> c.split(":"))
                            .map(c -> new PlanFile.CostJson(c[0], c[1], new BigDecimal(c[2])))
                            .toList(),
                    parts(row.get("tags")).stream()
                            .map(t -> t.split(":", 2))
                            .map(t -> new PlanFile.TagJson(t[0], t[1]))
                            .toList()));
        }
        PlanTranslation t = plan.translation();
        return new PlanFile.PlanJson(
                PlanFile.FORMAT,
                1,
                district.defaultLanguage(),
                new PlanFile.PlanFields(
                        plan.kind().name(),
                        plan.title(),
                        t.title(),
                        plan.vision(),
                        t.vision(),
                        plan.mission(),
                        t.mission(),
                        plan.coreValues(),
                        t.coreValues(),
                        new SchoolYear(plan.firstYear()).toString(),
                        new SchoolYear(plan.lastYear()).toString(),
                        school,
                        strategic),
                items);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
