package org.lodestar.directory.web;

import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.SignInAccounts;
import org.lodestar.shared.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** District admins read the sign-in attempts on their people's addresses: failures, blocks and successes. */
@Controller
class SignInActivityController {

    private final SignInAccounts accounts;

    SignInActivityController(SignInAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/sign-ins")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        model.addAttribute("attempts", accounts.recent(user.districtId()));
        return "directory/sign-ins";
    }
}
