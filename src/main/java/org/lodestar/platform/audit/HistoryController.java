package org.lodestar.platform.audit;

import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The history of any item: who changed what, when, before and after. */
@Controller
class HistoryController {

    private final AuditLog log;

    HistoryController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/history/{entityId}")
    String history(@PathVariable UUID entityId, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("entries", log.history(user.districtId(), entityId));
        return "platform/history";
    }
}
