package org.lodestar.shared.tabular;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and stops once they pass the limit, whatever the upload claimed its size to be. */
final class LimitedInputStream extends FilterInputStream {

    private final long max;
    private long count;

    LimitedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws LimitCrossed {
        count += n;
        if (count > max) {
            throw new LimitCrossed(ImportProblem.of(0, "tabular.bytes", LimitCrossed.megabytes(max)));
        }
    }
}
