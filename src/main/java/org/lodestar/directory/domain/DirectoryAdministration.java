package org.lodestar.directory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.ApiToken;
import org.lodestar.directory.District;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.TierNames;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a district admin makes to schools, people and settings; each is checked, then recorded. */
@Service
@Transactional
public class DirectoryAdministration {

    private final DistrictStore districts;
    private final SchoolStore schools;
    private final PersonStore people;
    private final PasswordEncoder passwords;
    private final ApiTokenStore tokens;
    private final ApplicationEventPublisher events;

    DirectoryAdministration(
            DistrictStore districts,
            SchoolStore schools,
            PersonStore people,
            PasswordEncoder passwords,
            ApiTokenStore tokens,
            ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.districts = districts;
        this.schools = schools;
        this.people = people;
        this.passwords = passwords;
        this.events = events;
    }

    public void saveSchool(SignedInUser admin, School school) {
        ForbiddenException.unless(admin.isAdmin());
        var before = schools.find(admin.districtId(), school.id());
        schools.save(admin.districtId(), school);
        events.publishEvent(
                before.isPresent()
                        ? AuditableChange.updated(
                                admin.districtId(),
                                admin.email(),
                                "School",
                                school.id(),
                                school.name(),
                                fields(before.get()),
                                fields(school))
                        : AuditableChange.created(
                                admin.districtId(),
                                admin.email(),
                                "School",
                                school.id(),
                                school.name(),
                                fields(school)));
    }

    public void savePerson(SignedInUser admin, Person person, String initialPassword) {
        ForbiddenException.unless(admin.isAdmin());
        var before = people.find(admin.districtId(), person.id());
        if (before.isPresent() && admin.userId().equals(person.id()) && !person.active()) {
            throw new ForbiddenException();
        }
        for (Grant grant : person.grants()) {
            if (grant.schoolId() != null
                    && schools.find(admin.districtId(), grant.schoolId()).isEmpty()) {
                throw new NotFoundException("school");
            }
        }
        people.save(admin.districtId(), person);
        if (initialPassword != null && !initialPassword.isBlank()) {
            people.setPasswordHash(admin.districtId(), person.id(), passwords.encode(initialPassword));
        }
        events.publishEvent(
                before.isPresent()
                        ? AuditableChange.updated(
                                admin.districtId(),
                                admin.email(),
                                "Person",
                                person.id(),
                                person.displayName(),
                                fields(before.get()),
                                fields(person))
                        : AuditableChange.created(
                                admin.districtId(),
                                admin.email(),
                                "Person",
                                person.id(),
                                person.displayName(),
                                fields(person)));
    }

    public void updateSettings(SignedInUser admin, District settings) {
        ForbiddenException.unless(admin.isAdmin() && admin.districtId().equals(settings.id()));
        District before = districts.find(settings.id()).orElseThrow(() -> new NotFoundException("district"));
        districts.updateSettings(settings);
        events.publishEvent(AuditableChange.updated(
                admin.districtId(),
                admin.email(),
                "District",
                settings.id(),
                settings.name(),
                fields(before),
                fields(settings)));
    }

    /** Another person of the district already signs in with this address. */
    public boolean emailTaken(UUID districtId, String email, UUID exceptPersonId) {
        return people.emailTaken(districtId, email, exceptPersonId);
    }

    /** Another school of the district already has this name. */
    public boolean schoolNameTaken(UUID districtId, String name, UUID exceptSchoolId) {
        return schools.nameTaken(districtId, name, exceptSchoolId);
    }

    public List<ApiToken> tokens(SignedInUser user) {
        return tokens.forUser(user.districtId(), user.userId());
    }

