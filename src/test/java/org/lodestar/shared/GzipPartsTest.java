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

    @Test
    void storedPartsOfAnyLengthReadBetweenCompressedOnes() throws IOException {
        byte[] noise = new byte[150_000]; // more than two stored blocks' worth
        new Random(11).nextBytes(noise);
        var head = GzipParts.part(text("<meta name=\"csrf-token\" content=\""));
        var token = GzipParts.stored(text("b3JkZXItdG9rZW4tMTIz_-"));
        var tail = GzipParts.part(text("\"><p>Señales</p>"));

        assertThat(new String(gunzip(GzipParts.gzip(List.of(head, token, tail, token, tail))), StandardCharsets.UTF_8))
                .isEqualTo("<meta name=\"csrf-token\" content=\"b3JkZXItdG9rZW4tMTIz_-\"><p>Señales</p>"
                        + "b3JkZXItdG9rZW4tMTIz_-\"><p>Señales</p>");
        assertThat(gunzip(GzipParts.gzip(List.of(GzipParts.stored(new byte[0]), GzipParts.stored(noise), head))))
                .isEqualTo(concat(noise, text("<meta name=\"csrf-token\" content=\"")));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
