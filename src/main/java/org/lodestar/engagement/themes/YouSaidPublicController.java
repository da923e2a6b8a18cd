package org.lodestar.engagement.themes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.Bilingual;
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
    private final PlanningApi planning;

    YouSaidPublicController(DirectoryApi directory, YouSaidStore entries, PlanningApi planning) {
        this.directory = directory;
        this.entries = entries;
        this.planning = planning;
    }

    @GetMapping("/p/{slug}/you-said-we-did")
    String page(@PathVariable String slug, Model model) {
        District district = directory.publicDistrict(slug).orElseThrow(() -> new NotFoundException("district"));
        model.addAttribute("publicDistrict", district);
        List<YouSaidStore.Published> published = entries.published(district.id());
        model.addAttribute("entries", published);
        model.addAttribute("changed", changed(district.id(), published));
        model.addAttribute("publicPage", true);
        return "engagement/you-said-we-did";
    }

    /**
     * The titles, in both languages, of the goals and actions each entry names as changed: the planner chose them for
     * the public when publishing the entry. An item removed from its plan since is left out.
     */
    private Map<UUID, List<Bilingual>> changed(UUID districtId, List<YouSaidStore.Published> published) {
        Map<UUID, List<Bilingual>> changed = new HashMap<>();
        for (YouSaidStore.Published entry : published) {
            changed.put(
                    entry.id(),
                    entry.itemIds().stream()
                            .map(item -> planning.strategy(districtId, item)
                                    .map(Strategy::titles)
                                    .or(() -> planning.goal(districtId, item).map(Goal::titles)))
                            .flatMap(Optional::stream)
                            .toList());
        }
        return changed;
    }
}
