package org.lodestar.planning.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.FrameworkEntry;
import org.lodestar.planning.FrameworkEntry.Origin;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FrameworkFile;
import org.lodestar.planning.compliance.FrameworkFileRefused;
import org.lodestar.planning.compliance.FrameworkSheet;
import org.lodestar.planning.domain.FrameworkStore.StoredFramework;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The required-plan frameworks a district works with: the shipped ones as they are until the district changes them,
 * its changed versions and its own. Everyone signed in reads them; only a district admin changes, imports or hides one,
 * and every change is a new version, audited.
 */
@Service
@Transactional
public class ComplianceFrameworks {

    private static final String ENTITY = "ComplianceFramework";

    private final ShippedFrameworks shipped;
    private final FrameworkStore store;
    private final ApplicationEventPublisher events;

    ComplianceFrameworks(ShippedFrameworks shipped, FrameworkStore store, ApplicationEventPublisher events) {
        this.shipped = shipped;
        this.store = store;
        this.events = events;
    }

    /** The frameworks in use, federal first, then by title; an admin also sees the hidden ones. */
    @Transactional(readOnly = true)
    public List<FrameworkEntry> list(SignedInUser user) {
        Map<String, FrameworkEntry> byCode = new LinkedHashMap<>();
        shipped.all()
                .forEach(framework ->
                        byCode.put(framework.code(), new FrameworkEntry(framework, Origin.SHIPPED, false, null, null)));
        for (StoredFramework saved : store.latest(user.districtId())) {
            boolean wasShipped = byCode.containsKey(saved.framework().code());
            byCode.put(saved.framework().code(), entry(saved, wasShipped));
        }
        List<FrameworkEntry> entries = new ArrayList<>(byCode.values());
        entries.removeIf(entry -> entry.hidden() && !user.isAdmin());
        entries.sort(Comparator.comparing(
                        (FrameworkEntry entry) -> !"US".equals(entry.framework().jurisdiction()))
                .thenComparing(entry -> entry.framework().jurisdiction())
                .thenComparing(entry -> entry.framework().title().in(Locale.ENGLISH)));
        return entries;
    }

    @Transactional(readOnly = true)
    public FrameworkEntry find(SignedInUser user, String code) {
        return list(user).stream()
                .filter(entry -> entry.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("compliance framework"));
    }

    /** The saved versions of a framework, newest first (a shipped framework nobody changed has none). */
    @Transactional(readOnly = true)
    public List<FrameworkEntry> versions(SignedInUser user, String code) {
        boolean wasShipped = shippedVersion(code).isPresent();
        return store.versions(user.districtId(), code).stream()
                .map(saved -> entry(saved, wasShipped))
                .toList();
    }

    /** The framework in use as its JSON file, to edit elsewhere and import again or to move to another instance. */
    @Transactional(readOnly = true)
    public byte[] export(SignedInUser user, String code) {
        return FrameworkFile.write(find(user, code).framework());
    }

    /** The framework in use as a workbook, one row per component, to edit in a spreadsheet and import again. */
    @Transactional(readOnly = true)
    public byte[] exportSheet(SignedInUser user, String code) {
        return FrameworkSheet.write(find(user, code).framework());
    }

