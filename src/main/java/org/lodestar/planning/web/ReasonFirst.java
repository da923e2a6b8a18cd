package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Goal;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Asks why before an adopted plan changes from a goal's or an action's page, as the plan's edit mode does: a change
 * posted there (details, costs, tags, alignments, roles) by someone who may edit the plan and gave no reason this
 * sitting goes to the reason's form first, nothing saved, and the form brings them back to the page. The pages
 * themselves show their forms only once a reason is given.
 */
@Configuration
class ReasonFirst implements HandlerInterceptor, WebMvcConfigurer {

    /** A goal's, an action's or a tagged item's changes: {@code /goals/{id}/...}, {@code /actions/{id}...}, ... */
    private static final Pattern CHANGE =
            Pattern.compile("^/(goals|actions|items)/([0-9a-fA-F]{8}-[0-9a-fA-F-]{27})(/.*)?$");

    /** Where the reason's form may send its writer back to: a goal's or an action's page, nothing else. */
    private static final Pattern BACK = Pattern.compile("^/(goals|actions)/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}$");

    private final PlanningApi planning;

    ReasonFirst(PlanningApi planning) {
        this.planning = planning;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/goals/**", "/actions/**", "/items/**");
    }

    /** The reason's form for the plan, bringing its writer back to {@code page}. */
    static String form(UUID planId, String page) {
        return "/plans/" + planId + "/reason?then=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
    }

    /** {@code then} when it is a goal's or an action's page, otherwise null. */
    static String back(String then) {
        return then != null && BACK.matcher(then).matches() ? then : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        Matcher change = CHANGE.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!change.matches() || auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return true;
        }
        UUID item = UUID.fromString(change.group(2));
        Optional<PlanSummary> plan = planOf(user.districtId(), item);
        if (plan.isEmpty()
                || !PlanVersionsController.reasonWanted(plan.get(), request.getSession(false))
                || !planning.canEdit(user, plan.get().id())) {
            return true;
        }
        String goal = request.getParameter("goal");
        String page = "actions".equals(change.group(1)) || "goals".equals(change.group(1))
                ? "/" + change.group(1) + "/" + item
                : back("/goals/" + goal) != null ? "/goals/" + goal : "/actions/" + item;
        String form = request.getContextPath() + form(plan.get().id(), page);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", form);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(form);
        }
        return false;
    }

    private Optional<PlanSummary> planOf(UUID districtId, UUID item) {
        Optional<UUID> planId = planning.goal(districtId, item)
                .map(Goal::planId)
                .or(() -> planning.strategy(districtId, item).map(Strategy::planId))
                .or(() -> planning.outcome(districtId, item).map(Outcome::planId));
        return planId.map(id -> planning.plan(districtId, id));
    }
}
