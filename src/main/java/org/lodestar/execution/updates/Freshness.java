package org.lodestar.execution.updates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.checkin.CheckIn;
import org.lodestar.execution.checkin.CheckIns;
import org.lodestar.execution.checkin.ItemKind;
import org.lodestar.execution.checkin.ItemRef;
import org.lodestar.execution.checkin.TrackedItem;
import org.lodestar.execution.checkin.TrackedItems;
import org.lodestar.measures.MeasuresApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each item was last updated and whether it is behind its cadence: past its due day, or never updated while its
 * tier expects updates. Read from the clock, so tests move time rather than wait.
 */
@Service
@Transactional(readOnly = true)
public class Freshness {

    private final TrackedItems items;
    private final CheckIns checkIns;
    private final MeasuresApi measures;
    private final UpdateSettingsStore settings;
    private final Clock clock;

    Freshness(TrackedItems items, CheckIns checkIns, MeasuresApi measures, UpdateSettingsStore settings, Clock clock) {
        this.items = items;
        this.checkIns = checkIns;
        this.measures = measures;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every current item of the district with its freshness, in three statements whatever their number. */
    public List<ItemFreshness> all(UUID districtId) {
        return of(districtId, items.current(districtId));
    }

    /**
     * What awaits the person's update: the current items they own that are behind their cadence or due within the
     * week, those behind first, then by due day.
     */
    public List<ItemFreshness> awaiting(UUID districtId, UUID personId) {
        LocalDate weekAhead = LocalDate.now(clock).plusDays(7);
        List<TrackedItem> owned = items.current(districtId).stream()
                .filter(item -> personId.equals(item.ownerId()))
                .toList();
        return of(districtId, owned).stream()
                .filter(f -> f.behind() || (f.due() != null && !f.due().isAfter(weekAhead)))
                .sorted(Comparator.comparing((ItemFreshness f) -> !f.behind())
                        .thenComparing(ItemFreshness::due, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** The given items' freshness. */
    public List<ItemFreshness> of(UUID districtId, List<TrackedItem> tracked) {
        Map<ItemRef, CheckIn> latest = checkIns.latest(
                districtId, tracked.stream().map(TrackedItem::ref).toList());
        List<UUID> kpis = tracked.stream()
                .filter(item -> item.kind() == ItemKind.KPI)
                .map(item -> item.ref().id())
                .toList();
        Map<UUID, Instant> recorded = kpis.isEmpty() ? Map.of() : measures.lastRecorded(districtId, kpis);
        UpdateSettings cadences = settings.find(districtId);
        LocalDate today = LocalDate.now(clock);
        return tracked.stream()
                .map(item -> {
                    CheckIn checkIn = latest.get(item.ref());
                    Instant last = checkIn == null ? null : checkIn.createdAt();
                    Instant value = item.kind() == ItemKind.KPI
                            ? recorded.get(item.ref().id())
                            : null;
                    if (value != null && (last == null || value.isAfter(last))) {
                        last = value;
                    }
                    return freshness(item, last, checkIn, cadences.of(item.kind()), today);
                })
                .toList();
    }

    private ItemFreshness freshness(TrackedItem item, Instant last, CheckIn checkIn, Cadence cadence, LocalDate today) {
        LocalDate lastDay = last == null ? null : LocalDate.ofInstant(last, clock.getZone());
        long since = lastDay == null ? -1 : ChronoUnit.DAYS.between(lastDay, today);
        LocalDate due = null;
        boolean behind = false;
        if (cadence != Cadence.OFF) {
            due = lastDay == null ? cadence.periodStart(today) : lastDay.plusDays(cadence.days());
            behind = lastDay == null || today.isAfter(due);
        }
        return new ItemFreshness(item, last, checkIn == null ? null : checkIn.status(), cadence, due, since, behind);
    }
}