    /** Saves one component's new wording as the framework's next version, if the framework is still at {@code read}. */
    public void saveComponent(SignedInUser user, String code, Component changed, int read) {
        ForbiddenException.unless(user.isAdmin());
        FrameworkEntry current = find(user, code);
        Component before = current.framework()
                .component(changed.code())
                .orElseThrow(() -> new NotFoundException("compliance framework"));
        List<Component> components = current.framework().components().stream()
                .map(component -> component.code().equals(changed.code()) ? changed : component)
                .toList();
        Framework next = withComponents(current.framework(), components).withVersion(current.version() + 1);
        save(user, current, next, current.hidden(), read);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                ENTITY,
                idOf(code),
                current.framework().title().in(Locale.ENGLISH) + " " + changed.code(),
                fields(before),
                fields(changed)));
    }

    /**
     * Takes a framework file: a new framework of the district, or the next version of one it has (shipped or its
     * own). Nothing is saved when the file is refused.
     */
    public Framework importFile(SignedInUser user, byte[] json) throws FrameworkFileRefused {
        ForbiddenException.unless(user.isAdmin());
        return importRead(user, FrameworkFile.read(json));
    }

    /** The same from a workbook in the shape {@link #exportSheet} writes; nothing is saved when it is refused. */
    public Framework importSheet(SignedInUser user, String filename, java.io.InputStream content)
            throws FrameworkFileRefused {
        ForbiddenException.unless(user.isAdmin());
        return importRead(user, FrameworkSheet.read(filename, content));
    }

    private Framework importRead(SignedInUser user, Framework read) {
        Optional<FrameworkEntry> current = list(user).stream()
                .filter(entry -> entry.code().equals(read.code()))
                .findFirst();
        Framework next =
                current.map(entry -> read.withVersion(entry.version() + 1)).orElse(read);
        if (current.isPresent()) {
            save(user, current.get(), next, false, current.get().version());
        } else if (!store.insert(user.districtId(), next, false, user.email())) {
            throw new EditConflictException("compliance framework");
        }
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                ENTITY,
                idOf(next.code()),
                next.title().in(Locale.ENGLISH),
                Map.of(
                        "compliance.field.version",
                        AuditValue.number(next.version()),
                        "compliance.field.components",
                        AuditValue.number(next.components().size()))));
        return next;
    }

    /** Hides a framework the district does not use, or shows it again, as a new version. */
    public void setHidden(SignedInUser user, String code, boolean hidden, int read) {
        ForbiddenException.unless(user.isAdmin());
        FrameworkEntry current = find(user, code);
        save(user, current, current.framework().withVersion(current.version() + 1), hidden, read);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                ENTITY,
                idOf(code),
                current.framework().title().in(Locale.ENGLISH),
                Map.of("compliance.field.hidden", AuditValue.yesNo(current.hidden())),
                Map.of("compliance.field.hidden", AuditValue.yesNo(hidden))));
    }

    /** The id the framework's history is kept under: one per code, the same for every version. */
    public static UUID idOf(String code) {
        return UUID.nameUUIDFromBytes(("compliance-framework:" + code).getBytes(StandardCharsets.UTF_8));
    }

    private void save(SignedInUser user, FrameworkEntry current, Framework next, boolean hidden, int read) {
        if (read != current.version() || !store.insert(user.districtId(), next, hidden, user.email())) {
            throw new EditConflictException("compliance framework");
        }
    }

    private Optional<Framework> shippedVersion(String code) {
        return shipped.all().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    private static FrameworkEntry entry(StoredFramework saved, boolean wasShipped) {
        return new FrameworkEntry(
                saved.framework(),
                wasShipped ? Origin.CHANGED : Origin.DISTRICT,
                saved.hidden(),
                saved.changedBy(),
                saved.changedAt());
    }

    private static Framework withComponents(Framework f, List<Component> components) {
        return new Framework(
                f.code(),
                f.version(),
                f.jurisdiction(),
                f.level(),
                f.funds(),
                f.citation(),
                f.title(),
                f.shortTitle(),
                f.purpose(),
                f.reviewCadence(),
                components);
    }

    private static Map<String, Object> fields(Component component) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("compliance.field.titleEn", AuditValue.text(component.title().en()));
        fields.put("compliance.field.titleEs", AuditValue.text(component.title().es()));
        fields.put(
                "compliance.field.requirementEn",
                AuditValue.text(component.requirement().en()));
        fields.put(
                "compliance.field.requirementEs",
                AuditValue.text(component.requirement().es()));
        fields.put("compliance.field.citation", AuditValue.text(component.citation()));
        fields.put("compliance.field.toBeChecked", AuditValue.yesNo(component.toBeChecked()));
        return fields;
    }
}
