package org.lodestar.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "platform/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/plans";
    }
}
