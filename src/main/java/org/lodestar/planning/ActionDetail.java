package org.lodestar.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.planning.compliance.EvidenceTier;

/**
 * What an improvement plan says of one of its actions (a strategy of the plan) beyond its title and owner: every field
 * optional, since the plan-quality review, not the form, says what is missing.
 *
 * @param people the people involved besides the owner
 * @param needs the needs it answers, in words until needs are assessed in Lodestar
 * @param evidenceBasis the study or reason behind its evidence tier
 * @param implementationEvidence what will show it was done
 * @param impactEvidence what will show it worked
 * @param studentGroups the codes of the student groups it serves (none: every student)
 * @param version raised by every save (optimistic locking)
 */
public record ActionDetail(
        UUID strategyId,
        String description,
        LocalDate start,
        LocalDate end,
        List<UUID> people,
        String resources,
        String needs,
        EvidenceTier evidenceTier,
        String evidenceBasis,
        String implementationEvidence,
        String impactEvidence,
        List<String> studentGroups,
        int version) {

    public ActionDetail {
        people = people == null ? List.of() : List.copyOf(people);
        studentGroups = studentGroups == null ? List.of() : List.copyOf(studentGroups);
    }

    /** An action nothing has been said of yet. */
    public static ActionDetail empty(UUID strategyId) {
        return new ActionDetail(
                strategyId, null, null, null, List.of(), null, null, null, null, null, null, List.of(), 0);
    }
}
