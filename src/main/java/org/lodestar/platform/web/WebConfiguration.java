package org.lodestar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: English or Spanish. A choice made with {@code ?lang=} is remembered in a cookie. Without one, a signed-in
 * person gets their district's default language; a visitor (the public scorecard, the sign-in page) gets the
 * browser's preferred language among the two, and only when the browser states neither, the district's default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale SPANISH = Locale.forLanguageTag("es");
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, SPANISH);

    @Bean
    LocaleResolver localeResolver(DirectoryApi directory) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lodestar-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            Optional<Locale> browser = signedIn() ? Optional.empty() : browserLanguage(request);
            return browser.orElseGet(() -> district(request, directory)
                    .map(district -> "es".equals(district.defaultLanguage()) ? SPANISH : Locale.ENGLISH)
                    .orElse(Locale.ENGLISH));
        });
        return resolver;
    }

    /** The first of the browser's stated languages that Lodestar speaks. */
    private static Optional<Locale> browserLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            if ("es".equals(wanted.getLanguage())) {
                return Optional.of(SPANISH);
            }
            if ("en".equals(wanted.getLanguage())) {
                return Optional.of(Locale.ENGLISH);
            }
        }
        return Optional.empty();
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser;
    }

    private static Optional<District> district(HttpServletRequest request, DirectoryApi directory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(directory.district(user.districtId()));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/p/")) {
            String slug = path.substring(3).split("/")[0];
            return directory.publicDistrict(slug);
        }
        return Optional.empty();
    }

    /** Numbers typed in a form are read, and shown back, in the page's language. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        LocalizedNumberFormatters.register(registry);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
