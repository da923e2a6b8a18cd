package org.lodestar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every signed-in page needs: the person and their district, with its tier names in the page's language. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    private final DirectoryApi directory;

    PageModel(DirectoryApi directory) {
        this.directory = directory;
    }

    @ModelAttribute("me")
    SignedInUser me(@AuthenticationPrincipal SignedInUser user) {
        return user;
    }

    /**
     * The page itself in the other language: the same path with every other parameter kept (a plan's school, the
     * scorecard's filters), only {@code lang} changed.
     */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request, Locale locale) {
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("lang", "es".equals(locale.getLanguage()) ? "en" : "es")
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }

    /** The person's district, and its names for the tiers of its plans in the page's language ({@code tiers}). */
    @ModelAttribute
    void district(@AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        District district = user == null ? null : directory.district(user.districtId());
        model.addAttribute("district", district);
        model.addAttribute("tiers", district == null ? null : district.tiersIn(locale.getLanguage()));
    }
}
