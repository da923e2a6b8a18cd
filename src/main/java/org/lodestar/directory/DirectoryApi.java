package org.lodestar.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.directory.domain.DirectoryAdministration;
import org.lodestar.directory.domain.DistrictSetup;
import org.lodestar.directory.domain.DistrictStore;
import org.lodestar.directory.domain.PersonStore;
import org.lodestar.directory.domain.RememberedAccounts;
import org.lodestar.directory.domain.RememberedDistricts;
import org.lodestar.directory.domain.SchoolStore;
import org.lodestar.directory.domain.SignInAccounts;
import org.lodestar.directory.domain.StudentGroupStore;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;

/** What other modules may ask of the directory: districts, schools, people, student groups, tokens. */
@Service
public class DirectoryApi {

    private final DistrictStore districts;
    private final SchoolStore schools;
    private final PersonStore people;
    private final StudentGroupStore groups;
    private final ApiTokenStore tokens;
    private final DirectoryAdministration administration;
    private final SignInAccounts signIns;
    private final DistrictSetup setup;
    private final RememberedDistricts remembered;
    private final RememberedAccounts accounts;

    DirectoryApi(
            DistrictStore districts,
            SchoolStore schools,
            PersonStore people,
            StudentGroupStore groups,
            ApiTokenStore tokens,
            DirectoryAdministration administration,
            SignInAccounts signIns,
            DistrictSetup setup,
            RememberedDistricts remembered,
            RememberedAccounts accounts) {
        this.remembered = remembered;
        this.accounts = accounts;
        this.signIns = signIns;
        this.setup = setup;
        this.districts = districts;
        this.schools = schools;
        this.people = people;
        this.groups = groups;
        this.tokens = tokens;
        this.administration = administration;
    }

    /** True on a new installation that has no district yet (and no demo), which must be set up first. */
    public boolean noDistrictYet() {
        return districts.all().isEmpty();
    }

    /** The district as saved now (remembered under the version of its data: see {@link RememberedDistricts}). */
    public District district(UUID districtId) {
        return remembered.find(districtId).orElseThrow(() -> new NotFoundException("district"));
    }

    public Optional<District> publicDistrict(String slug) {
        return remembered.findBySlug(slug);
    }

    public List<School> schools(UUID districtId) {
        return schools.all(districtId);
    }

    public Map<UUID, School> schoolsById(UUID districtId) {
        return schools.all(districtId).stream().collect(Collectors.toMap(School::id, Function.identity()));
    }

    public Optional<School> school(UUID districtId, UUID schoolId) {
        return schools.find(districtId, schoolId);
    }

    /** Adds a school (district admins only), recorded in the audit log like one added on the schools page. */
    public School addSchool(SignedInUser admin, School school) {
        administration.saveSchool(admin, school);
        return school;
    }

    /**
     * A new district with its student groups and first administrator (the demo district; a new installation uses the
     * set-up page); returns the administrator's account, as whom the district is then filled in.
     */
    public SignedInUser createDistrict(
            String name,
            String slug,
            boolean sampleData,
            List<StudentGroup> studentGroups,
            String adminName,
            String adminEmail,
            String password) {
        UUID district = setup.create(name, slug, sampleData, studentGroups, adminName, adminEmail, password);
        return people.findAccount(
                        district,
                        people.all(district).stream()
                                .filter(person -> person.email().equals(adminEmail))
                                .findFirst()
                                .orElseThrow()
                                .id())
                .orElseThrow();
    }

    /** Adds a person with their grants and first password (district admins only), recorded in the audit log. */
    public Person addPerson(SignedInUser admin, Person person, String password) {
        administration.savePerson(admin, person, password);
        return person;
    }

    public List<Person> people(UUID districtId) {
        return people.all(districtId);
    }

    /** Display names by person id, for pages that show owners. */
    public Map<UUID, String> namesById(UUID districtId) {
        return people.all(districtId).stream().collect(Collectors.toMap(Person::id, Person::displayName));
    }

    public Optional<Person> person(UUID districtId, UUID personId) {
        return personId == null ? Optional.empty() : people.find(districtId, personId);
    }

    public List<StudentGroup> studentGroups(UUID districtId) {
        return groups.all(districtId);
    }

    /** Form sign-in with an address and password, throttled and logged (see {@link SignInAccounts}). */
    public SignInOutcome signIn(String email, String password, String districtSlug, String clientAddress) {
        return signIns.signIn(email, password, districtSlug, clientAddress);
    }

    /** The user a live API token belongs to, if any. */
    public Optional<SignedInUser> userForToken(String secret) {
        return tokens.owner(secret)
                .flatMap(owner -> people.findAccount(owner[0], owner[1]))
                .filter(SignedInUser::isEnabled);
    }

    /**
     * The account as it is now, for a session that began earlier: empty when it is gone or deactivated. Remembered
     * under the district's version of its data ({@link RememberedAccounts}), so a change of the person shows at the next
     * request.
     */
    public Optional<SignedInUser> currentAccount(UUID districtId, UUID userId) {
        return accounts.find(districtId, userId).filter(SignedInUser::isEnabled);
    }

    /** Every district's id (scheduled work goes through each in turn). */
    public List<UUID> districtIds() {
        return districts.all().stream().map(District::id).toList();
    }

    /** The language to write to each person in: their own when they chose one, else their district's. */
    public Map<UUID, String> languages(UUID districtId) {
        String fallback = district(districtId).defaultLanguage();
        Map<UUID, String> chosen = people.languages(districtId);
        Map<UUID, String> all = new java.util.HashMap<>();
        people.all(districtId).forEach(person -> all.put(person.id(), chosen.getOrDefault(person.id(), fallback)));
        return all;
    }
}
