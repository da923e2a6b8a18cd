package org.lodestar.platform.audit;

import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The history of any item, in words: who changed what, when, before and after; a plan's lists the changes of everything
 * in it. A person's history (their e-mail, roles and
 * sign-in blocks) is for district admins only, like the people page.
 */
@Controller
class HistoryController {

    /** A plan's history holds every value of its KPIs: read a page at a time. */
    static final int PAGE = 50;

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
            @PathVariable UUID entityId,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model) {
        int shown = Math.max(page, 0);
        // one more than a page tells whether there are older changes
        var entries = new ArrayList<>(log.history(user.districtId(), entityId, shown * PAGE, PAGE + 1));
        boolean older = entries.size() > PAGE;
        if (older) {
            entries.remove(PAGE);
        }
        boolean aboutAPerson = directory.person(user.districtId(), entityId).isPresent()
                || entries.stream().anyMatch(entry -> entry.entityType().equals("Person"));
        ForbiddenException.unless(!aboutAPerson || user.isAdmin());
        model.addAttribute("entries", wording.word(user.districtId(), entries, locale));
        model.addAttribute("entityId", entityId);
        model.addAttribute("page", shown);
        model.addAttribute("older", older);
        return "platform/history";
    }
}
