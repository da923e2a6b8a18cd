package org.lodestar.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.lodestar.directory.DirectoryApi;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs a request in as the owner of the personal API token in its {@code Authorization: Bearer} header. */
class ApiTokenFilter extends OncePerRequestFilter {

    /** Marks a request signed in by token, whose account was read for this very request. */
    static final Object FRESH = "account read from the API token for this request";

    private final DirectoryApi directory;

    ApiTokenFilter(DirectoryApi directory) {
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            directory.userForToken(header.substring(7).strip()).ifPresent(user -> {
                var authentication =
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                // read fresh from the token just now: the account re-check after this has nothing to add
                authentication.setDetails(FRESH);
                SecurityContextHolder.getContext().setAuthentication(authentication);
            });
        }
        chain.doFilter(request, response);
    }
}
