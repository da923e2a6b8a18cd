package org.lodestar.execution.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DependencyCyclesTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();

    @Test
    void aTaskWaitingForItselfIsTheShortestCircle() {
        assertThat(new DependencyCycles(List.of()).closedBy(a, a)).contains(List.of(a, a));
    }

    @Test
    void theCircleIsNamedInOrderFromTheTaskBackToIt() {
        // b waits for a, c waits for b: a waiting for c closes a -> c -> b -> a
        DependencyCycles graph = new DependencyCycles(List.of(new UUID[] {b, a}, new UUID[] {c, b}));
        assertThat(graph.closedBy(a, c)).contains(List.of(a, c, b, a));
        assertThat(graph.closedBy(a, b)).contains(List.of(a, b, a));
    }

    @Test
    void aDiamondOrAChainWithoutReturnClosesNothing() {
        // d waits for b and c, both wait for a: a second path is not a circle
        DependencyCycles graph = new DependencyCycles(
                List.of(new UUID[] {b, a}, new UUID[] {c, a}, new UUID[] {d, b}, new UUID[] {d, c}));
        assertThat(graph.closedBy(d, a)).isEmpty();
        assertThat(graph.closedBy(c, b)).isEmpty();
        assertThat(graph.closedBy(a, d)).contains(List.of(a, d, b, a));
    }
}
