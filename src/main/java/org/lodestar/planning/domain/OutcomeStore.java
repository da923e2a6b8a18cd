package org.lodestar.planning.domain;

import org.lodestar.planning.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outcomes; a removed one keeps its row, because measures' KPIs still point at it. */
@Repository
public class OutcomeStore extends GoalItemStore<Outcome> {

    private static final String TABLE = "outcome";

    OutcomeStore(JdbcClient jdbc) {
        super(jdbc, TABLE);
    }

    @Override
    Outcome record(GoalItem item) {
        return new Outcome(
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
