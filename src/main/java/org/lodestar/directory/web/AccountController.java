package org.lodestar.directory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.directory.domain.DirectoryAdministration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One's own account: password and personal API tokens. */
@Controller
class AccountController {

    private final DirectoryAdministration administration;
    private final ApiTokenStore tokens;

    AccountController(DirectoryAdministration administration, ApiTokenStore tokens) {
        this.administration = administration;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm("", ""));
        }
        model.addAttribute("tokens", tokens.forUser(user.districtId(), user.userId()));
        return "directory/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        if (!errors.hasErrors() && !administration.changePassword(user, form.current(), form.next())) {
            errors.rejectValue("current", "directory.account.wrongPassword");
        }
        if (errors.hasErrors()) {
            return show(user, model);
        }
        return "redirect:/account?passwordChanged";
    }

    /** The secret is handed over once, through a redirect, so that reloading the page neither shows nor remakes it. */
    @PostMapping("/account/tokens")
    String createToken(
            @RequestParam(defaultValue = "") String name,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        String label = name.isBlank() ? "API" : name.strip();
        redirect.addFlashAttribute(
                "newToken", administration.createToken(user, label.substring(0, Math.min(label.length(), 100))));
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        administration.revokeToken(user, id);
        return "redirect:/account";
    }

    record PasswordForm(
            @NotBlank String current,
            @NotBlank @Size(min = 10, max = 200) String next) {}
}
