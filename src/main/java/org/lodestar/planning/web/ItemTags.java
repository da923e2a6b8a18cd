package org.lodestar.planning.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ComplianceTag;
import org.lodestar.planning.FrameworkEntry;
import org.lodestar.planning.compliance.Wording;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The required-plan tags of a page's goals and outcomes, named by the framework's and the component's titles (codes
 * alone say nothing to a reader), and the frameworks a new tag can be chosen from.
 */
@Component
class ItemTags {

    /** A tag as a reader sees it; {@code value} is what the remove form sends back. */
    record Shown(String frameworkCode, String componentCode, Wording framework, Wording component) {

        public String value() {
            return frameworkCode + "|" + componentCode;
        }
    }

    private final ComplianceFrameworks frameworks;
    private final ComplianceCoverage coverage;

    ItemTags(ComplianceFrameworks frameworks, ComplianceCoverage coverage) {
        this.frameworks = frameworks;
        this.coverage = coverage;
    }

    /** Puts {@code tagsOf} (item id to its tags) and {@code frameworks} (those in use) in the model. */
    void addTo(SignedInUser user, Collection<UUID> itemIds, Model model) {
        List<FrameworkEntry> all = frameworks.list(user);
        Map<String, FrameworkEntry> byCode =
                all.stream().collect(Collectors.toMap(FrameworkEntry::code, entry -> entry));
        Map<UUID, List<Shown>> tagsOf = coverage.tagsOf(user.districtId(), List.copyOf(itemIds)).stream()
                .collect(Collectors.groupingBy(
                        ComplianceTag::itemId, Collectors.mapping(tag -> shown(tag, byCode), Collectors.toList())));
        model.addAttribute("tagsOf", tagsOf);
        model.addAttribute(
                "frameworks", all.stream().filter(entry -> !entry.hidden()).toList());
    }

    private static Shown shown(ComplianceTag tag, Map<String, FrameworkEntry> byCode) {
        FrameworkEntry entry = byCode.get(tag.frameworkCode());
        Wording code = new Wording(tag.componentCode(), tag.componentCode());
        if (entry == null) {
            return new Shown(tag.frameworkCode(), tag.componentCode(), new Wording(tag.frameworkCode(), null), code);
        }
        return new Shown(
                tag.frameworkCode(),
                tag.componentCode(),
                entry.framework().title(),
                entry.framework()
                        .component(tag.componentCode())
                        .map(org.lodestar.planning.compliance.Component::title)
                        .orElse(code));
    }
}
