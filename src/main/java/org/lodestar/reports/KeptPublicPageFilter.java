package org.lodestar.reports;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers a public page that is kept (see {@link PublicPages}) before Spring MVC is reached: a page asked without
 * parameters, in the language the request resolves to, whose district has not changed since it was kept. It runs after
 * the security filters (which write the headers every page carries), so such a request costs about what a static file
 * does: no handler is looked up, no model is made. Anything else (a first request, a request with {@code ?lang=}, a
 * page outdated by a change) goes on to the controller, which renders and keeps it.
 */
class KeptPublicPageFilter extends OncePerRequestFilter {

    private final PublicPages pages;
    private final LocaleResolver locales;
    private final AtomicLong answered = new AtomicLong();

    KeptPublicPageFilter(PublicPages pages, LocaleResolver locales) {
        this.pages = pages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getParameterMap().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = locales.resolveLocale(request);
        PublicPages.Page page = pages.keptFor(request.getRequestURI(), locale.toLanguageTag());
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        answered.incrementAndGet();
        response.setLocale(locale);
        pages.write(page, request, response);
    }

    /** How many requests this filter answered itself (for a test). */
    long answered() {
        return answered.get();
    }

    /** Only for public pages, after every other filter, the security filters among them. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<KeptPublicPageFilter> keptPublicPages(PublicPages pages, LocaleResolver localeResolver) {
            var registration = new FilterRegistrationBean<>(new KeptPublicPageFilter(pages, localeResolver));
            registration.addUrlPatterns("/p/*");
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            return registration;
        }
    }
}
