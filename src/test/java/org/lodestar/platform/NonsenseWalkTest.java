package org.lodestar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Posts every form of the application as a district admin (who may use them all) with nonsense where numbers belong:
 * text, numbers too large for any column, fractions where whole numbers belong. Each answer is a page or a redirect,
 * never a server error. Every request runs in a transaction that is rolled back, so the demo district is untouched.
 */
@LodestarTest
class NonsenseWalkTest {

    private static final Set<String> NOT_FORMS = Set.of("/login", "/logout", "/setup");
    private static final List<String> NUMERIC_FIELDS = List.of(
            "firstYear",
            "lastYear",
            "capacity",
            "baselineValue",
            "baselineYear",
            "baseline",
            "target",
            "value",
            "n",
            "period",
            "targets[0].year",
            "targets[0].value",
            "minimumN",
            "schoolYearStartMonth",
            "statusTolerancePercent",
            "fromYear",
            "units",
            "sharePercent",
            "elementary",
            "middle",
            "high",
            "ratioK3",
            "ratio45",
            "ratioSecondary",
            "attritionPercent");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noFormAnswersNonsenseWithAServerError() {
        SignedInUser admin = fixtures.user("admin@lakeview.example");
        UUID plan = fixtures.any("select id from plan where district_id = ? and school_id is null");
        UUID goal = fixtures.any("select id from goal where district_id = ? and plan_id in "
                + "(select id from plan where school_id is null)");
        UUID outcome = fixtures.any("select id from outcome where district_id = ?");
        UUID kpi = fixtures.any("select id from kpi where district_id = ?");
        UUID school = fixtures.any("select id from school where district_id = ?");
        Map<String, String> ids = Map.of(
                "planId", plan.toString(),
                "outcomeId", outcome.toString(),
                "districtGoal", goal.toString(),
                "tier", "goal");
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        List<String> walked = new ArrayList<>();
        for (String nonsense : List.of("abc", "99999999999999999999", "2.5", "-1", "1e400")) {
            for (String path : formRoutes()) {
                if (path.endsWith("/delete") || path.endsWith("/move") || path.endsWith("/revoke")) {
                    continue;
                }
                String filled =
                        fill(path, ids, path.startsWith("/kpis") ? kpi : path.contains("school") ? school : goal);
                var request = post(filled).with(user(admin)).with(csrf());
                request.param("title", "Nonsense").param("name", "Nonsense").param("displayName", "Nonsense");
                request.param("kind", "STRATEGIC").param("status", "DRAFT").param("level", "ELEMENTARY");
                request.param("lowestGrade", "K").param("highestGrade", "5").param("schoolYear", "2025-26");
                request.param("groupCode", "ALL").param("unit", "PERCENT").param("direction", "HIGHER_IS_BETTER");
                request.param("frequency", "ANNUAL").param("email", "nonsense@lakeview.example");
                NUMERIC_FIELDS.forEach(field -> request.param(field, nonsense));
                int status = rolledBack.execute(tx -> {
                    tx.setRollbackOnly();
                    try {
                        return mvc.perform(request).andReturn().getResponse().getStatus();
                    } catch (Exception serverError) {
                        throw new AssertionError(path + " with " + nonsense + " threw " + serverError, serverError);
                    }
                });
                walked.add(path + " " + nonsense + " -> " + status);
                assertThat(status).as(path + " with " + nonsense).isLessThan(500);
            }
        }
        assertThat(walked).hasSizeGreaterThan(50);
    }

    private List<String> formRoutes() {
        List<String> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/") && !NOT_FORMS.contains(path)) {
                    routes.add(path);
                }
            }
        }
        routes.sort(String::compareTo);
        return routes;
    }

    private static String fill(String pattern, Map<String, String> ids, UUID fallback) {
        Matcher matcher = Pattern.compile("\\{([a-zA-Z]+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, ids.getOrDefault(matcher.group(1), fallback.toString()));
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
