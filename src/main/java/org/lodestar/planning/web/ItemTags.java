package org.lodestar.planning.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.ComplianceCoverage.TagLabel;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The required-plan tags of a page's goals and outcomes, named by the framework's and the component's titles (codes
 * alone say nothing to a reader), and the frameworks a new tag can be chosen from.
 */
@Component
class ItemTags {

    private final ComplianceFrameworks frameworks;
    private final ComplianceCoverage coverage;

    ItemTags(ComplianceFrameworks frameworks, ComplianceCoverage coverage) {
        this.frameworks = frameworks;
        this.coverage = coverage;
    }

    /** Puts {@code tagsOf} (item id to its tags' labels) and {@code frameworks} (those in use) in the model. */
    void addTo(SignedInUser user, Collection<UUID> itemIds, Model model) {
        Map<UUID, List<TagLabel>> tagsOf = coverage.labelsOf(user, List.copyOf(itemIds)).stream()
                .collect(Collectors.groupingBy(label -> label.tag().itemId()));
        model.addAttribute("tagsOf", tagsOf);
        model.addAttribute(
                "frameworks",
                frameworks.list(user).stream().filter(entry -> !entry.hidden()).toList());
    }
}
