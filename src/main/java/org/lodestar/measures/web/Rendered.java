package org.lodestar.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** Renders a template into a string, in the request's language, to be kept and put into other pages' layout. */
@Component
class Rendered {

    private final ViewResolver views;

    Rendered(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    String render(String viewName, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
        try {
            View view = views.resolveViewName(viewName, LocaleContextHolder.getLocale());
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
            view.render(model, request, buffer);
            return new String(buffer.getContentAsByteArray(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("rendering " + viewName, e);
        }
    }
}
