package org.lodestar.platform.web;

import org.lodestar.directory.DirectoryApi;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    private final DirectoryApi directory;

    SignInController(DirectoryApi directory) {
        this.directory = directory;
    }

    /** A new installation without any district sends its first visitor to set-up instead. */
    @GetMapping("/login")
    String signIn() {
        return directory.noDistrictYet() ? "redirect:/setup" : "platform/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/plans";
    }
}
