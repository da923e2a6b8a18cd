package org.lodestar.planning.compliance;

import java.util.List;
import java.util.Optional;

/**
 * A required plan as data (ESEA §1114 schoolwide plan, TEC 11.253 campus plan...): its components in the order its
 * document lists them. A new version is a new record; versions are never changed in place.
 *
 * @param jurisdiction "US" for federal law, a state's postal code for a state's
 * @param funds the funds it concerns (codes of {@link FundingSource} or of the district's own sources)
 * @param shortTitle what lists of tags call it ("Title I schoolwide"); optional, the title stands in for it
 */
public record Framework(
        String code,
        int version,
        String jurisdiction,
        PlanLevel level,
        List<String> funds,
        String citation,
        Wording title,
        Wording shortTitle,
        Wording purpose,
        Wording reviewCadence,
        List<Component> components) {

    public Framework {
        funds = funds == null ? List.of() : List.copyOf(funds);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** The short title where there is one, else the title: what a list of an item's tags shows. */
    public Wording label() {
        return shortTitle == null || shortTitle.missing() ? title : shortTitle;
    }

    public Optional<Component> component(String componentCode) {
        return components.stream().filter(c -> c.code().equals(componentCode)).findFirst();
    }

    public long toBeChecked() {
        return components.stream().filter(Component::toBeChecked).count();
    }

    /** The same framework as the next version. */
    public Framework nextVersion() {
        return withVersion(version + 1);
    }

    public Framework withVersion(int newVersion) {
        return new Framework(
                code,
                newVersion,
                jurisdiction,
                level,
                funds,
                citation,
                title,
                shortTitle,
                purpose,
                reviewCadence,
                components);
    }
}
