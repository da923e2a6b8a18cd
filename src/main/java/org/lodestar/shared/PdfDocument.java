package org.lodestar.shared;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A PDF from a page written as XHTML (a Thymeleaf template rendered for print), the one way Lodestar makes PDFs. */
public final class PdfDocument {

    private PdfDocument() {}

    /** The PDF of {@code xhtml}; images it shows must be inline (data URIs), as nothing is fetched. */
    public static byte[] of(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
