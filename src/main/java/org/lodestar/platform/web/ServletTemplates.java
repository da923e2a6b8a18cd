package org.lodestar.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.lodestar.shared.Templates;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** {@link Templates} with Thymeleaf, for the request being answered (its links, its language). */
@Component
class ServletTemplates implements Templates {

    private final ViewResolver views;

    ServletTemplates(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    @Override
    public String render(String template, Map<String, ?> model) {
        ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        try {
            View view = views.resolveViewName(template, LocaleContextHolder.getLocale());
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(request.getResponse());
            view.render(model, request.getRequest(), buffer);
            return new String(buffer.getContentAsByteArray(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("rendering " + template, e);
        }
    }
}
