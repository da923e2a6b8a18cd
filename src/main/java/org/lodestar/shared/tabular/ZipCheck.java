package org.lodestar.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Inflates every part of a workbook once, counting the bytes as they come out (sizes written in the zip can lie), and
 * refuses it past the inflated size or the compression ratio. Nothing is kept: memory stays at one buffer. The
 * workbook reader then opens the same bytes with the same zip library, so it reads exactly what was counted.
 */
final class ZipCheck {

    /** Below this, a part may compress any amount: a style sheet of repeated defaults is small either way. */
    private static final long RATIO_FROM = 1024 * 1024;

    private ZipCheck() {}

    static void check(byte[] workbook, TabularLimits limits) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(workbook))
                .get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        if (total > limits.maxInflatedBytes()) {
                            throw new LimitCrossed(ImportProblem.of(
                                    0, "tabular.inflated", LimitCrossed.megabytes(limits.maxInflatedBytes())));
                        }
                        long compressed = in instanceof InputStreamStatistics stats
                                ? stats.getCompressedCount()
                                : entry.getCompressedSize();
                        if (inflated > RATIO_FROM && inflated > Math.max(compressed, 1) * limits.maxRatio()) {
                            throw new LimitCrossed(ImportProblem.of(0, "tabular.ratio", limits.maxRatio()));
                        }
                    }
                }
            }
        }
    }
}
