package org.lodestar.platform.web;

import jakarta.servlet.http.HttpSession;
import org.lodestar.directory.DirectoryApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
public class SignInController {

    /** Set in the session when a password opened accounts in several districts: slug to name, offered to choose. */
    public static final String DISTRICT_CHOICES = "lodestar.signIn.districts";

    public static final String CHOSEN_EMAIL = "lodestar.signIn.email";

    private final DirectoryApi directory;

    SignInController(DirectoryApi directory) {
        this.directory = directory;
    }

    /** A new installation without any district sends its first visitor to set-up instead. */
    @GetMapping("/login")
    String signIn(HttpSession session, Model model) {
        if (directory.noDistrictYet()) {
            return "redirect:/setup";
        }
        if (session != null) {
            model.addAttribute("districtChoices", session.getAttribute(DISTRICT_CHOICES));
            model.addAttribute("chosenEmail", session.getAttribute(CHOSEN_EMAIL));
        }
        return "platform/login";
    }
}
