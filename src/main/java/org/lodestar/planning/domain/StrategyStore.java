package org.lodestar.planning.domain;

import org.lodestar.planning.Strategy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Strategies; a removed one keeps its row, because execution's projects still point at it. */
@Repository
public class StrategyStore extends GoalItemStore<Strategy> {

    private static final String TABLE = "strategy";

    StrategyStore(JdbcClient jdbc) {
        super(jdbc, TABLE);
    }

    @Override
    Strategy record(GoalItem item) {
        return new Strategy(
                item.id(),
                item.goalId(),
                item.planId(),
                item.title(),
                item.titleTranslation(),
                item.ownerId(),
                item.position(),
                item.version());
    }
}
