package org.lodestar.platform.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The style sheet, script, icon and WebJars, each under its own path, with a hash of its content in its URL and cached
 * for a year. Spring Boot's default maps {@code /**} to the static folders instead (switched off in
 * application.properties): then every link a page writes ({@code /kpis/...}, {@code /plans/...}) was looked for as a
 * file in every jar of the class path to see whether it needed a hash, which made a scorecard of 60 KPIs spend most of
 * its time searching jars (found by the load benchmark).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    private static final CacheControl A_YEAR =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(hashed())
                .addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(hashed());
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(hashed());
        registry.addResourceHandler("/favicon*.svg")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(hashed());
    }

    private static VersionResourceResolver hashed() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }
}
