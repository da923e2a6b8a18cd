package org.lodestar.platform.web;

import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every signed-in page needs: the person and their district, with its tier names. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    private final DirectoryApi directory;

    PageModel(DirectoryApi directory) {
        this.directory = directory;
    }

    @ModelAttribute("me")
    SignedInUser me(@AuthenticationPrincipal SignedInUser user) {
        return user;
    }

    @ModelAttribute("district")
    District district(@AuthenticationPrincipal SignedInUser user) {
        return user == null ? null : directory.district(user.districtId());
    }
}
