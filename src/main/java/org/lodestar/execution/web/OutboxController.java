package org.lodestar.execution.web;

import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.mail.Outbox;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The district's outbox for its admins: every mail Lodestar wrote, newest first, whether it went out, and each mail's
 * plain text and HTML (the HTML shown as its source, escaped: nothing in a mail runs in the admin's page).
 */
@Controller
class OutboxController {

    private static final int SHOWN = 200;

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("mails", outbox.newest(user, SHOWN));
        model.addAttribute("shown", SHOWN);
        return "execution/outbox";
    }

    @GetMapping("/admin/outbox/{id}")
    String mail(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("mail", outbox.mail(user, id));
        return "execution/outbox-mail";
    }
}
