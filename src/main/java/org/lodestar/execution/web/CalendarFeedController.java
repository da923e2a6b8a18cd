package org.lodestar.execution.web;

import java.nio.charset.StandardCharsets;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.calendar.CalendarFeeds;
import org.lodestar.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's calendar feed: the page to make (or make anew) and revoke it, its link shown once when made; and the feed
 * itself at {@code /calendar/{token}.ics}, read by calendar programs without signing in (the token is the key), cached
 * by them for 15 minutes.
 */
@Controller
class CalendarFeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/account/calendar")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("since", feeds.since(user).orElse(null));
        return "execution/calendar";
    }

    @PostMapping("/account/calendar")
    String create(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        String token = feeds.create(user);
        redirect.addFlashAttribute(
                "feedUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/calendar/{token}.ics")
                        .buildAndExpand(token)
                        .toUriString());
        return "redirect:/account/calendar";
    }

    @PostMapping("/account/calendar/revoke")
    String revoke(@AuthenticationPrincipal SignedInUser user) {
        feeds.revoke(user);
        return "redirect:/account/calendar?revoked";
    }

    @GetMapping("/calendar/{file}")
    ResponseEntity<String> feed(@PathVariable String file) {
        if (!file.endsWith(".ics")) {
            throw new NotFoundException("calendar");
        }
        String body = feeds.feed(file.substring(0, file.length() - ".ics".length()));
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(15)).cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"lodestar.ics\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }
}
