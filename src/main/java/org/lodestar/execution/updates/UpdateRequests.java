package org.lodestar.execution.updates;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.execution.checkin.CheckIn;
import org.lodestar.execution.checkin.CheckInStatus;
import org.lodestar.execution.checkin.CheckIns;
import org.lodestar.execution.checkin.ItemRef;
import org.lodestar.execution.checkin.TrackedItem;
import org.lodestar.execution.mail.MailKind;
import org.lodestar.execution.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks owners for their updates, by mail through the outbox, once a day (tests call {@link #run(UUID)}): a request
 * when an item's update falls due within its tier's lead ({@link Cadence#requestLead()}), one mail per owner listing
 * their items, each with a link straight to its check-in form; a reminder the district's reminder days before the due
 * day; an escalation to the district's planners (admins when it has none: people have no supervisor in Lodestar yet)
 * when an update is overdue by the escalation days; and on Mondays a digest for each planner: who is behind and what
 * changed status in the week. Each request, reminder and escalation goes out once per item and due day, each digest
 * once per planner and Monday ({@code update_notice}).
 */
@Service
public class UpdateRequests {

    private static final Logger log = LoggerFactory.getLogger(UpdateRequests.class);

    /** What one run wrote: mails by kind. */
    public record Run(int requests, int reminders, int escalations, int digests) {}

    /** A line of a mail: an item, its owner, when it is due, and where to answer. */
    public record Line(
            String title, String kind, String owner, String due, long daysOverdue, String link, String status) {}

    /** A person and how many of their items are behind (the digest). */
    public record Count(String name, long behind) {}

    private final Freshness freshness;
    private final UpdateSettingsStore settings;
    private final NoticeStore notices;
    private final Outbox outbox;
    private final CheckIns checkIns;
    private final DirectoryApi directory;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UpdateRequests(
            Freshness freshness,
            UpdateSettingsStore settings,
            NoticeStore notices,
            Outbox outbox,
            CheckIns checkIns,
            DirectoryApi directory,
            TransactionTemplate transactions,
            Clock clock) {
        this.freshness = freshness;
        this.settings = settings;
        this.notices = notices;
        this.outbox = outbox;
        this.checkIns = checkIns;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${lodestar.updates.cron:0 0 6 * * *}")
    void scheduled() {
        for (UUID district : directory.districtIds()) {
            try {
                run(district);
            } catch (RuntimeException failure) {
                log.warn("Update requests of district {} not written: {}", district, failure.toString());
            }
        }
    }

    /** One day's run for a district, in one transaction: mails and their notices are written together or not at all. */
    public Run run(UUID districtId) {
        return transactions.execute(status -> runInTransaction(districtId));
    }

    private Run runInTransaction(UUID districtId) {
        LocalDate today = LocalDate.now(clock);
        UpdateSettings cadences = settings.find(districtId);
        District district = directory.district(districtId);
        Map<UUID, Person> people = directory.people(districtId).stream()
                .filter(Person::active)
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<UUID, String> languages = directory.languages(districtId);
        List<ItemFreshness> all = freshness.all(districtId);

        Map<UUID, List<ItemFreshness>> requests = new LinkedHashMap<>();
        Map<UUID, List<ItemFreshness>> reminders = new LinkedHashMap<>();
        List<ItemFreshness> escalations = new ArrayList<>();
        for (ItemFreshness item : all) {
            UUID owner = item.item().ownerId();
            if (item.due() == null || owner == null || !people.containsKey(owner)) {
                continue;
            }
            String subject = item.item().ref().toString();
            LocalDate due = item.due();
            LocalDate requested = notices.sentOn(districtId, MailKind.REQUEST, subject, due);
            if (requested == null
                    && !today.isBefore(due.minusDays(item.cadence().requestLead()))) {
                requests.computeIfAbsent(owner, o -> new ArrayList<>()).add(item);
            } else if (requested != null
                    && requested.isBefore(today)
                    && !today.isBefore(due.minusDays(cadences.reminderDays()))
                    && !notices.sent(districtId, MailKind.REMINDER, subject, due)) {
                reminders.computeIfAbsent(owner, o -> new ArrayList<>()).add(item);
            }
            if (!today.isBefore(due.plusDays(cadences.escalationDays()))
                    && !notices.sent(districtId, MailKind.ESCALATION, subject, due)) {
                escalations.add(item);
            }
        }
        int requestMails = toOwners(district, people, languages, MailKind.REQUEST, requests, today);
        int reminderMails = toOwners(district, people, languages, MailKind.REMINDER, reminders, today);
        List<Person> planners = planners(people);
        int escalationMails = escalate(district, people, languages, planners, escalations, today);
        int digests = today.getDayOfWeek() == DayOfWeek.MONDAY
                ? digest(district, people, languages, planners, all, today)
                : 0;
        return new Run(requestMails, reminderMails, escalationMails, digests);
    }

    private int toOwners(
            District district,
            Map<UUID, Person> people,
            Map<UUID, String> languages,
            MailKind kind,
            Map<UUID, List<ItemFreshness>> byOwner,
            LocalDate today) {
        int mails = 0;
        for (Map.Entry<UUID, List<ItemFreshness>> owner : byOwner.entrySet()) {
            Person person = people.get(owner.getKey());
            UUID mail =
                    listing(district, people, languages, person, kind, owner.getValue(), today, "/check-ins/new?item=");
            owner.getValue()
                    .forEach(item -> notices.record(
                            district.id(), kind, item.item().ref().toString(), item.due(), today, mail));
            mails++;
        }
        return mails;
    }

    private int escalate(
            District district,
            Map<UUID, Person> people,
            Map<UUID, String> languages,
            List<Person> planners,
            List<ItemFreshness> overdue,
            LocalDate today) {
        if (overdue.isEmpty() || planners.isEmpty()) {
            return 0;
        }
        UUID first = null;
        for (Person planner : planners) {
            UUID mail = listing(
                    district, people, languages, planner, MailKind.ESCALATION, overdue, today, "/check-ins?item=");
            first = first == null ? mail : first;
        }
        for (ItemFreshness item : overdue) {
            notices.record(district.id(), MailKind.ESCALATION, item.item().ref().toString(), item.due(), today, first);
        }
        return planners.size();
    }

    /** A mail to a person listing items, each linked to {@code path} and the item; returns the mail's id. */
    private UUID listing(
            District district,
            Map<UUID, Person> people,
            Map<UUID, String> languages,
            Person to,
            MailKind kind,
            List<ItemFreshness> items,
            LocalDate today,
            String path) {
        String language = languages.getOrDefault(to.id(), district.defaultLanguage());
        List<Line> lines = items.stream()
                .map(item -> line(district, people, language, item, today, path))
                .toList();
        return outbox.write(
                district.id(),
                to.id(),
                to.email(),
                language,
                kind,
                new Object[] {lines.size(), district.name()},
                Map.of("name", to.displayName(), "lines", lines, "district", district.name()));
    }

    private int digest(
            District district,
            Map<UUID, Person> people,
            Map<UUID, String> languages,
            List<Person> planners,
            List<ItemFreshness> all,
            LocalDate today) {
        Map<UUID, Long> behindByOwner = all.stream()
                .filter(ItemFreshness::behind)
                .filter(item -> item.item().ownerId() != null)
                .collect(Collectors.groupingBy(item -> item.item().ownerId(), Collectors.counting()));
        long unowned = all.stream()
                .filter(ItemFreshness::behind)
                .filter(item -> item.item().ownerId() == null)
                .count();
        Map<ItemRef, TrackedItem> items = all.stream()
                .map(ItemFreshness::item)
                .collect(Collectors.toMap(TrackedItem::ref, Function.identity(), (a, b) -> a));
        Instant weekAgo = today.minusDays(7).atStartOfDay(clock.getZone()).toInstant();
        List<CheckIn> changed = new ArrayList<>();
        for (CheckIn checkIn : checkIns.since(district.id(), weekAgo)) {
            if (items.containsKey(checkIn.item())
                    && changed.stream().noneMatch(c -> c.item().equals(checkIn.item()))
                    && checkIns.statusBefore(district.id(), checkIn.item(), weekAgo) != checkIn.status()) {
                changed.add(checkIn);
            }
        }
        int mails = 0;
        for (Person planner : planners) {
            String subject = planner.id().toString();
            if (notices.sent(district.id(), MailKind.DIGEST, subject, today)) {
                continue;
            }
            String language = languages.getOrDefault(planner.id(), district.defaultLanguage());
            List<Count> counts = behindByOwner.entrySet().stream()
                    .filter(e -> people.containsKey(e.getKey()))
                    .map(e -> new Count(people.get(e.getKey()).displayName(), e.getValue()))
                    .sorted(Comparator.comparingLong(Count::behind).reversed().thenComparing(Count::name))
                    .toList();
            List<Line> changes = changed.stream()
                    .map(c -> new Line(
                            items.get(c.item())
                                    .titles()
                                    .in(language, district.defaultLanguage())
                                    .text(),
                            c.item().kind().name(),
                            people.containsKey(c.authorId())
                                    ? people.get(c.authorId()).displayName()
                                    : "",
                            date(c.createdAt(), language),
                            0,
                            outbox.baseUrl() + "/check-ins?item=" + c.item(),
                            c.status().name()))
                    .toList();
            long behind = counts.stream().mapToLong(Count::behind).sum() + unowned;
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", planner.displayName());
            model.put("district", district.name());
            model.put("counts", counts);
            model.put("unowned", unowned);
            model.put("changes", changes);
            model.put("behind", behind);
            UUID mail = outbox.write(
                    district.id(),
                    planner.id(),
                    planner.email(),
                    language,
                    MailKind.DIGEST,
                    new Object[] {behind, district.name()},
                    model);
            notices.record(district.id(), MailKind.DIGEST, subject, today, today, mail);
            mails++;
        }
        return mails;
    }

    /** The district's planners (district-wide); its admins when it has none. */
    private static List<Person> planners(Map<UUID, Person> people) {
        List<Person> planners = withRole(people, Role.PLANNER);
        return planners.isEmpty() ? withRole(people, Role.DISTRICT_ADMIN) : planners;
    }

    private static List<Person> withRole(Map<UUID, Person> people, Role role) {
        return people.values().stream()
                .filter(p -> p.grants().stream().anyMatch(g -> g.role() == role && g.schoolId() == null))
                .sorted(Comparator.comparing(Person::displayName))
                .toList();
    }

    private Line line(
            District district,
            Map<UUID, Person> people,
            String language,
            ItemFreshness item,
            LocalDate today,
            String path) {
        UUID owner = item.item().ownerId();
        CheckInStatus status = item.lastStatus();
        return new Line(
                item.item().titles().in(language, district.defaultLanguage()).text(),
                item.item().kind().name(),
                owner != null && people.containsKey(owner) ? people.get(owner).displayName() : "",
                item.due()
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(Locale.forLanguageTag(language))),
                Math.max(0, ChronoUnit.DAYS.between(item.due(), today)),
                outbox.baseUrl() + path + item.item().ref(),
                status == null ? null : status.name());
    }

    private String date(Instant at, String language) {
        return LocalDate.ofInstant(at, clock.getZone())
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(Locale.forLanguageTag(language)));
    }
}
