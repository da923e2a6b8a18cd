package org.lodestar.platform.security;

import org.lodestar.directory.DirectoryApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three doors: personal API tokens for {@code /api/v1}, form sign-in with sessions for the pages, and a door without
 * sessions for what is the same for everyone (the public pages and the static files). Over HTTPS (directly or behind a
 * proxy that forwards the scheme) responses also carry HSTS and the session cookie is Secure.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** What every visitor gets alike: no session is read or made for it, and it is never someone's page. */
    static final String[] PUBLIC = {"/p/**", "/webjars/**", "/css/**", "/js/**", "/favicon*.svg", "/calendar/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security would otherwise time each of its filters for every request (an observation per filter), which
     * nothing here reads: the metrics are not exposed. Measured by the load benchmark as a large part of a static
     * file's cost.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The public pages and the static files: the same for every visitor, so the session is neither looked up nor made
     * (a signed-in person reads the public scorecard as any visitor does, which is how the page is kept for everyone)
     * and only the headers filter runs before them. They take no form, so no form token either.
     */
    @Bean
    @Order(0)
    SecurityFilterChain everyone(HttpSecurity http) throws Exception {
        return http.securityMatcher(PUBLIC)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * A survey's public link ({@code /s/{token}}, issue 11): answered by anyone without signing in, so, like the public
     * pages, no session is read or made. Unlike them it is different per visitor and must never be cached: the
     * controller answers {@code Cache-Control: no-store} (and these headers' defaults say the same), and no kept-page
     * filter is registered for it. It takes a form without Spring's CSRF token, which needs a session: nobody is signed
     * in on it, so there is no one on whose behalf a forged post could act, and the form carries its own token instead
     * (the render time signed with the survey's secret, checked with a honeypot field before anything is saved); the
     * one-response cookie is SameSite=Lax, so another site's post does not carry it.
     */
    @Bean
    @Order(0)
    SecurityFilterChain surveyAnswers(HttpSecurity http) throws Exception {
        return http.securityMatcher("/s/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, DirectoryApi directory) throws Exception {
        return http.securityMatcher("/api/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiTokenFilter(directory), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CurrentAccountFilter(directory, true), ApiTokenFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/openapi/**", "/api/v1/openapi")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, DirectoryApi directory, FormSignIn signIn) throws Exception {
        return http.authorizeHttpRequests(
                        auth -> auth.requestMatchers("/login", "/setup", "/actuator/health/**", "/error")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(FormSignIn.details())
                        .failureHandler(signIn)
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .addFilterAfter(new CurrentAccountFilter(directory, false), SecurityContextHolderFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
