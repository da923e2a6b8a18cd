package org.lodestar.planning.compliance;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the funding rules are checked against: the district's allocation per fund for a year and the plans' costs. */
public record FundingPlan(Map<String, BigDecimal> allocations, List<CostLine> costs) {

    public FundingPlan {
        allocations = Map.copyOf(allocations);
        costs = List.copyOf(costs);
    }

    public Optional<BigDecimal> allocation(String fund) {
        return Optional.ofNullable(allocations.get(fund));
    }

    /** The costs of a fund for any of the purposes (all purposes when none are given), at any level. */
    BigDecimal spent(String fund, Purpose... purposes) {
        return sum(fund, null, purposes);
    }

    BigDecimal spentAt(String fund, PlanLevel level, Purpose... purposes) {
        return sum(fund, level, purposes);
    }

    List<CostLine> of(String fund) {
        return costs.stream().filter(cost -> cost.fund().equals(fund)).toList();
    }

    private BigDecimal sum(String fund, PlanLevel level, Purpose... purposes) {
        Set<Purpose> wanted = purposes.length == 0 ? Set.of(Purpose.values()) : Set.copyOf(Arrays.asList(purposes));
        return costs.stream()
                .filter(cost -> cost.fund().equals(fund) && wanted.contains(cost.purpose()))
                .filter(cost -> level == null || cost.level() == level)
                .map(CostLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
