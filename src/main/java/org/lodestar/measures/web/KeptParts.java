package org.lodestar.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.lodestar.shared.GzipParts;
import org.lodestar.shared.Templates;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

/**
 * A page whose body was kept (rendered and compressed once), answered in this person's layout (kept as well, with the
 * request's form token put in; see {@link Templates#around}).
 */
final class KeptParts {

    private KeptParts() {}

    /** @param page the page's template, which writes {@code mark} where the body goes */
    static ResponseEntity<byte[]> answer(
            Templates templates,
            String page,
            Model model,
            String mark,
            GzipParts.Part body,
            HttpServletRequest request) {
        Templates.Answer answer =
                templates.around(page, model.asMap(), mark, body, request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        var response = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return answer.gzipped()
                ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(answer.bytes())
                : response.body(answer.bytes());
    }
}
