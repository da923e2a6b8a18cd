package org.lodestar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.shared.BoundedCache;
import org.lodestar.shared.GzipParts;
import org.lodestar.shared.Templates;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@link Templates} with Thymeleaf, for the request being answered (its links, its language). Layouts around a kept
 * part are kept too ({@link #around}): rendered once with a mark where the request's form token goes (in the page's
 * meta tags and its sign-out form), cut there and compressed in pieces; a request puts its own token in, stored as it is.
 */
@Component
class ServletTemplates implements Templates {

    /** Layouts kept: a few per person and page they read (the other-language link names the page's filters). */
    static final int MAX_LAYOUTS = 1_024;

    /** Where a request's form token goes in a kept layout: drawn at each start, so no typed text can hold it. */
    private static final String TOKEN_MARK =
            "lodestar-token-" + UUID.randomUUID().toString().replace("-", "");

    private final ViewResolver views;
    private final BoundedCache<LayoutKey, Layout> layouts = new BoundedCache<>(MAX_LAYOUTS);

    ServletTemplates(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    @Override
    public String render(String template, Map<String, ?> model) {
        ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        return render(template, model, request.getRequest(), request);
    }

    private String render(
            String template, Map<String, ?> model, HttpServletRequest request, ServletRequestAttributes attributes) {
        try {
            View view = views.resolveViewName(template, LocaleContextHolder.getLocale());
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(attributes.getResponse());
            view.render(model, request, buffer);
            return new String(buffer.getContentAsByteArray(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("rendering " + template, e);
        }
    }

    /** What a kept layout depends on: the request's form token only where it is marked. */
    private record LayoutKey(
            String template, Locale locale, String contextPath, String mark, boolean token, Map<String, ?> model) {}

    /**
     * A layout cut where the per-request parts go: {@code pieces} compressed once, and between each piece and the next
     * the form token ({@code tokenAfter[i]}) or the kept part.
     */
    private record Layout(List<GzipParts.Part> pieces, boolean[] tokenAfter) {}

    @Override
    public Answer around(
            String template, Map<String, ?> model, String mark, GzipParts.Part kept, String acceptEncoding) {
        ServletRequestAttributes attributes =
                (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean keepable = model.keySet().stream().noneMatch(name -> name.startsWith(BindingResult.MODEL_KEY_PREFIX));
        Layout layout = keepable
                ? layouts.get(
                        new LayoutKey(
                                template,
                                LocaleContextHolder.getLocale(),
                                request.getContextPath(),
                                mark,
                                token != null,
                                new HashMap<>(model)),
                        () -> layout(template, model, mark, token, attributes))
                : layout(template, model, mark, token, attributes);
        byte[] tokenBytes = token == null ? new byte[0] : token.getToken().getBytes(StandardCharsets.UTF_8);
        GzipParts.Part tokenPart = GzipParts.stored(tokenBytes);
        List<GzipParts.Part> parts = new ArrayList<>(layout.pieces().size() * 2);
        for (int i = 0; i < layout.pieces().size(); i++) {
            parts.add(layout.pieces().get(i));
            if (i < layout.tokenAfter().length) {
                parts.add(layout.tokenAfter()[i] ? tokenPart : kept);
            }
        }
        boolean gzipped = GzipParts.accepted(acceptEncoding);
        return new Answer(gzipped ? GzipParts.gzip(parts) : GzipParts.plain(parts), gzipped);
    }

    /** How many layouts are kept (for a test: a request that finds its layout adds none). */
    int keptLayouts() {
        return layouts.size();
    }

    /** Renders the layout with marks for the form token and the kept part, and cuts it there. */
    private Layout layout(
            String template, Map<String, ?> model, String mark, CsrfToken token, ServletRequestAttributes attributes) {
        HttpServletRequest request = attributes.getRequest();
        HttpServletRequest marked = token == null ? request : withToken(request, token);
        String html = render(template, model, marked, attributes);
        List<GzipParts.Part> pieces = new ArrayList<>();
        List<Boolean> tokenAfter = new ArrayList<>();
        int from = 0;
        boolean placed = false;
        while (true) {
            int atToken = token == null ? -1 : html.indexOf(TOKEN_MARK, from);
            int atKept = placed ? -1 : html.indexOf(mark, from);
            if (atToken < 0 && atKept < 0) {
                break;
            }
            boolean isToken = atToken >= 0 && (atKept < 0 || atToken < atKept);
            int at = isToken ? atToken : atKept;
            pieces.add(GzipParts.part(html.substring(from, at).getBytes(StandardCharsets.UTF_8)));
            tokenAfter.add(isToken);
            from = at + (isToken ? TOKEN_MARK.length() : mark.length());
            placed |= !isToken;
        }
        if (!placed) {
            throw new IllegalArgumentException("the layout " + template + " has no place for the kept part");
        }
        pieces.add(GzipParts.part(html.substring(from).getBytes(StandardCharsets.UTF_8)));
        boolean[] flags = new boolean[tokenAfter.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = tokenAfter.get(i);
        }
        return new Layout(List.copyOf(pieces), flags);
    }

    /** The request as the layout is rendered for keeping: its form token replaced by the mark (same names). */
    private static HttpServletRequest withToken(HttpServletRequest request, CsrfToken token) {
        CsrfToken mark = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), TOKEN_MARK);
        return new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                return name.equals(CsrfToken.class.getName()) || name.equals(token.getParameterName())
                        ? mark
                        : super.getAttribute(name);
            }
        };
    }
}
