package org.lodestar.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.DirectoryAdministration;
import org.lodestar.directory.domain.PasswordRule;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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
    private final PasswordRule passwordRule;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountController(DirectoryAdministration administration, PasswordRule passwordRule) {
        this.administration = administration;
        this.passwordRule = passwordRule;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm("", ""));
        }
        model.addAttribute("tokens", administration.tokens(user));
        model.addAttribute("mailLanguage", administration.mailLanguage(user));
        return "directory/account";
    }

    /** The language of one's mail: English, Spanish, or (empty) the district's; anything else is refused. */
    @PostMapping("/account/mail-language")
    String mailLanguage(
            @RequestParam(defaultValue = "") String language,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        if (!language.isEmpty() && !language.equals("en") && !language.equals("es")) {
            response.setStatus(422);
            model.addAttribute("mailLanguageError", true);
            return show(user, model);
        }
        administration.setMailLanguage(user, language.isEmpty() ? null : language);
        return "redirect:/account?mailLanguageSaved";
    }

    @PostMapping("/account/password")
    String changePassword(
            @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!errors.hasFieldErrors("next")) {
            passwordRule.problem(form.next()).ifPresent(problem -> errors.rejectValue("next", problem));
        }
        if (errors.hasErrors()) {
            return show(user, model);
        }
        Optional<SignedInUser> changed = administration.changePassword(user, form.current(), form.next());
        if (changed.isEmpty()) {
            errors.rejectValue("current", "directory.account.wrongPassword");
            return show(user, model);
        }
        keepThisSession(changed.get(), request, response);
        return "redirect:/account?passwordChanged";
    }

    /**
     * A password change ends every session opened with the old password; this one carries on under a new session id
     * with the account as it now is.
     */
    private void keepThisSession(SignedInUser account, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
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

    record PasswordForm(@NotBlank String current, @NotBlank String next) {}
}
