package org.lodestar.directory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.DirectoryAdministration;
import org.lodestar.directory.domain.PasswordRule;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
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

    PeopleController(DirectoryApi directory, DirectoryAdministration administration, PasswordRule passwordRule) {
        this.directory = directory;
        this.administration = administration;
        this.passwordRule = passwordRule;
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
        return form(user, new PersonForm(null, "", "", true, "", withEmptyRows(List.of())), model);
    }

    @GetMapping("/admin/people/{id}")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        Person person = directory.person(user.districtId(), id).orElseThrow(() -> new NotFoundException("person"));
        List<GrantRow> rows = person.grants().stream()
                .map(grant -> new GrantRow(grant.role(), grant.schoolId()))
                .toList();
        return form(
                user,
                new PersonForm(
                        person.id(), person.displayName(), person.email(), person.active(), "", withEmptyRows(rows)),
                model);
    }

    @PostMapping("/admin/people")
    String save(
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
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
        administration.savePerson(
                user,
                new Person(
                        id,
                        form.email().strip(),
                        form.displayName().strip(),
                        Boolean.TRUE.equals(form.active()),
                        grants),
                form.password());
        return "redirect:/admin/people";
    }

    private String form(SignedInUser user, PersonForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("schools", directory.schools(user.districtId()));
        return "directory/person-form";
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
            List<GrantRow> grants) {

        PersonForm {
            password = password == null ? "" : password;
        }
    }

    record GrantRow(Role role, UUID schoolId) {}
}
