package org.lodestar.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.DirectoryAdministration;
import org.lodestar.directory.domain.PasswordRule;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The district admin's list of people and their role grants. */
@Controller
class PeopleController {

    private static final int EMPTY_GRANT_ROWS = 2;

    private final DirectoryApi directory;
    private final DirectoryAdministration administration;
    private final PasswordRule passwordRule;
    private final MessageSource messages;

    PeopleController(
            DirectoryApi directory,
            DirectoryAdministration administration,
            PasswordRule passwordRule,
            MessageSource messages) {
        this.directory = directory;
        this.administration = administration;
        this.passwordRule = passwordRule;
        this.messages = messages;
    }

    @GetMapping("/admin/people")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        model.addAttribute("people", directory.people(user.districtId()));
        model.addAttribute("schools", directory.schoolsById(user.districtId()));
        return "directory/people";
    }

    @GetMapping("/admin/people/new")
    String create(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        return form(user, new PersonForm(null, "", "", true, "", withEmptyRows(List.of()), 0), model);
    }

    @GetMapping("/admin/people/{id}")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        Person person = directory.person(user.districtId(), id).orElseThrow(() -> new NotFoundException("person"));
        return form(user, PersonForm.of(person, true), model);
    }

    @PostMapping("/admin/people")
    String save(
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        ForbiddenException.unless(user.isAdmin());
        if (form.id() != null && directory.person(user.districtId(), form.id()).isEmpty()) {
            throw new NotFoundException("person");
        }
        UUID id = form.id() == null ? Ids.next() : form.id();
        if (!errors.hasFieldErrors("email") && administration.emailTaken(user.districtId(), form.email(), id)) {
            errors.rejectValue("email", "directory.person.emailTaken");
        }
        // a new person needs a first password; an existing one gets a new password only when one is typed
        if (form.id() == null || !form.password().isEmpty()) {
            passwordRule.problem(form.password()).ifPresent(problem -> errors.rejectValue("password", problem));
        }
        if (form.grants() != null
                && form.grants().stream().anyMatch(row -> row.role() == Role.SCHOOL_LEADER && row.schoolId() == null)) {
            errors.rejectValue("grants", "directory.person.leaderNeedsSchool");
        }
        if (id.equals(user.userId()) && !Boolean.TRUE.equals(form.active())) {
            errors.rejectValue("active", "directory.person.cannotDeactivateSelf");
        }
        if (errors.hasErrors()) {
            return form(user, form, model);
        }
        List<Grant> grants = form.grants() == null
                ? List.of()
                : form.grants().stream()
                        .filter(row -> row.role() != null)
                        .map(row -> new Grant(row.role(), row.schoolId()))
                        .distinct()
                        .toList();
        try {
            administration.savePerson(
                    user,
                    new Person(
                            id,
                            form.email().strip(),
                            form.displayName().strip(),
                            Boolean.TRUE.equals(form.active()),
                            grants,
                            EditConflictException.versionRead(form.version())),
                    form.password());
        } catch (EditConflictException conflict) {
            Person saved = directory.person(user.districtId(), id).orElseThrow();
            Function<GrantRow, String> named = grantNames(user);
            model.addAttribute(
                    "conflict",
                    EditConflict.between(
                            form.shown(named), PersonForm.of(saved, false).shown(named)));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return form(user, form.atVersion(saved.version()), model);
        }
        return "redirect:/admin/people";
    }

    private String form(SignedInUser user, PersonForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("schools", directory.schools(user.districtId()));
        return "directory/person-form";
    }

    /** A grant as the form names it: the role in the reader's language, and the school's name or the district. */
    private Function<GrantRow, String> grantNames(SignedInUser user) {
        Map<UUID, School> schools = directory.schoolsById(user.districtId());
        Locale locale = LocaleContextHolder.getLocale();
        return row -> messages.getMessage("role." + row.role(), null, locale) + " ("
                + (row.schoolId() == null
                        ? messages.getMessage("scope.district", null, locale)
                        : schools.get(row.schoolId()).name())
                + ")";
    }

    private static List<GrantRow> withEmptyRows(List<GrantRow> rows) {
        List<GrantRow> result = new ArrayList<>(rows);
        for (int i = 0; i < EMPTY_GRANT_ROWS; i++) {
            result.add(new GrantRow(null, null));
        }
        return result;
    }

    record PersonForm(
            UUID id,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Email @Size(max = 200) String email,
            // boxed: an unticked box sends nothing, which means no
            Boolean active,
            @Size(max = 200) String password,
            List<GrantRow> grants,
            Integer version) {

        PersonForm {
            password = password == null ? "" : password;
        }

        static PersonForm of(Person person, boolean withEmptyRows) {
            List<GrantRow> rows = person.grants().stream()
                    .map(grant -> new GrantRow(grant.role(), grant.schoolId()))
                    .toList();
            return new PersonForm(
                    person.id(),
                    person.displayName(),
                    person.email(),
                    person.active(),
                    "",
                    withEmptyRows ? withEmptyRows(rows) : rows,
                    person.version());
        }

        PersonForm atVersion(int saved) {
            return new PersonForm(id, displayName, email, active, password, grants, saved);
        }

        /** What the form shows, by field label: what an edit conflict compares. */
        Map<String, String> shown(Function<GrantRow, String> grantName) {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("people.name", displayName);
            shown.put("people.email", email);
            shown.put("people.active", Boolean.TRUE.equals(active) ? "✓" : "—");
            shown.put(
                    "people.grants",
                    grants == null
                            ? ""
                            : grants.stream()
                                    .filter(row -> row.role() != null)
                                    .map(grantName)
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
            return shown;
        }
    }

    record GrantRow(Role role, UUID schoolId) {}
}