    /** Makes a personal API token and returns its secret; the log records its name only. */
    public String createToken(SignedInUser user, String name) {
        String secret = tokens.create(user.districtId(), user.userId(), name);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Person",
                user.userId(),
                user.displayName(),
                Map.of(),
                Map.of("history.field.token", AuditValue.text(name))));
        return secret;
    }

    public void revokeToken(SignedInUser user, java.util.UUID tokenId) {
        // the token's name, which its owner chose, says which one it was; its id would say nothing
        AuditValue token = tokens.forUser(user.districtId(), user.userId()).stream()
                .filter(each -> each.id().equals(tokenId))
                .findFirst()
                .map(each -> AuditValue.text(each.name()))
                .orElseGet(() -> AuditValue.choice("history.value.otherItem"));
        tokens.revoke(user.districtId(), user.userId(), tokenId);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Person",
                user.userId(),
                user.displayName(),
                Map.of("history.field.token", token),
                Map.of()));
    }

    /**
     * Changes one's own password; the current one must be given. Every session opened before ends.
     *
     * @return the account as it is after the change, or empty when the current password was wrong
     */
    /** The language the person's mail is written in: theirs (en or es), or null for the district's. */
    public String mailLanguage(SignedInUser user) {
        return people.language(user.districtId(), user.userId());
    }

    /** Sets the language of one's own mail (null: the district's), recorded in the audit log. */
    public void setMailLanguage(SignedInUser user, String language) {
        String before = people.language(user.districtId(), user.userId());
        people.setLanguage(user.districtId(), user.userId(), language);
        ownChange(
                user,
                Map.of("account.mailLanguage", AuditValue.choice(languageKey(before))),
                Map.of("account.mailLanguage", AuditValue.choice(languageKey(language))));
    }

    /** A change people make to their own account, recorded as a change of the person. */
    private void ownChange(SignedInUser user, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(AuditableChange.updated(
                user.districtId(), user.email(), "Person", user.userId(), user.displayName(), before, after));
    }

    private static String languageKey(String language) {
        return language == null ? "account.mailLanguage.district" : "account.mailLanguage." + language;
    }

    public Optional<SignedInUser> changePassword(SignedInUser user, String current, String next) {
        SignedInUser account =
                people.findAccount(user.districtId(), user.userId()).orElseThrow(() -> new NotFoundException("person"));
        if (!passwords.matches(current, account.passwordHash())) {
            return Optional.empty();
        }
        people.setPasswordHash(user.districtId(), user.userId(), passwords.encode(next));
        ownChange(user, Map.of(), Map.of("history.field.password", AuditValue.choice("history.value.changed")));
        return people.findAccount(user.districtId(), user.userId());
    }

    private static Map<String, Object> fields(School school) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.name", AuditValue.text(school.name()));
        map.put("history.field.stateId", AuditValue.text(school.stateId()));
        map.put("history.field.level", AuditValue.choice("level.", school.level()));
        map.put("history.field.grades", AuditValue.text(school.lowestGrade() + "-" + school.highestGrade()));
        map.put("history.field.capacity", AuditValue.number(school.capacity()));
        map.put("history.field.address", AuditValue.text(school.address()));
        return map;
    }

    private static Map<String, Object> fields(Person person) {
        List<AuditValue> grants = new ArrayList<>();
        person.grants()
                .forEach(grant -> grants.add(AuditValue.list(
                        AuditValue.choice("role.", grant.role()),
                        grant.districtWide()
                                ? AuditValue.choice("history.value.wholeDistrict")
                                : AuditValue.school(grant.schoolId()))));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.name", AuditValue.text(person.displayName()));
        map.put("history.field.email", AuditValue.text(person.email()));
        map.put("history.field.active", AuditValue.yesNo(person.active()));
        map.put("history.field.grants", AuditValue.list(grants));
        return map;
    }

    private static Map<String, Object> fields(District district) {
        Map<String, Object> map = new LinkedHashMap<>();
        TierNames tiers = district.tiers();
        map.put("history.field.name", AuditValue.text(district.name()));
        map.put(
                "history.field.tiers",
                AuditValue.list(
                        AuditValue.text(tiers.goal()),
                        AuditValue.text(tiers.outcome()),
                        AuditValue.text(tiers.kpi()),
                        AuditValue.text(tiers.strategy()),
                        AuditValue.text(tiers.project())));
        TierNames spanish = district.spanishTiers();
        map.put(
                "history.field.spanishTiers",
                AuditValue.list(
                        AuditValue.text(spanish.goal()),
                        AuditValue.text(spanish.outcome()),
                        AuditValue.text(spanish.kpi()),
                        AuditValue.text(spanish.strategy()),
                        AuditValue.text(spanish.project())));
        map.put("history.field.schoolYearStartMonth", AuditValue.number(district.schoolYearStartMonth()));
        map.put("history.field.minimumN", AuditValue.number(district.minimumN()));
        map.put("history.field.statusTolerancePercent", AuditValue.number(district.statusTolerancePercent()));
        map.put(
                "history.field.defaultLanguage",
                AuditValue.choice("history.value.language." + district.defaultLanguage()));
        map.put("history.field.currency", AuditValue.text(district.currency()));
        return map;
    }
}
