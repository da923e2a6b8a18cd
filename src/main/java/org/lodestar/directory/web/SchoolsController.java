package org.lodestar.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.DirectoryAdministration;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
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

/** The district admin's list of schools. */
@Controller
class SchoolsController {

    private static final String GRADE = "PK|K|[1-9]|1[0-2]";

    private final DirectoryApi directory;
    private final DirectoryAdministration administration;

    SchoolsController(DirectoryApi directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    @GetMapping("/admin/schools")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("schools", directory.schools(user.districtId()));
        return "directory/schools";
    }

    @GetMapping("/admin/schools/new")
    String create(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        model.addAttribute("form", new SchoolForm(null, "", "", SchoolLevel.ELEMENTARY, "K", "5", null, "", 0));
        return "directory/school-form";
    }

    @GetMapping("/admin/schools/{id}")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        School school = directory.school(user.districtId(), id).orElseThrow(() -> new NotFoundException("school"));
        model.addAttribute("form", SchoolForm.of(school));
        return "directory/school-form";
    }

    @PostMapping("/admin/schools")
    String save(
            @Valid @ModelAttribute("form") SchoolForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        ForbiddenException.unless(user.isAdmin());
        UUID id = form.id() == null ? Ids.next() : form.id();
        if (form.id() != null && directory.school(user.districtId(), form.id()).isEmpty()) {
            throw new NotFoundException("school");
        }
        if (!errors.hasFieldErrors("name") && administration.schoolNameTaken(user.districtId(), form.name(), id)) {
            errors.rejectValue("name", "directory.school.nameTaken");
        }
        if (errors.hasErrors()) {
            return "directory/school-form";
        }
        try {
            administration.saveSchool(
                    user,
                    new School(
                            id,
                            form.name().strip(),
                            blankToNull(form.stateId()),
                            form.level(),
                            form.lowestGrade(),
                            form.highestGrade(),
                            form.capacity(),
                            blankToNull(form.address()),
                            EditConflictException.versionRead(form.version())));
        } catch (EditConflictException conflict) {
            SchoolForm saved =
                    SchoolForm.of(directory.school(user.districtId(), id).orElseThrow());
            model.addAttribute("conflict", EditConflict.between(form.shown(), saved.shown()));
            model.addAttribute("form", form.atVersion(saved.version()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "directory/school-form";
        }
        return "redirect:/admin/schools";
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record SchoolForm(
            UUID id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 50) String stateId,
            @NotNull SchoolLevel level,
            @NotBlank @Pattern(regexp = GRADE) String lowestGrade,
            @NotBlank @Pattern(regexp = GRADE) String highestGrade,
            @PositiveOrZero Integer capacity,
            @Size(max = 300) String address,
            Integer version) {

        static SchoolForm of(School school) {
            return new SchoolForm(
                    school.id(),
                    school.name(),
                    school.stateId(),
                    school.level(),
                    school.lowestGrade(),
                    school.highestGrade(),
                    school.capacity(),
                    school.address(),
                    school.version());
        }

        SchoolForm atVersion(int saved) {
            return new SchoolForm(id, name, stateId, level, lowestGrade, highestGrade, capacity, address, saved);
        }

        /** What the form shows, by field label: what an edit conflict compares. */
        Map<String, String> shown() {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("schools.name", name);
            shown.put("schools.stateId", stateId);
            shown.put("schools.level", level == null ? null : level.name());
            shown.put("schools.lowestGrade", lowestGrade);
            shown.put("schools.highestGrade", highestGrade);
            shown.put("schools.capacity", capacity == null ? null : capacity.toString());
            shown.put("schools.address", address);
            return shown;
        }
    }
}
