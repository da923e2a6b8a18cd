package org.lodestar.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.lodestar.shared.BoundedCache;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.GzipParts;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public pages rendered once per district, version of its data and language, and then served as they are: a public
 * page is the same for every visitor, and a large district's takes far longer to compute and render than to send. The
 * key holds the district's {@link DistrictChanges#version}, read before the page's data, so no page is served after a
 * change (recorded value, KPI or goal edited or published, plan adopted, settings), on this node or another. Kept
 * compressed: what nearly every browser asks for, and a twentieth of the size.
 */
@Component
class PublicPages {

    /**
     * Two languages of a few dozen districts' pages (the scorecard, its print view and a page per school), at a few to
     * some tens of kilobytes each.
     */
    static final int MAX_PAGES = 1024;

    private final DistrictChanges changes;
    private final ViewResolver views;
    private final BoundedCache<Key, Page> pages = new BoundedCache<>(MAX_PAGES);
    /** The key of the page last kept for a path asked without parameters, in a language. */
    private final Map<Served, Key> served = new ConcurrentHashMap<>();

    PublicPages(DistrictChanges changes, @Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.changes = changes;
        this.views = views;
    }

    /**
     * A district's page in one language at one version; the address (the page's path, with its link to the other
     * language) tells the scorecard, its print view and each school's page apart.
     */
    record Key(UUID districtId, OptionalLong version, String language, String address) {}

    /** A request's path (without parameters) and language, as the filter sees them before Spring MVC. */
    private record Served(String path, String language) {}

    /**
     * A rendered page as it is sent: gzip-compressed once, with an entity tag made from its content, so that a browser
     * that has it already gets a 304 answer without the page.
     */
    record Page(byte[] gzipped, String tag) {

        static Page of(byte[] plain) {
            try {
                byte[] digest =
                        java.security.MessageDigest.getInstance("SHA-256").digest(plain);
                String tag = java.util.HexFormat.of().formatHex(digest, 0, 12);
                return new Page(gzip(plain), tag);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The entity tag of the page as sent: compressed and plain are two representations, with two tags. */
        String tag(boolean gzipped) {
            return "\"" + tag + (gzipped ? "-gz" : "") + "\"";
        }
    }

    /**
     * The version of the district's data that a page computed from now on would show; empty when it must not be cached
     * (this very transaction changed the district).
     */
    OptionalLong version(UUID districtId) {
        return changes.version(districtId);
    }

    /**
     * The page: from the cache, or rendered from the model that {@code model} gives (read after the version in the key,
     * so that a change in between makes a new key rather than a stale page).
     */
    Page page(
            Key key,
            boolean cacheable,
            String viewName,
            Supplier<Map<String, Object>> model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Supplier<Page> render = () -> Page.of(render(viewName, model.get(), key.language(), request, response));
        if (!cacheable || key.version().isEmpty()) {
            return render.get();
        }
        Page page = pages.get(key, render);
        if (request.getParameterMap().isEmpty()) {
            if (served.size() >= MAX_PAGES) {
                served.clear();
            }
            served.put(new Served(request.getRequestURI(), key.language()), key);
        }
        return page;
    }

    /**
     * The page as this request asks for it: {@code 304 Not Modified} without the page when the browser holds it already
     * (its {@code If-None-Match} names the page's tag), else compressed when the browser takes gzip and plain
     * otherwise. Browsers may keep the page but ask again at every visit ({@code no-cache}): the answer is then a
     * few hundred bytes. The language follows the cookie or the browser's languages, so caches are told to vary by
     * them.
     */
    ResponseEntity<byte[]> answer(Page page, HttpServletRequest request) {
        boolean gzipped = GzipParts.accepted(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        HttpHeaders headers = headers(page, gzipped);
        if (new ServletWebRequest(request).checkNotModified(page.tag(gzipped))) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        content(headers, gzipped);
        return new ResponseEntity<>(gzipped ? page.gzipped() : gunzip(page.gzipped()), headers, HttpStatus.OK);
    }

    /** The same answer as {@link #answer}, written straight to the response (see {@link KeptPublicPageFilter}). */
    void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean gzipped = GzipParts.accepted(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        HttpHeaders headers = headers(page, gzipped);
        boolean notModified = new ServletWebRequest(request).checkNotModified(page.tag(gzipped));
        if (!notModified) {
            content(headers, gzipped);
        }
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzipped ? page.gzipped() : gunzip(page.gzipped());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What every answer of the page carries, {@code 304} or not. */
    private static HttpHeaders headers(Page page, boolean gzipped) {
        HttpHeaders headers = new HttpHeaders();
        headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE));
        headers.setCacheControl(CacheControl.noCache());
        headers.setETag(page.tag(gzipped));
        return headers;
    }

    /** What an answer with the page carries besides (its length is the body's). */
    private static void content(HttpHeaders headers, boolean gzipped) {
        headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        if (gzipped) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
    }

    /**
     * The page kept for a request to this path (without parameters) in this language, if one was kept and is still the
     * page of the district's current version; null otherwise (the controller then answers, and keeps the page).
     */
    Page keptFor(String path, String language) {
        Key key = served.get(new Served(path, language));
        if (key == null || !key.version().equals(changes.version(key.districtId()))) {
            return null;
        }
        return pages.getIfPresent(key);
    }

    int size() {
        return pages.size();
    }

    private byte[] render(
            String viewName,
            Map<String, Object> model,
            String language,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            View view = views.resolveViewName(viewName, Locale.forLanguageTag(language));
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
            view.render(model, request, buffer);
            return buffer.getContentAsByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("rendering " + viewName, e);
        }
    }

    /** At the best level: a kept page is compressed once and sent many times. */
    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 8 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
