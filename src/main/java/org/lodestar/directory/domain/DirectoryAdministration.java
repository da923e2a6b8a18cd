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
                "API token created: " + name,
                Map.of(),
                Map.of("token", name)));
        return secret;
    }

    public void revokeToken(SignedInUser user, java.util.UUID tokenId) {
        tokens.revoke(user.districtId(), user.userId(), tokenId);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Person",
                user.userId(),
                "API token revoked",
                Map.of("token", tokenId.toString()),
                Map.of()));
    }

    /**
     * Changes one's own password; the current one must be given. Every session opened before ends.
     *
     * @return the account as it is after the change, or empty when the current password was wrong
     */
    public Optional<SignedInUser> changePassword(SignedInUser user, String current, String next) {
        SignedInUser account =
                people.findAccount(user.districtId(), user.userId()).orElseThrow(() -> new NotFoundException("person"));
        if (!passwords.matches(current, account.passwordHash())) {
            return Optional.empty();
        }
        people.setPasswordHash(user.districtId(), user.userId(), passwords.encode(next));
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Person",
                user.userId(),
                "password changed",
                Map.of(),
                Map.of("password", "changed")));
        return people.findAccount(user.districtId(), user.userId());
    }

    private static Map<String, Object> fields(School school) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", school.name());
        map.put("stateId", String.valueOf(school.stateId()));
        map.put("level", school.level().name());
        map.put("grades", school.lowestGrade() + "-" + school.highestGrade());
        map.put("capacity", String.valueOf(school.capacity()));
        map.put("address", String.valueOf(school.address()));
        return map;
    }

    private static Map<String, Object> fields(Person person) {
        List<String> grants = new ArrayList<>();
        person.grants()
                .forEach(grant ->
                        grants.add(grant.role() + "@" + (grant.districtWide() ? "district" : grant.schoolId())));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", person.displayName());
        map.put("email", person.email());
        map.put("active", person.active());
        map.put("grants", grants);
        return map;
    }

    private static Map<String, Object> fields(District district) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", district.name());
        map.put("tiers", district.tiers().toString());
        map.put("schoolYearStartMonth", district.schoolYearStartMonth());
        map.put("minimumN", district.minimumN());
        map.put("statusTolerancePercent", district.statusTolerancePercent().toPlainString());
        map.put("defaultLanguage", district.defaultLanguage());
        return map;
    }
}
