package org.lodestar.execution.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.RecordedTime;
import org.lodestar.shared.SchoolQuarter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posting and reading check-ins. The item's owner and whoever may change its plan post them; everyone of the district
 * who may read plans reads them and their evidence. A check-in is saved whole, files and all, or not at all.
 */
@Service
@Transactional
public class CheckIns {

    static final int MAX_TEXT = 4000;

    private final CheckInStore store;
    private final TrackedItems items;
    private final PlanningApi planning;
    private final ApplicationEventPublisher events;
    private final DirectoryApi directory;
    private final Clock clock;

    CheckIns(
            CheckInStore store,
            TrackedItems items,
            PlanningApi planning,
            ApplicationEventPublisher events,
            DirectoryApi directory,
            Clock clock) {
        this.store = store;
        this.items = items;
        this.planning = planning;
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    /** The item, if it is the district's; not found otherwise (another district's id included). */
    @Transactional(readOnly = true)
    public TrackedItem item(SignedInUser user, ItemRef ref) {
        ForbiddenException.unless(canRead(user));
        return items.find(user.districtId(), ref).orElseThrow(() -> new NotFoundException("item"));
    }

    /** Everyone with a role in the district reads its plans, and so their check-ins. */
    public boolean canRead(SignedInUser user) {
        return !user.grants().isEmpty();
    }

    /** The item's owner, and whoever may change the plan it belongs to. */
    public boolean canCheckIn(SignedInUser user, TrackedItem item) {
        return user.userId().equals(item.ownerId()) || planning.canEdit(user, item.planId());
    }

    /**
     * Checks that the person may post on the item before anything they sent is looked at (the caller reads the files
     * only after this).
     */
    @Transactional(readOnly = true)
    public TrackedItem checkable(SignedInUser user, ItemRef ref) {
        TrackedItem item = item(user, ref);
        ForbiddenException.unless(canCheckIn(user, item));
        return item;
    }

    /** Saves a check-in with its files, all or nothing; refused with every reason when anything is wrong. */
    public UUID post(
            SignedInUser user,
            ItemRef ref,
            String status,
            String whatHappened,
            String whatWeLearned,
            String whatChanges,
            List<Upload> uploads) {
        return post(user, ref, status, whatHappened, whatWeLearned, whatChanges, uploads, null);
    }

    /**
     * The same, by a district admin giving {@code lockReason} for a check-in dated in a locked quarter of its plan (a
     * quarter whose review was signed off, or a year whose year-end evaluation was completed): only an admin posts
     * there, and only with a reason, which the check-in's history keeps. Null or blank: none given.
     */
    public UUID post(
            SignedInUser user,
            ItemRef ref,
            String status,
            String whatHappened,
            String whatWeLearned,
            String whatChanges,
            List<Upload> uploads,
            String lockReason) {
        TrackedItem item = checkable(user, ref);
        List<CheckInRefused.Problem> problems = new ArrayList<>();
        CheckInStatus parsed = null;
        try {
            parsed = status == null || status.isBlank() ? null : CheckInStatus.valueOf(status);
        } catch (IllegalArgumentException notOne) {
            parsed = null;
        }
        if (parsed == null) {
            problems.add(new CheckInRefused.Problem("status", "checkIn.error.status", List.of()));
        }
        String happened = strip(whatHappened);
        if (happened == null) {
            problems.add(new CheckInRefused.Problem("whatHappened", "checkIn.error.whatHappened", List.of()));
        }
        textLength(problems, "whatHappened", happened);
        textLength(problems, "whatWeLearned", strip(whatWeLearned));
        textLength(problems, "whatChanges", strip(whatChanges));
        List<Upload> files = List.copyOf(uploads);
        List<String> types = new ArrayList<>();
        if (files.size() > EvidenceRule.MAX_FILES) {
            problems.add(new CheckInRefused.Problem(
                    "files", "checkIn.error.tooManyFiles", List.of(EvidenceRule.MAX_FILES, files.size())));
        } else {
            for (Upload file : files) {
                String name = fileName(file.name());
                if (file.tooLarge() || file.bytes().length > EvidenceRule.MAX_BYTES) {
                    problems.add(new CheckInRefused.Problem("files", "checkIn.error.fileTooLarge", List.of(name, 10)));
                    continue;
                }
                EvidenceRule.typeOf(name, file.bytes())
                        .ifPresentOrElse(
                                types::add,
                                () -> problems.add(
                                        new CheckInRefused.Problem("files", "checkIn.error.fileType", List.of(name))));
            }
        }
        Instant now = postedAt(user.districtId());
        Optional<SchoolQuarter> locked = lockedQuarter(user.districtId(), item.planId(), now);
        locked.flatMap(quarter -> lockProblem(user, quarter, lockReason)).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new CheckInRefused(problems);
        }
        UUID id = Ids.next();
        store.insert(
                user.districtId(),
                new CheckIn(
                        id,
                        ref,
                        parsed,
                        happened,
                        strip(whatWeLearned),
                        strip(whatChanges),
                        user.userId(),
                        now,
                        List.of()));
        for (int i = 0; i < files.size(); i++) {
            store.insertFile(
                    user.districtId(),
                    Ids.next(),
                    id,
                    i,
                    fileName(files.get(i).name()),
                    types.get(i),
                    files.get(i).bytes());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("history.field.item", AuditValue.choice("checkIn.kind.", ref.kind()));
        fields.put("history.field.status", AuditValue.choice("checkIn.status.", parsed));
        fields.put("checkIn.field.whatHappened", AuditValue.text(happened));
        fields.put("checkIn.field.files.count", AuditValue.number(files.size()));
        if (locked.isPresent()) {
            // an admin's check-in in a locked quarter says why, in the item's history
            fields.put("history.field.lockReason", AuditValue.text(lockReason.strip()));
        }
        events.publishEvent(AuditableChange.created(
                        user.districtId(),
                        user.email(),
                        "CheckIn",
                        id,
                        item.titles().text(),
                        fields)
                .within(item.planId()));
        return id;
    }

    /** An item's check-ins, newest first. */
    @Transactional(readOnly = true)
    public List<CheckIn> history(UUID districtId, ItemRef ref) {
        return store.ofItem(districtId, ref);
    }

    /**
     * Check-ins the person may read, newest first, at most {@code limit}: of one item (null: any), of the items one
     * person owns (null: anyone's), posted at or after {@code since} (null: ever).
     */
    @Transactional(readOnly = true)
    public List<CheckIn> find(SignedInUser user, ItemRef item, UUID ownerId, Instant since, int limit) {
        ForbiddenException.unless(canRead(user));
        Collection<ItemRef> refs = null;
        if (item != null) {
            refs = List.of(item(user, item).ref());
        }
        if (ownerId != null) {
            java.util.Set<ItemRef> owned = new java.util.HashSet<>();
            for (TrackedItem tracked : items.current(user.districtId())) {
                if (ownerId.equals(tracked.ownerId())) {
                    owned.add(tracked.ref());
                }
            }
            if (refs != null) {
                owned.retainAll(refs);
            }
            refs = owned;
        }
        return store.find(user.districtId(), refs, since, limit);
    }

    /** One check-in, for someone who may read the district's plans; not found when it is not the district's. */
    @Transactional(readOnly = true)
    public CheckIn one(SignedInUser user, UUID id) {
        ForbiddenException.unless(canRead(user));
        return store.one(user.districtId(), id).orElseThrow(() -> new NotFoundException("check-in"));
    }

    /** A check-in of the district by its id, without a person's rights (webhooks tell of one just posted). */
    @Transactional(readOnly = true)
    public Optional<CheckIn> byId(UUID districtId, UUID id) {
        return store.one(districtId, id);
    }

    /** The latest check-in of each item that has one. */
    @Transactional(readOnly = true)
    public Map<ItemRef, CheckIn> latest(UUID districtId, Collection<ItemRef> refs) {
        return store.latest(districtId, refs);
    }

    /** Check-ins posted since a moment, newest first. */
    @Transactional(readOnly = true)
    public List<CheckIn> since(UUID districtId, Instant from) {
        return store.since(districtId, from);
    }

    /** The status an item had before a moment (by its latest check-in then), or null. */
    @Transactional(readOnly = true)
    public CheckInStatus statusBefore(UUID districtId, ItemRef ref, Instant before) {
        return store.latestBefore(districtId, ref, before).map(CheckIn::status).orElse(null);
    }

    /** An evidence file, for someone who may read its item's plan; not found when it is not the district's. */
    @Transactional(readOnly = true)
    public Download download(SignedInUser user, UUID fileId) {
        CheckInStore.StoredFile file =
                store.file(user.districtId(), fileId).orElseThrow(() -> new NotFoundException("file"));
        ForbiddenException.unless(canRead(user));
        return new Download(file.name(), file.contentType(), file.bytes());
    }

    /**
     * The locked quarter of the plan a check-in posted at this moment falls in: the quarter of the district's school
     * year whose quarterly review of the plan is signed off, or the whole year once the plan's year-end evaluation is
     * completed (it evaluates the plan's first school year, as its lock of KPI values does).
     */
    Optional<SchoolQuarter> lockedQuarter(UUID districtId, UUID planId, Instant at) {
        if (planId == null) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        SchoolQuarter quarter =
                SchoolQuarter.containing(day, directory.district(districtId).schoolYearStartMonth());
        if (store.yearCompleted(districtId, planId)
                && planning.plan(districtId, planId).firstYear() == quarter.schoolYear()) {
            return Optional.of(new SchoolQuarter(quarter.schoolYear(), 0));
        }
        if (store.quarterSignedOff(districtId, planId, quarter.schoolYear(), quarter.quarter())) {
            return Optional.of(quarter);
        }
        return Optional.empty();
    }

    /** Why the person may not post in the locked quarter: not an admin, or an admin who gave no reason. */
    private static Optional<CheckInRefused.Problem> lockProblem(
            SignedInUser user, SchoolQuarter quarter, String reason) {
        List<Object> args = List.of(quarter.quarter(), quarter.year());
        String year = quarter.wholeYear() ? ".year" : "";
        if (!user.isAdmin()) {
            return Optional.of(new CheckInRefused.Problem("lockReason", "checkIn.error.locked" + year, args));
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of(new CheckInRefused.Problem("lockReason", "checkIn.error.lockReason" + year, args));
        }
        if (reason.strip().length() > MAX_TEXT) {
            return Optional.of(new CheckInRefused.Problem("lockReason", "checkIn.error.tooLong", List.of(MAX_TEXT)));
        }
        return Optional.empty();
    }

    /**
     * Now, or for a sample district the past time the demo enters its history at ({@link RecordedTime}), never a time
     * to come: no real district's check-in can be backdated.
     */
    private Instant postedAt(UUID districtId) {
        Instant now = clock.instant();
        if (!directory.district(districtId).sampleData()) {
            return now;
        }
        return RecordedTime.claimed().filter(at -> !at.isAfter(now)).orElse(now);
    }

    private static void textLength(List<CheckInRefused.Problem> problems, String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(new CheckInRefused.Problem(field, "checkIn.error.tooLong", List.of(MAX_TEXT)));
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The name without any folder a browser sent with it, at most 200 characters. */
    static String fileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        if (base.isEmpty()) {
            base = "file";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
