package org.lodestar.shared;

import java.util.Map;

/**
 * Renders a template of the pages into text, for the request being answered and in its language, so that a part of a
 * page (everything but its layout) can be kept and put into each person's layout later. Implemented by the platform,
 * which knows the template engine; modules keep the parts under a version of the district's data
 * ({@link DistrictChanges}).
 */
public interface Templates {

    String render(String template, Map<String, ?> model);

    /**
     * A page answered as its layout, rendered now with {@code mark} where the kept part goes, around that part:
     * compressed when the request takes gzip, in which case only the layout is compressed now (see {@link GzipParts}).
     */
    static Answer around(String layout, String mark, GzipParts.Part kept, String acceptEncoding) {
        int at = layout.indexOf(mark);
        if (at < 0) {
            throw new IllegalArgumentException("the layout has no place for the kept part");
        }
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        java.util.List<GzipParts.Part> parts = java.util.List.of(
                GzipParts.part(layout.substring(0, at).getBytes(utf8)),
                kept,
                GzipParts.part(layout.substring(at + mark.length()).getBytes(utf8)));
        boolean gzipped = GzipParts.accepted(acceptEncoding);
        return new Answer(gzipped ? GzipParts.gzip(parts) : GzipParts.plain(parts), gzipped);
    }

    /** A page's bytes, and whether they are gzip-compressed. */
    record Answer(byte[] bytes, boolean gzipped) {}
}
