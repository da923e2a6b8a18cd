package org.lodestar.planning.compliance;

import java.util.List;

/**
 * One thing a required plan must contain or show: a heading of the framework's document and what a district tags its
 * goals, actions, outcomes and needs against.
 *
 * @param requirement what the law asks, in plain words
 * @param toBeChecked the fact behind it was not confirmed in a source when the framework was written
 */
public record Component(
        String code,
        Wording title,
        Wording requirement,
        String citation,
        PlanLevel level,
        List<String> funds,
        boolean toBeChecked,
        List<String> sources) {

    public Component {
        funds = funds == null ? List.of() : List.copyOf(funds);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
