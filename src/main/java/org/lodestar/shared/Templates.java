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
     * A page answered as its layout (the template, rendered with {@code mark} where the kept part goes) around that
     * part: compressed when the request takes gzip (see {@link GzipParts}). The layout is kept too, rendered and
     * compressed in pieces, per template, language and model, so a request that finds it renders nothing and only puts
     * its own form token in: the model's values must be equal exactly when they show the same (records, strings, lists
     * of them, a kept part itself), and the template may read from the request only its language, its links and its
     * form token. A model that holds a form's errors is rendered for the request alone.
     */
    Answer around(String template, Map<String, ?> model, String mark, GzipParts.Part kept, String acceptEncoding);

    /** A page's bytes, and whether they are gzip-compressed. */
    record Answer(byte[] bytes, boolean gzipped) {}
}
