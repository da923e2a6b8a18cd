package org.lodestar.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An e-mail address has an account per district: another district's admin can neither learn that the address is used
 * elsewhere nor take over its owner's sign-in by creating the same address first.
 */
@LodestarTest
class AccountsPerDistrictTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private static MockHttpServletRequestBuilder addPerson(String email, String password) {
        return post("/admin/people")
                .param("displayName", "Same Address")
                .param("email", email)
                .param("active", "true")
                .param("password", password)
                .param("grants[0].role", "VIEWER")
                .with(csrf());
    }

    private MvcResult signIn(String email, String password, String district) throws Exception {
        var request = post("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr("192.0.2.80");
                    return r;
                });
        if (district != null) {
            request.param("district", district);
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void anotherDistrictsAdminAddsTheSameAddressWithoutLearningOrTakingAnything() throws Exception {
        SignedInUser owner = fixtures.demoUser("shared-address@lakeview.example", "VIEWER", null);
        SignedInUser otherAdmin = fixtures.otherDistrictUser("DISTRICT_ADMIN");

        var added = mvc.perform(
                        addPerson(owner.email(), "squatter-knows-this-9").with(user(otherAdmin)))
                .andReturn()
                .getResponse();
        assertThat(added.getRedirectedUrl()).isEqualTo("/admin/people");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from app_user where lower(email) = ?")
                        .param(owner.email())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // the owner's own password still opens the owner's own district, and only that one
        MvcResult ownerSignIn = signIn(owner.email(), Fixtures.PASSWORD, null);
        assertThat(ownerSignIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(((SignedInUser) ((org.springframework.security.core.context.SecurityContext) ownerSignIn
                                        .getRequest()
                                        .getSession(false)
                                        .getAttribute("SPRING_SECURITY_CONTEXT"))
                                .getAuthentication()
                                .getPrincipal())
                        .districtId())
                .isEqualTo(owner.districtId());
        // the squatter's password opens only the squatter's copy, in the other district
        MvcResult squatter = signIn(owner.email(), "squatter-knows-this-9", null);
        assertThat(squatter.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(((SignedInUser) ((org.springframework.security.core.context.SecurityContext)
                                        squatter.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT"))
                                .getAuthentication()
                                .getPrincipal())
                        .districtId())
                .isEqualTo(otherAdmin.districtId());
    }

    @Test
    void aDuplicateAddressInsideOneDistrictIsStillRefused() throws Exception {
        SignedInUser admin = fixtures.user("admin@lakeview.example");
        String page = mvc.perform(addPerson("planner@lakeview.example", "maple-comet-drawer-19")
                        .with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"email-error\"");
    }

    @Test
    void aPasswordThatOpensTwoDistrictsAsksWhichOne() throws Exception {
        SignedInUser consultant = fixtures.demoUser("consultant@lakeview.example", "VIEWER", null);
        mvc.perform(addPerson(consultant.email(), "maple-comet-drawer-19")
                .with(user(fixtures.otherDistrictUser("DISTRICT_ADMIN"))));
        mvc.perform(post("/admin/people")
                .param("id", consultant.userId().toString())
                .param("version", fixtures.version("app_user", consultant.userId()))
                .param("displayName", "Consultant")
                .param("email", consultant.email())
                .param("active", "true")
                .param("password", "maple-comet-drawer-19")
                .param("grants[0].role", "VIEWER")
                .with(user(fixtures.user("admin@lakeview.example")))
                .with(csrf()));

        MvcResult ambiguous = signIn(consultant.email(), "maple-comet-drawer-19", null);
        assertThat(ambiguous.getResponse().getRedirectedUrl()).isEqualTo("/login?choose");
        String choice = mvc.perform(get("/login?choose")
                        .session((MockHttpSession) ambiguous.getRequest().getSession(false)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(choice)
                .contains("<option value=\"lakeview\">")
                .contains("<option value=\"other\">")
                .contains("value=\"consultant@lakeview.example\"");

        MvcResult chosen = signIn(consultant.email(), "maple-comet-drawer-19", "other");
        assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(((SignedInUser) ((org.springframework.security.core.context.SecurityContext)
                                        chosen.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT"))
                                .getAuthentication()
                                .getPrincipal())
                        .districtId())
                .isEqualTo(fixtures.otherDistrictUser("DISTRICT_ADMIN").districtId());
    }
}
