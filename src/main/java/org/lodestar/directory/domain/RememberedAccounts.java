package org.lodestar.directory.domain;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.DistrictChanges;
import org.springframework.stereotype.Component;

/**
 * Accounts (a person and their grants) as every signed-in request reads them again, remembered under the version of
 * the district's data ({@link DistrictChanges}), as {@link RememberedDistricts} remembers districts: a request then
 * reads neither the person nor their grants, only the version (and not even that while it is remembered). Every
 * change of a person is audited (deactivated, a grant added or taken away, a new password), so it raises the version
 * and the account is read again at the next request: on this node at once, on another within the time a version is
 * remembered ({@code lodestar.changes.remembered}). Inside a transaction that changed the district, the account is read
 * from the database.
 */
@Component
public class RememberedAccounts {

    /** More accounts than this in use at once (a large state deployment) and the memory starts over. */
    private static final int MAX_ACCOUNTS = 20_000;

    private final PersonStore people;
    private final DistrictChanges changes;
    private final Map<Key, Known> accounts = new ConcurrentHashMap<>();

    RememberedAccounts(PersonStore people, DistrictChanges changes) {
        this.people = people;
        this.changes = changes;
    }

    private record Key(UUID districtId, UUID userId) {}

    private record Known(Optional<SignedInUser> account, long version) {}

    /** The account as it is now (empty when there is none), whether or not it may sign in. */
    public Optional<SignedInUser> find(UUID districtId, UUID userId) {
        OptionalLong version = changes.version(districtId); // before the account, so that what is kept is never older
        if (version.isEmpty()) {
            return people.findAccount(districtId, userId);
        }
        Key key = new Key(districtId, userId);
        Known known = accounts.get(key);
        if (known != null && known.version() == version.getAsLong()) {
            return known.account();
        }
        Optional<SignedInUser> read = people.findAccount(districtId, userId);
        if (accounts.size() >= MAX_ACCOUNTS) {
            accounts.clear();
        }
        accounts.put(key, new Known(read, version.getAsLong()));
        return read;
    }
}
