package org.lodestar.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Parts compressed apart read back, put together, as what they were, with any gzip reader. */
class GzipPartsTest {

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void partsCompressedApartReadAsTheWholeInOrder() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            body.append("<tr><td>KPI ")
                    .append(i % 60)
                    .append("</td><td>")
                    .append(i * 7 % 1000)
                    .append("</td></tr>\n");
        }
        var head = GzipParts.part(text("<html><head><title>Señales</title></head><body>"));
        var shared = GzipParts.part(text(body.toString()));
        var tail = GzipParts.part(text("</body></html>"));

        byte[] gzipped = GzipParts.gzip(List.of(head, shared, tail));

        String whole = "<html><head><title>Señales</title></head><body>" + body + "</body></html>";
        assertThat(new String(gunzip(gzipped), StandardCharsets.UTF_8)).isEqualTo(whole);
        assertThat(new String(GzipParts.plain(List.of(head, shared, tail)), StandardCharsets.UTF_8))
                .isEqualTo(whole);
        assertThat(gzipped.length).as("compressed").isLessThan(whole.length() / 10);
        assertThat(shared.deflated().length).isLessThan(body.length() / 10);
    }

    @Test
    void emptyAndIncompressiblePartsAndNoPartsAtAll() throws IOException {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        var empty = GzipParts.part(new byte[0]);
        var random = GzipParts.part(noise);

        assertThat(gunzip(GzipParts.gzip(List.of(empty, random, empty)))).isEqualTo(noise);
        assertThat(gunzip(GzipParts.gzip(List.of()))).isEmpty();
    }
}
