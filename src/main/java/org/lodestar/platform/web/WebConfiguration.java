package org.lodestar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: English or Spanish. A choice made with {@code ?lang=} is remembered in a cookie; without one, the
 * district's default language applies (the signed-in person's district, or the district of a public page), and
 * outside any district the browser's preference.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale SPANISH = Locale.forLanguageTag("es");
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, SPANISH);

    @Bean
    LocaleResolver localeResolver(DirectoryApi directory) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lodestar-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> district(request, directory)
                .map(district -> "es".equals(district.defaultLanguage()) ? SPANISH : Locale.ENGLISH)
                .orElseGet(() -> {
                    Locale wanted = request.getLocale();
                    return wanted != null && "es".equals(wanted.getLanguage()) ? SPANISH : Locale.ENGLISH;
                }));
        return resolver;
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
