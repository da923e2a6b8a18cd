package org.lodestar.engagement.themes;

import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public "you said, we did" page of a district at {@code /p/{district}/you-said-we-did}: no sign-in, English or
 * Spanish (as the public scorecard, {@code ?lang=}), only published entries, and no comment's text but the quote a
 * planner chose, left out once the comment is hidden. The same page for every visitor: it carries no form token.
 */
@Controller
class YouSaidPublicController {

    private final DirectoryApi directory;
    private final YouSaidStore entries;

    YouSaidPublicController(DirectoryApi directory, YouSaidStore entries) {
        this.directory = directory;
        this.entries = entries;
    }

    @GetMapping("/p/{slug}/you-said-we-did")
    String page(@PathVariable String slug, Model model) {
        District district = directory.publicDistrict(slug).orElseThrow(() -> new NotFoundException("district"));
        model.addAttribute("publicDistrict", district);
        model.addAttribute("entries", entries.published(district.id()));
        model.addAttribute("publicPage", true);
        return "engagement/you-said-we-did";
    }
}
