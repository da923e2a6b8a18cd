package org.lodestar.platform.audit;

import java.util.Locale;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The history of any item, in words: who changed what, when, before and after; a plan's lists the changes of everything
 * in it. A person's history (their e-mail, roles and
 * sign-in blocks) is for district admins only, like the people page.
 */
@Controller
class HistoryController {

    private final AuditLog log;
    private final HistoryWording wording;
    private final DirectoryApi directory;

    HistoryController(AuditLog log, HistoryWording wording, DirectoryApi directory) {
        this.log = log;
        this.wording = wording;
        this.directory = directory;
    }

    @GetMapping("/history/{entityId}")
    String history(
            @PathVariable UUID entityId, @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        var entries = log.history(user.districtId(), entityId);
        boolean aboutAPerson = directory.person(user.districtId(), entityId).isPresent()
                || entries.stream().anyMatch(entry -> entry.entityType().equals("Person"));
        ForbiddenException.unless(!aboutAPerson || user.isAdmin());
        model.addAttribute("entries", wording.word(user.districtId(), entries, locale));
        return "platform/history";
    }
}
