package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.Adjustment;
import org.lodestar.execution.review.QuarterlyReview;
import org.lodestar.execution.review.QuarterlyReviews;
import org.lodestar.execution.review.ReviewItem;
import org.lodestar.execution.review.ReviewRefused;
import org.lodestar.execution.rules.WorkDates;
import org.lodestar.execution.web.DecisionRows.Typed;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Values;
import org.lodestar.planning.PlanSummary;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.SchoolQuarter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Quarterly reviews of an improvement plan: the plan's quarters with their reviews, starting one, and the review page
 * (a form while it is a draft, its record once signed off). A row's fields are {@code adjustment-<row>} and
 * {@code note-<row>}, so the form needs no binding of nested lists.
 */
@Controller
class ReviewsController {

    private final QuarterlyReviews reviews;
    private final DirectoryApi directory;
    private final MessageSource messages;

    ReviewsController(QuarterlyReviews reviews, DirectoryApi directory, MessageSource messages) {
        this.reviews = reviews;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/improvement-plans/{id}/quarterly-reviews")
    String list(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return list(user, reviews.plan(user, id), model);
    }

    private String list(SignedInUser user, PlanSummary plan, Model model) {
        Map<Integer, QuarterlyReview> byQuarter = new LinkedHashMap<>();
        reviews.reviewsOf(user, plan.id())
                .forEach(r -> byQuarter.put(r.quarter().quarter(), r));
        int startMonth = directory.district(user.districtId()).schoolYearStartMonth();
        SchoolQuarter today = reviews.today(user);
        List<QuarterLine> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            SchoolQuarter quarter = new SchoolQuarter(plan.firstYear(), q);
            quarters.add(new QuarterLine(
                    quarter,
                    quarter.start(startMonth),
                    quarter.end(startMonth),
                    today.schoolYear() > plan.firstYear()
                            || (today.schoolYear() == plan.firstYear() && today.quarter() >= q),
                    byQuarter.get(q)));
        }
        Refusals.show(model, messages, LocaleContextHolder.getLocale());
        model.addAttribute("plan", plan);
        model.addAttribute("quarters", quarters);
        model.addAttribute("mayReview", reviews.mayReview(user, plan.id()));
        return "execution/quarterly-reviews";
    }

    /** A quarter of the plan's year, whether it has begun, and its review if one was started. */
    record QuarterLine(
            SchoolQuarter quarter,
            java.time.LocalDate from,
            java.time.LocalDate to,
            boolean begun,
            QuarterlyReview review) {}

    @PostMapping("/improvement-plans/{id}/quarterly-reviews")
    String start(
            @PathVariable UUID id,
            @RequestParam int quarter,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        try {
            return "redirect:/quarterly-reviews/" + reviews.start(user, id, quarter);
        } catch (ReviewRefused refused) {
            response.setStatus(422);
            model.addAttribute("refused", refused);
            return list(user, reviews.plan(user, id), model);
        }
    }

    @GetMapping("/quarterly-reviews/{id}")
    String review(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        QuarterlyReview review = reviews.review(user, id);
        return page(user, review, typed(review), model);
    }

    @PostMapping("/quarterly-reviews/{id}")
    String save(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String signOff,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        QuarterlyReview review = reviews.review(user, id);
        DecisionRows.Read<Adjustment> read = DecisionRows.read(
                request,
                "adjustment",
                Adjustment.class,
                review.items().stream().map(ReviewItem::id).toList());
        try {
            reviews.save(
                    user,
                    id,
                    EditConflictException.versionRead(version),
                    read.decisions(QuarterlyReviews.Decision::new),
                    signOff != null);
        } catch (ReviewRefused refused) {
            response.setStatus(422);
            model.addAttribute("refused", refused);
            return page(user, review, DecisionRows.merged(typed(review), read.typed()), model);
        } catch (EditConflictException conflict) {
            // theirs is what is saved now; the form keeps what this person typed, over the version saved now
            QuarterlyReview saved = reviews.review(user, id);
            Map<UUID, String> titles = new LinkedHashMap<>();
            saved.items().forEach(item -> titles.put(item.id(), item.title()));
            response.setStatus(409);
            model.addAttribute(
                    "conflict",
                    DecisionRows.conflict(
                            titles,
                            typed(saved),
                            read.typed(),
                            Adjustment.class,
                            "quarterly.adjustment.",
                            messages,
                            LocaleContextHolder.getLocale()));
            return page(user, saved, DecisionRows.merged(typed(saved), read.typed()), model);
        }
        return "redirect:/quarterly-reviews/" + id;
    }

