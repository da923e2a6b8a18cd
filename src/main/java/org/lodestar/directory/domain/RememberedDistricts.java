package org.lodestar.directory.domain;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lodestar.directory.District;
import org.lodestar.shared.DistrictChanges;
import org.springframework.stereotype.Component;

/**
 * Districts as every request reads them (for its language, its layout, a public page's address), remembered under the
 * version of the district's data ({@link DistrictChanges}): a request then asks the database for the version only,
 * and not even that while the version is remembered. A change of a district's settings is audited, so it raises the
 * version and the district is read again at the next request. Inside a transaction that changed the district, the
 * district is read from the database.
 */
@Component
public class RememberedDistricts {

    private final DistrictStore store;
    private final DistrictChanges changes;
    private final Map<UUID, Known> byId = new ConcurrentHashMap<>();
    private final Map<String, UUID> idsBySlug = new ConcurrentHashMap<>();

    RememberedDistricts(DistrictStore store, DistrictChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    private record Known(District district, long version) {}

    public Optional<District> find(UUID id) {
        OptionalLong version = changes.version(id); // before the district, so that what is kept is never older
        if (version.isEmpty()) {
            return store.find(id);
        }
        Known known = byId.get(id);
        if (known != null && known.version() == version.getAsLong()) {
            return Optional.of(known.district());
        }
        Optional<District> read = store.find(id);
        read.ifPresentOrElse(
                district -> {
                    byId.put(id, new Known(district, version.getAsLong()));
                    idsBySlug.put(district.slug(), id);
                },
                () -> byId.remove(id));
        return read;
    }

    public Optional<District> findBySlug(String slug) {
        UUID id = idsBySlug.get(slug);
        if (id == null) {
            id = store.findBySlug(slug).map(District::id).orElse(null);
            if (id == null) {
                return Optional.empty();
            }
        }
        Optional<District> district = find(id).filter(found -> found.slug().equals(slug));
        if (district.isEmpty()) {
            idsBySlug.remove(slug, id); // the district took another address: look the old one up again next time
            return store.findBySlug(slug);
        }
        return district;
    }
}
