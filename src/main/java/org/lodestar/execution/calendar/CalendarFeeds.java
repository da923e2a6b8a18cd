package org.lodestar.execution.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.checkin.TrackedItem;
import org.lodestar.execution.checkin.TrackedItems;
import org.lodestar.execution.review.QuarterlyReviews;
import org.lodestar.execution.review.ReviewMeeting;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's secret calendar feed: a link with a random token (32 bytes, URL-safe Base64) that calendar programs read
 * without signing in. Only the token's SHA-256 is kept, so the link is shown once, when it is made; making it again
 * replaces it (the old link stops working), revoking removes it. The feed lists the person's dated work from a year
 * back on, in their language: tasks they own, milestones of the projects they own, their projects' due dates, and the
 * meetings of the quarterly reviews of plans in which they own an action, project or KPI being carried out.
 */
@Service
@Transactional
public class CalendarFeeds {

    /** At most this many events a feed. */
    static final int MAX_EVENTS = 2000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedStore store;
    private final QuarterlyReviews reviews;
    private final TrackedItems items;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final MessageSource messages;
    private final Clock clock;

    CalendarFeeds(
            CalendarFeedStore store,
            QuarterlyReviews reviews,
            TrackedItems items,
            PlanningApi planning,
            DirectoryApi directory,
            MessageSource messages,
            Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.items = items;
        this.planning = planning;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    /** Makes the person a new feed, replacing any they had; returns its token (shown once). */
    public String create(SignedInUser user) {
        ForbiddenException.unless(!user.grants().isEmpty());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.put(user.districtId(), user.userId(), hash(token), clock.instant());
        return token;
    }

    /** Revokes the person's feed: its link answers 404 from now on. */
    public void revoke(SignedInUser user) {
        store.remove(user.districtId(), user.userId());
    }

    /** When the person's feed was made, if they have one. */
    @Transactional(readOnly = true)
    public Optional<Instant> since(SignedInUser user) {
        return store.since(user.districtId(), user.userId());
    }

    /** The feed of a token, as iCalendar text; not found for a token that is not (or no longer) a feed's. */
    @Transactional(readOnly = true)
    public String feed(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw new NotFoundException("calendar");
        }
        CalendarFeedStore.Owner owner = store.owner(hash(token)).orElseThrow(() -> new NotFoundException("calendar"));
        Locale locale =
                Locale.forLanguageTag(directory.languages(owner.districtId()).getOrDefault(owner.userId(), "en"));
        LocalDate from = LocalDate.now(clock).minusYears(1);
        List<ICalendar.Event> events = new ArrayList<>();
        for (CalendarFeedStore.Dated item : store.dated(owner.districtId(), owner.userId(), from, MAX_EVENTS)) {
            String key = "calendar.event." + item.kind();
            String summary = messages.getMessage(key, new Object[] {item.title()}, locale);
            String description = item.project() == null
                    ? null
                    : messages.getMessage("calendar.event.project", new Object[] {item.project()}, locale);
            events.add(new ICalendar.Event(
                    item.kind().toLowerCase(Locale.ROOT) + "-" + item.id() + "@lodestar",
                    item.due(),
                    summary,
                    description));
        }
        List<ReviewMeeting> meetings = reviews.meetings(owner.districtId(), from);
        if (!meetings.isEmpty()) {
            Set<UUID> theirPlans = items.current(owner.districtId()).stream()
                    .filter(item -> owner.userId().equals(item.ownerId()))
                    .map(TrackedItem::planId)
                    .collect(Collectors.toSet());
            for (ReviewMeeting meeting : meetings) {
                if (theirPlans.contains(meeting.planId()) && events.size() < MAX_EVENTS) {
                    String plan =
                            planning.plan(owner.districtId(), meeting.planId()).title();
                    events.add(new ICalendar.Event(
                            "review-" + meeting.reviewId() + "@lodestar",
                            meeting.on(),
                            messages.getMessage(
                                    "calendar.event.REVIEW",
                                    new Object[] {plan, meeting.quarter().quarter()},
                                    locale),
                            null));
                }
            }
        }
        return ICalendar.write(messages.getMessage("calendar.feedName", null, locale), clock.instant(), events);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException never) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", never);
        }
    }
}
