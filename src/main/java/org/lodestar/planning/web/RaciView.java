package org.lodestar.planning.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Person;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.raci.ActionRacis;
import org.lodestar.planning.raci.Raci;
import org.lodestar.planning.raci.RaciEntry;
import org.lodestar.planning.raci.RaciRole;
import org.lodestar.shared.EditConflict;
import org.springframework.stereotype.Component;

/** Makes the RACI part of an action's page: the chart, its flag, and the form for who may change it. */
@Component
public class RaciView {

    private final ActionRacis racis;
    private final DirectoryApi directory;

    RaciView(ActionRacis racis, DirectoryApi directory) {
        this.racis = racis;
        this.directory = directory;
    }

    /** A person's letters as the chart shows them. */
    public record Row(UUID personId, String name, boolean r, boolean a, boolean c, boolean i) {}

    /**
     * The chart of one action as its page shows it.
     *
     * @param addable the district's active people not on the chart yet, for the form's "add a person" row
     * @param error a message key of what was refused, or null
     */
    public record RaciPart(
            UUID strategyId,
            List<Row> rows,
            int version,
            boolean editable,
            long accountableCount,
            List<Person> addable,
            EditConflict conflict,
            String error) {

        public boolean flagged() {
            return accountableCount != 1;
        }
    }

    /** The chart as saved. */
    public RaciPart of(SignedInUser user, UUID strategyId, boolean editable) {
        Raci raci = racis.raci(user, strategyId);
        return part(user, strategyId, raci.entries(), raci.version(), editable, null, null);
    }

    /** The chart as the person sent it, with what was refused or the conflict with what is saved now. */
    RaciPart part(
            SignedInUser user,
            UUID strategyId,
            List<RaciEntry> entries,
            int version,
            boolean editable,
            EditConflict conflict,
            String error) {
        Map<UUID, String> names = directory.namesById(user.districtId());
        List<Row> rows = new ArrayList<>();
        for (RaciEntry entry : entries) {
            rows.add(new Row(
                    entry.personId(),
                    names.getOrDefault(entry.personId(), "?"),
                    entry.responsible(),
                    entry.accountable(),
                    entry.consulted(),
                    entry.informed()));
        }
        Set<UUID> listed = new java.util.HashSet<>();
        entries.forEach(entry -> listed.add(entry.personId()));
        List<Person> addable = editable
                ? directory.people(user.districtId()).stream()
                        .filter(Person::active)
                        .filter(person -> !listed.contains(person.id()))
                        .sorted(Comparator.comparing(Person::displayName))
                        .toList()
                : List.of();
        long accountable = entries.stream().filter(RaciEntry::accountable).count();
        return new RaciPart(strategyId, rows, version, editable, accountable, addable, conflict, error);
    }

    /** What differs between the chart sent and the one saved now, letter by letter, in people's names. */
    EditConflict conflict(SignedInUser user, List<RaciEntry> yours, Raci saved) {
        Map<UUID, String> names = directory.namesById(user.districtId());
        Map<String, String> mine = new java.util.LinkedHashMap<>();
        Map<String, String> theirs = new java.util.LinkedHashMap<>();
        Raci sent = new Raci(saved.strategyId(), yours, saved.version());
        for (RaciRole role : EnumSet.allOf(RaciRole.class)) {
            mine.put("raci.field." + role.name(), named(sent.holding(role), names));
            theirs.put("raci.field." + role.name(), named(saved.holding(role), names));
        }
        return EditConflict.between(mine, theirs);
    }

    private static String named(List<UUID> people, Map<UUID, String> names) {
        return String.join(
                ", ", people.stream().map(id -> names.getOrDefault(id, "?")).toList());
    }
}
