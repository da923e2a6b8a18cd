package org.lodestar.reports;

import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where sign-in lands: each person's home page, chosen by the broadest role they hold (someone who plans for the
 * district sees the district, a principal their school, a contributor what they record, anyone else the scorecard
 * summary).
 */
@Controller
class HomeController {

    private final HomePages pages;

    HomeController(HomePages pages) {
        this.pages = pages;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        var locale = LocaleContextHolder.getLocale();
        // the district every page's model holds (platform's PageModel): the language its plan was entered in
        String language = ((District) model.getAttribute("district")).defaultLanguage();
        if (user.canPlanForDistrict()) {
            model.addAttribute("home", pages.district(user, locale, language));
            return "reports/home-district";
        }
        if (!user.ledSchools().isEmpty()) {
            model.addAttribute("home", pages.school(user));
            return "reports/home-school";
        }
        if (!HomePages.contributingSchools(user).isEmpty()) {
            model.addAttribute("home", pages.contributor(user));
            return "reports/home-contributor";
        }
        model.addAttribute("home", pages.board(user, locale, language));
        return "reports/home-board";
    }
}
