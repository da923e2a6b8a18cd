package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.hooks.WebhookEvent;
import org.lodestar.execution.hooks.WebhookRefused;
import org.lodestar.execution.hooks.Webhooks;
import org.lodestar.shared.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district's webhooks for its admins: the list and the form to register one (its secret shown once, on the page the
 * form leads to), each webhook's latest deliveries with every attempt, a test ping, switching it off and on, deleting.
 */
@Controller
class WebhooksController {

    private static final int SHOWN = 50;

    private final Webhooks webhooks;

    WebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** What the form sent back, shown again when it is refused (never the secret). */
    record WebhookForm(String url, List<String> events) {}

    @GetMapping("/admin/webhooks")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        return page(user, new WebhookForm("", List.of()), List.of(), model);
    }

    @PostMapping("/admin/webhooks")
    String register(
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret,
            @RequestParam(name = "events", required = false) List<String> events,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(user.isAdmin());
        List<String> chosen =
                events == null ? List.of() : events.stream().limit(10).toList();
        try {
            Webhooks.Registered registered = webhooks.register(user, url, secret, chosen);
            redirect.addFlashAttribute("secret", registered.secret());
            return "redirect:/admin/webhooks/" + registered.id();
        } catch (WebhookRefused refused) {
            response.setStatus(422);
            return page(user, new WebhookForm(url, chosen), refused.problems(), model);
        }
    }

    @GetMapping("/admin/webhooks/{id}")
    String webhook(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("webhook", webhooks.webhook(user, id));
        model.addAttribute("deliveries", webhooks.deliveries(user, id, SHOWN));
        model.addAttribute("shown", SHOWN);
        return "execution/webhook";
    }

    @PostMapping("/admin/webhooks/{id}/ping")
    String ping(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        webhooks.ping(user, id);
        return "redirect:/admin/webhooks/" + id + "?pinged";
    }

    @PostMapping("/admin/webhooks/{id}/enabled")
    String enabled(@PathVariable UUID id, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInUser user) {
        webhooks.setEnabled(user, id, enabled);
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        webhooks.delete(user, id);
        return "redirect:/admin/webhooks?deleted";
    }

    private String page(SignedInUser user, WebhookForm form, List<WebhookRefused.Problem> problems, Model model) {
        model.addAttribute("webhooks", webhooks.all(user));
        model.addAttribute("eventChoices", WebhookEvent.values());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "execution/webhooks";
    }
}
