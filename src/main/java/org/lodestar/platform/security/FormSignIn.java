package org.lodestar.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignInOutcome;
import org.lodestar.platform.web.SignInController;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's door, and the application's only authentication provider (as the one such bean, Spring Security
 * makes it the global one; registering it on the filter chain too would run every attempt twice): hands the address, password, chosen district and client address to the directory and
 * turns its answer into Spring Security's terms (a signed-in user, or a refusal that the sign-in page explains).
 */
@Component
class FormSignIn implements AuthenticationProvider, AuthenticationFailureHandler {

    private final DirectoryApi directory;

    FormSignIn(DirectoryApi directory) {
        this.directory = directory;
    }

    record Details(String clientAddress, String district) {}

    static AuthenticationDetailsSource<HttpServletRequest, Details> details() {
        return request -> new Details(request.getRemoteAddr(), request.getParameter("district"));
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Details details = attempt.getDetails() instanceof Details d ? d : new Details(null, null);
        SignInOutcome outcome = directory.signIn(
                attempt.getName(),
                String.valueOf(attempt.getCredentials()),
                details.district(),
                details.clientAddress());
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    signedIn.user(), null, signedIn.user().getAuthorities());
        }
        if (outcome instanceof SignInOutcome.Throttled) {
            throw new Throttled();
        }
        if (outcome instanceof SignInOutcome.ChooseDistrict choose) {
            throw new ChooseDistrict(attempt.getName(), choose.districts());
        }
        throw new BadCredentialsException("refused");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String query;
        if (failure instanceof ChooseDistrict choose) {
            // slug -> name, plain serializable values, in the order the directory gave
            Map<String, String> choices = new LinkedHashMap<>();
            choose.districts.forEach(district -> choices.put(district.slug(), district.name()));
            request.getSession().setAttribute(SignInController.DISTRICT_CHOICES, choices);
            request.getSession().setAttribute(SignInController.CHOSEN_EMAIL, choose.email);
            query = "choose";
        } else {
            query = failure instanceof Throttled ? "throttled" : "error";
        }
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }

    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("throttled");
        }
    }

    static final class ChooseDistrict extends AuthenticationException {
        private final transient String email;
        private final transient List<District> districts;

        ChooseDistrict(String email, List<District> districts) {
            super("several districts");
            this.email = email;
            this.districts = districts;
        }
    }
}
