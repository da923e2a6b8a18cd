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

    PublicPages(DistrictChanges changes, @Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.changes = changes;
        this.views = views;
    }

    /**
     * A district's page in one language at one version; the address (the page's path, with its link to the other
     * language) tells the scorecard, its print view and each school's page apart.
     */
    record Key(UUID districtId, OptionalLong version, String language, String address) {}

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
        return cacheable && key.version().isPresent() ? pages.get(key, render) : render.get();
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
        HttpHeaders headers = new HttpHeaders();
        headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE));
        headers.setCacheControl(CacheControl.noCache());
        headers.setETag(page.tag(gzipped));
        if (new ServletWebRequest(request).checkNotModified(page.tag(gzipped))) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        if (gzipped) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            return new ResponseEntity<>(page.gzipped(), headers, HttpStatus.OK);
        }
        return new ResponseEntity<>(gunzip(page.gzipped()), headers, HttpStatus.OK);
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

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 8 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
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
