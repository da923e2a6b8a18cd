package org.lodestar.execution.updates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district's update cadences, set by its admins, versioned and audited like every setting. */
@Service
@Transactional
public class UpdateSettingsEditing {

    private final UpdateSettingsStore store;
    private final ApplicationEventPublisher events;

    UpdateSettingsEditing(UpdateSettingsStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public UpdateSettings of(UUID districtId) {
        return store.find(districtId);
    }

    /** Saves the settings over the version they were read at (refused when someone saved in between). */
    public void save(SignedInUser admin, UpdateSettings settings) {
        ForbiddenException.unless(admin.isAdmin());
        UpdateSettings before = store.find(admin.districtId());
        EditConflictException.unlessSaved(store.save(admin.districtId(), settings), "updateSettings");
        events.publishEvent(AuditableChange.updated(
                admin.districtId(),
                admin.email(),
                "UpdateSettings",
                admin.districtId(),
                "",
                fields(before),
                fields(settings)));
    }

    private static Map<String, Object> fields(UpdateSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("updates.settings.actions", AuditValue.choice("updates.cadence.", settings.actions()));
        map.put("updates.settings.projects", AuditValue.choice("updates.cadence.", settings.projects()));
        map.put("updates.settings.kpis", AuditValue.choice("updates.cadence.", settings.kpis()));
        map.put("updates.settings.reminderDays", AuditValue.number(settings.reminderDays()));
        map.put("updates.settings.escalationDays", AuditValue.number(settings.escalationDays()));
        return map;
    }
}
