package org.lodestar.execution.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finish-to-start dependencies between tasks must never go round in a circle: a task cannot wait for itself, directly
 * or through others. Given the dependencies that exist, this says whether a new one would close a circle, and which
 * tasks it would go through, so the refusal can name the chain.
 */
public final class DependencyCycles {

    /** task -> the tasks it depends on */
    private final Map<UUID, List<UUID>> dependsOn = new HashMap<>();

    /** @param edges each {task, the task it depends on} */
    public DependencyCycles(Collection<UUID[]> edges) {
        for (UUID[] edge : edges) {
            dependsOn.computeIfAbsent(edge[0], key -> new ArrayList<>()).add(edge[1]);
        }
    }

    /**
     * The circle that "{@code task} depends on {@code on}" would close, as the tasks in order from {@code task} back to
     * {@code task} ({@code [A, B, A]}: A waits for B, B waits for A); empty when it closes none. A task depending on
     * itself is the circle {@code [A, A]}.
     */
    public Optional<List<UUID>> closedBy(UUID task, UUID on) {
        if (task.equals(on)) {
            return Optional.of(List.of(task, task));
        }
        // breadth first from "on" along what it waits for: reaching "task" means "task" would wait for itself
        Map<UUID, UUID> cameFrom = new HashMap<>();
        Set<UUID> seen = new HashSet<>(List.of(on));
        Deque<UUID> queue = new ArrayDeque<>(List.of(on));
        while (!queue.isEmpty()) {
            UUID current = queue.removeFirst();
            for (UUID next : dependsOn.getOrDefault(current, List.of())) {
                if (next.equals(task)) {
                    List<UUID> chain = new ArrayList<>();
                    for (UUID step = current; step != null; step = cameFrom.get(step)) {
                        chain.add(0, step);
                    }
                    chain.add(0, task);
                    chain.add(task);
                    return Optional.of(chain);
                }
                if (seen.add(next)) {
                    cameFrom.put(next, current);
                    queue.addLast(next);
                }
            }
        }
        return Optional.empty();
    }
}
