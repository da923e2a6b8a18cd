package org.lodestar.needs.edfi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks the XML interchanges of an uploaded zip into a folder, counting the bytes as they inflate (the sizes a zip
 * declares can lie), so that a small zip cannot fill the disk: past {@code maxInflatedBytes} in all, or
 * {@code maxEntries} interchanges, it stops and throws {@link Refused}. Entries that are not {@code .xml} files (folders,
 * a readme, macOS's {@code __MACOSX} copies) are passed over.
 */
public final class EdFiZip {

    private EdFiZip() {}

    /** Why a zip was not unpacked. */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        /** {@code inflated} (past the size), {@code entries} (too many), or {@code unreadable} (not a zip). */
        private final String reason;

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The interchanges of the zip, as sources reading the unpacked files, named {@code zip name/entry name}. */
    public static List<EdFiSource> unpack(
            String zipName, InputStream zip, Path folder, long maxInflatedBytes, int maxEntries) throws Refused {
        List<EdFiSource> sources = new ArrayList<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory()
                        || name.startsWith("__MACOSX/")
                        || base.startsWith(".")
                        || !base.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    continue;
                }
                if (sources.size() >= maxEntries) {
                    throw new Refused("entries");
                }
                Path file = folder.resolve(sources.size() + ".xml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > maxInflatedBytes) {
                            throw new Refused("inflated");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                sources.add(new EdFiSource(zipName + "/" + base, () -> Files.newInputStream(file)));
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new Refused("unreadable");
        } catch (IOException e) {
            throw new Refused("unreadable");
        }
        return sources;
    }
}
