package org.lodestar.planning.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.compliance.FundKind;
import org.lodestar.planning.compliance.FundingSource;
import org.lodestar.planning.compliance.Wording;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funds a district plans costs against: the built-in ones every district has ({@link FundingSource}) and the ones
 * it added (a state grant, a foundation's grant). A district admin adds, renames and retires its own; a retired fund
 * stays on the costs and allocations that name it but is offered no more, and a fund is deleted only while nothing
 * names it.
 */
@Service
@Transactional
public class FundingSources {

    private static final String ENTITY = "FundingSource";

    private final FundStore store;
    private final ApplicationEventPublisher events;

    FundingSources(FundStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /**
     * A fund as a district has it.
     *
     * @param id null for a built-in fund
     * @param name null for a built-in fund, whose name is a message ({@code fund.TITLE_I_A})
     */
    public record Fund(
            UUID id, String code, Wording name, FundKind kind, boolean builtIn, boolean retired, int version) {

        static Fund builtIn(FundingSource source) {
            return new Fund(null, source.name(), null, source.kind(), true, false, 0);
        }
    }

    /** Every fund of the district, built-in ones first in their order, then the district's by code. */
    @Transactional(readOnly = true)
    public List<Fund> all(UUID districtId) {
        List<Fund> funds = new ArrayList<>();
        for (FundingSource source : FundingSource.values()) {
            funds.add(Fund.builtIn(source));
        }
        funds.addAll(store.all(districtId));
        return funds;
    }

    /** The funds a new cost may name: all but the retired ones. */
    @Transactional(readOnly = true)
    public List<Fund> offered(UUID districtId) {
        return all(districtId).stream().filter(fund -> !fund.retired()).toList();
    }

    @Transactional(readOnly = true)
    public boolean offers(UUID districtId, String code) {
        return offered(districtId).stream().anyMatch(fund -> fund.code().equals(code));
    }

    @Transactional(readOnly = true)
    public List<Fund> added(UUID districtId) {
        return store.all(districtId);
    }

    @Transactional(readOnly = true)
    public Fund find(UUID districtId, UUID id) {
        return store.find(districtId, id).orElseThrow(() -> new NotFoundException("funding source"));
    }

    /** The names of the district's own funds in the reader's language, by code (built-in ones are messages). */
    @Transactional(readOnly = true)
    public Map<String, String> addedNames(UUID districtId, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        store.all(districtId).forEach(fund -> names.put(fund.code(), fund.name().in(locale)));
        return names;
    }

    /** Adds a fund; false when the code is a built-in fund's or one the district has already. */
    public boolean add(SignedInUser user, String code, Wording name, FundKind kind) {
        ForbiddenException.unless(user.isAdmin());
        if (FundingSource.isBuiltIn(code)) {
            return false;
        }
        UUID id = Ids.next();
        if (!store.insert(user.districtId(), id, code, name, kind)) {
            return false;
        }
        Map<String, Object> after = fields(code, name, kind, false);
        events.publishEvent(
                AuditableChange.created(user.districtId(), user.email(), ENTITY, id, summary(code, name), after));
        return true;
    }

    /** Renames, re-kinds, retires or brings back a fund, if it is still at the version read. */
    public void save(SignedInUser user, UUID id, Wording name, FundKind kind, boolean retired, int read) {
        ForbiddenException.unless(user.isAdmin());
        Fund before = find(user.districtId(), id);
        if (!store.update(user.districtId(), id, name, kind, retired, read)) {
            throw new EditConflictException("funding source");
        }
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                ENTITY,
                id,
                summary(before.code(), name),
                fields(before.code(), before.name(), before.kind(), before.retired()),
                fields(before.code(), name, kind, retired)));
    }

    /** Deletes a fund nothing names yet (a mistyped one); one in use is only retired. */
    public boolean delete(SignedInUser user, UUID id, int read) {
        ForbiddenException.unless(user.isAdmin());
        Fund fund = find(user.districtId(), id);
        if (store.inUse(user.districtId(), fund.code())) {
            return false;
        }
        if (!store.delete(user.districtId(), id, read)) {
            throw new EditConflictException("funding source");
        }
        events.publishEvent(AuditableChange.deleted(
                user.districtId(),
                user.email(),
                ENTITY,
                id,
                summary(fund.code(), fund.name()),
                fields(fund.code(), fund.name(), fund.kind(), fund.retired())));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean inUse(UUID districtId, String code) {
        return store.inUse(districtId, code);
    }

    public Optional<Fund> byCode(UUID districtId, String code) {
        return all(districtId).stream().filter(fund -> fund.code().equals(code)).findFirst();
    }

    private static String summary(String code, Wording name) {
        return name.in(Locale.ENGLISH) + " (" + code + ")";
    }

    private static Map<String, Object> fields(String code, Wording name, FundKind kind, boolean retired) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("fundingSource.field.code", AuditValue.text(code));
        fields.put("fundingSource.field.nameEn", AuditValue.text(name.en()));
        fields.put("fundingSource.field.nameEs", AuditValue.text(name.es()));
        fields.put("fundingSource.field.kind", AuditValue.choice("fundingSource.kind.", kind));
        fields.put("fundingSource.field.retired", AuditValue.yesNo(retired));
        return fields;
    }
}
