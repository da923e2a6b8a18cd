package org.lodestar.engagement.surveys;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lodestar.engagement.SurveyState;
import org.lodestar.shared.NotFoundException;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A survey's public link, answered without signing in, in English or Spanish ({@code ?lang=es}, else the browser's
 * language). One response per browser: an HttpOnly cookie holds a random id, and a response keeps only the hash of
 * that id with its survey. Every answer is bounded; a refusal says why and saves nothing. The page is never cached:
 * it carries a fresh signed time and tells a browser that answered apart from one that did not.
 */
@Controller
class SurveyPublicController {

    static final String COOKIE = "lodestar-respondent";
    static final String ANSWER = "a-";
    private static final int MAX_TOKEN = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyStore store;
    private final SurveyAnswering answering;

    SurveyPublicController(SurveyStore store, SurveyAnswering answering) {
        this.store = store;
        this.answering = answering;
    }

    @GetMapping("/s/{token}")
    String show(
            @PathVariable String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Survey survey = survey(token);
        noStore(response);
        String browser = browserId(request, response);
        String state = !survey.takesAnswers(answering.today())
                ? "closed"
                : answering.answered(survey, browser) ? "already" : "form";
        return page(survey, state, locale, model, Map.of(), Map.of(), null);
    }

    @PostMapping("/s/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Survey survey = survey(token);
        noStore(response);
        String browser = browserId(request, response);
        Map<String, List<String>> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(ANSWER) && name.length() < 20) {
                answers.put(name.substring(ANSWER.length()), values == null ? List.of() : new ArrayList<>(values));
            }
        });
        SurveyAnswering.Result result = answering.submit(
                survey,
                locale.getLanguage(),
                browser,
                params.getFirst("website"),
                params.getFirst("stamp"),
                params.getFirst("audience"),
                answers);
        return switch (result.outcome()) {
            case SAVED -> page(survey, "thanks", locale, model, Map.of(), Map.of(), null);
            case ALREADY_ANSWERED -> {
                response.setStatus(409);
                yield page(survey, "already", locale, model, Map.of(), Map.of(), null);
            }
            case CLOSED -> {
                response.setStatus(410);
                yield page(survey, "closed", locale, model, Map.of(), Map.of(), null);
            }
            case SPAM, TOO_FAST, TOO_OLD, INVALID -> {
                response.setStatus(422);
                String refusal = switch (result.outcome()) {
                    case SPAM -> "survey.public.spam";
                    case TOO_FAST -> "survey.public.tooFast";
                    case TOO_OLD -> "survey.public.tooOld";
                    default -> "survey.public.invalid";
                };
                yield page(
                        survey,
                        "form",
                        locale,
                        model,
                        result.problems(),
                        answers,
                        refusal,
                        params.getFirst("audience"));
            }
        };
    }

    private String page(
            Survey survey,
            String state,
            Locale locale,
            Model model,
            Map<String, String> problems,
            Map<String, List<String>> given,
            String refusal) {
        return page(survey, state, locale, model, problems, given, refusal, null);
    }

    private String page(
            Survey survey,
            String state,
            Locale locale,
            Model model,
            Map<String, String> problems,
            Map<String, List<String>> given,
            String refusal,
            String audience) {
        String language = "es".equals(locale.getLanguage()) ? "es" : "en";
        model.addAttribute("publicPage", true);
        model.addAttribute("survey", survey);
        model.addAttribute("lang", language);
        model.addAttribute("state", state);
        model.addAttribute("surveyTitle", survey.title(language));
        model.addAttribute("surveyIntro", survey.intro(language));
        model.addAttribute(
                "otherLanguageUrl", "/s/" + survey.token() + "?lang=" + ("es".equals(language) ? "en" : "es"));
        if ("form".equals(state)) {
            model.addAttribute("questions", store.questions(survey.districtId(), survey.id()));
            model.addAttribute("stamp", answering.stamp(survey));
            model.addAttribute("problems", problems);
            model.addAttribute("given", given);
            model.addAttribute("refusal", refusal);
            model.addAttribute("chosenAudience", audience);
            model.addAttribute("maxText", SurveyAnswering.MAX_TEXT);
        }
        return "engagement/survey-public";
    }

    /** The survey of a link; a draft, or a token that is none, is not found. */
    private Survey survey(String token) {
        if (token.length() > MAX_TOKEN) {
            throw new NotFoundException("survey");
        }
        return store.byToken(token)
                .filter(s -> s.state() != SurveyState.DRAFT)
                .orElseThrow(() -> new NotFoundException("survey"));
    }

    /** The page differs per browser (answered or not) and carries a fresh signed time: no cache may keep it. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    /** This browser's random id, made and set in its cookie on its first visit. */
    private static String browserId(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                String value = cookie.getValue();
                if (COOKIE.equals(cookie.getName()) && value != null && value.matches("[A-Za-z0-9_-]{20,64}")) {
                    return value;
                }
            }
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(COOKIE, id)
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Lax")
                        .path("/s/")
                        .maxAge(Duration.ofDays(400))
                        .build()
                        .toString());
        return id;
    }
}
