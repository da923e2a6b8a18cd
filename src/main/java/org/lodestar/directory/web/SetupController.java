package org.lodestar.directory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.lodestar.directory.domain.DistrictSetup;
import org.lodestar.directory.domain.PasswordRule;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The first page of a new installation without the demo: the district and its first administrator. */
@Controller
class SetupController {

    private final DistrictSetup setup;
    private final PasswordRule passwordRule;

    SetupController(DistrictSetup setup, PasswordRule passwordRule) {
        this.setup = setup;
        this.passwordRule = passwordRule;
    }

    @GetMapping("/setup")
    String form(@ModelAttribute("form") SetupForm form) {
        if (!setup.needed()) {
            throw new NotFoundException("setup");
        }
        return "directory/setup";
    }

    @PostMapping("/setup")
    synchronized String create(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors) {
        if (!setup.needed()) {
            throw new NotFoundException("setup");
        }
        if (!errors.hasFieldErrors("password")) {
            passwordRule.problem(form.password()).ifPresent(problem -> errors.rejectValue("password", problem));
        }
        if (errors.hasErrors()) {
            return "directory/setup";
        }
        setup.create(form.name().strip(), form.slug(), form.adminName(), form.adminEmail(), form.password());
        return "redirect:/login?ready";
    }

    record SetupForm(
            @NotBlank @Size(max = 200) String name,

            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,40}")
            String slug,

            @NotBlank @Size(max = 200) String adminName,
            @NotBlank @Email @Size(max = 200) String adminEmail,
            @NotBlank @Size(min = 10, max = 200) String password) {}
}