    /** Sets (or, sent blank, clears) the day the review is talked through: it goes into calendar feeds. */
    @PostMapping("/quarterly-reviews/{id}/meeting")
    String meet(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String meetingOn,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        QuarterlyReview review = reviews.review(user, id);
        ForbiddenException.unless(reviews.mayReview(user, review.planId()));
        java.util.Optional<java.time.LocalDate> on = WorkDates.read(meetingOn);
        try {
            if (!meetingOn.isBlank() && on.isEmpty()) {
                throw new ReviewRefused("quarterly.error.meetingDate", List.of(), List.of());
            }
            reviews.meet(user, id, on.orElse(null), EditConflictException.versionRead(version));
        } catch (ReviewRefused refused) {
            response.setStatus(422);
            model.addAttribute("refused", refused);
            model.addAttribute("meetingTyped", meetingOn);
            return page(user, review, typed(review), model);
        } catch (EditConflictException conflict) {
            response.setStatus(409);
            model.addAttribute("meetingConflict", true);
            return page(user, reviews.review(user, id), typed(review), model);
        }
        return "redirect:/quarterly-reviews/" + id + "?meetingSaved";
    }

    private static Map<UUID, Typed> typed(QuarterlyReview review) {
        Map<UUID, Typed> typed = new LinkedHashMap<>();
        review.items()
                .forEach(item -> typed.put(
                        item.id(),
                        new Typed(
                                item.adjustment() == null
                                        ? ""
                                        : item.adjustment().name(),
                                item.note())));
        return typed;
    }

    private String page(SignedInUser user, QuarterlyReview review, Map<UUID, Typed> typed, Model model) {
        PlanSummary plan = reviews.plan(user, review.planId());
        Locale locale = LocaleContextHolder.getLocale();
        String currency = directory.district(user.districtId()).currency();
        List<Row> rows = review.items().stream()
                .map(item -> new Row(
                        item,
                        value(item, item.latest(), locale, currency),
                        item.latestYear() == null
                                ? ""
                                : new org.lodestar.shared.SchoolYear(item.latestYear()).toString(),
                        value(item, item.target(), locale, currency),
                        typed.getOrDefault(item.id(), new Typed("", null))))
                .toList();
        int startMonth = directory.district(user.districtId()).schoolYearStartMonth();
        model.addAttribute("plan", plan);
        model.addAttribute("review", review);
        model.addAttribute("rows", rows);
        model.addAttribute("from", review.quarter().start(startMonth));
        model.addAttribute("to", review.quarter().end(startMonth));
        model.addAttribute("adjustments", Adjustment.values());
        model.addAttribute("editable", !review.signedOff() && reviews.mayReview(user, review.planId()));
        model.addAttribute(
                "signedOffBy",
                review.signedOffBy() == null
                        ? null
                        : directory.namesById(user.districtId()).get(review.signedOffBy()));
        model.addAttribute(
                "signedOffOn",
                review.signedOffAt() == null
                        ? null
                        : java.time.LocalDate.ofInstant(review.signedOffAt(), java.time.ZoneId.systemDefault()));
        Refusals.show(model, messages, locale);
        return "execution/quarterly-review";
    }

    /** A row of the page: the item, its KPI's values written in the page's language, what its fields hold. */
    record Row(ReviewItem item, String latest, String latestYear, String target, Typed typed) {}

    private static String value(ReviewItem item, java.math.BigDecimal value, Locale locale, String currency) {
        if (value == null || item.unit() == null) {
            return null;
        }
        return Values.format(Kpi.Unit.valueOf(item.unit()), value, locale, currency);
    }
}
