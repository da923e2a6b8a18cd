package org.lodestar.needs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.needs.edfi.EdFiSource;
import org.lodestar.needs.edfi.EdFiZip;

/** A zip of interchanges is unpacked within bounds counted as it inflates, whatever sizes it declares. */
class EdFiZipTest {

    @TempDir
    Path folder;

    private static byte[] zip(String name, byte[] content, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < times; i++) {
                zip.putNextEntry(new ZipEntry(i + "-" + name));
                zip.write(content);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("__MACOSX/._0-" + name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void unpacksTheXmlFilesAndPassesOverTheRest() throws Exception {
        byte[] xml = "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\"/>".getBytes(StandardCharsets.UTF_8);
        List<EdFiSource> sources =
                EdFiZip.unpack("a.zip", new ByteArrayInputStream(zip("s.xml", xml, 2)), folder, 1000, 10);
        assertThat(sources).extracting(EdFiSource::name).containsExactly("a.zip/0-s.xml", "a.zip/1-s.xml");
        try (InputStream in = sources.get(1).opener().open()) {
            assertThat(in.readAllBytes()).isEqualTo(xml);
        }
    }

    @Test
    void aZipBombStopsAtTheInflatedLimit() throws Exception {
        // 8 MB of zeros compress to a few kilobytes
        byte[] bomb = zip("bomb.xml", new byte[8 * 1024 * 1024], 1);
        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> EdFiZip.unpack("bomb.zip", new ByteArrayInputStream(bomb), folder, 1024 * 1024, 10))
                .isInstanceOf(EdFiZip.Refused.class)
                .satisfies(e -> assertThat(((EdFiZip.Refused) e).reason()).isEqualTo("inflated"));
        try (var files = Files.list(folder)) {
            assertThat(files.mapToLong(f -> f.toFile().length()).sum()).isLessThanOrEqualTo(1024 * 1024);
        }
    }

    @Test
    void tooManyFilesOrNotAZipAreRefused() throws Exception {
        byte[] many = zip("s.xml", new byte[] {'<', 'a', '/', '>'}, 5);
        assertThatThrownBy(() -> EdFiZip.unpack("many.zip", new ByteArrayInputStream(many), folder, 1000, 3))
                .satisfies(e -> assertThat(((EdFiZip.Refused) e).reason()).isEqualTo("entries"));
        byte[] text = "not a zip at all".getBytes(StandardCharsets.UTF_8);
        assertThat(EdFiZip.unpack("text.zip", new ByteArrayInputStream(text), folder, 1000, 3))
                .isEmpty();
    }
}
