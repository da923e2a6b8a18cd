package org.lodestar.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a signed-in session's account on every request, so that what an admin changes takes effect at once: a
 * deactivated person, or one whose password changed since the session began, is signed out and sent to the sign-in
 * page; a changed role applies
 * to the next click.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    private final DirectoryApi directory;
    private final boolean api;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    /** @param api whether this guards the REST API, which answers 401 rather than sending to the sign-in page */
    CurrentAccountFilter(DirectoryApi directory, boolean api) {
        this.directory = directory;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getDetails() != ApiTokenFilter.FRESH
                && authentication.getPrincipal() instanceof SignedInUser session) {
            Optional<SignedInUser> current = directory
                    .currentAccount(session.districtId(), session.userId())
                    .filter(account -> account.sessionEpoch() == session.sessionEpoch());
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession httpSession = request.getSession(false);
                if (httpSession != null) {
                    httpSession.invalidate();
                }
                if (api) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            } else if (!current.get().equals(session)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        current.get(), null, current.get().getAuthorities()));
                SecurityContextHolder.setContext(context);
                if (!api) {
                    sessions.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
