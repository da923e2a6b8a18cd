package org.lodestar.insights.themes;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The {@value SpectralClustering#NEIGHBOURS} nearest points of every point by dot product (cosine, for unit vectors),
 * by comparing every two: exact, and for 10,000 comments some 4 * 10^7 dot products of 384 numbers, which decide the
 * time. So the products are worked out in single precision (ample to rank neighbours), two rows against four at a
 * time (eight sums in registers, each number read once for several products), over blocks of rows small enough to
 * stay in the processor's cache, both cores taking blocks of their own; a naive loop took four times as long.
 */
final class Nearest {

    private static final int NEIGHBOURS = SpectralClustering.NEIGHBOURS;
    private static final int ROWS = 32;
    private static final int COLUMNS = 256;

    private final int point;
    private final int[] indexes = new int[NEIGHBOURS];
    private final float[] similarities = new float[NEIGHBOURS];

    private Nearest(int point) {
        this.point = point;
        Arrays.fill(similarities, Float.NEGATIVE_INFINITY);
    }

    /** For each point, the indexes of its nearest others, nearest first (the lower index first on a tie). */
    static int[][] of(double[][] points) {
        int n = points.length;
        int dim = points[0].length;
        int padded = (n + 3) / 4 * 4; // zero rows make whole groups of four; they are never offered
        float[] flat = new float[padded * dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                flat[i * dim + d] = (float) points[i][d];
            }
        }
        Nearest[] nearest = new Nearest[n];
        IntStream.range(0, (n + ROWS - 1) / ROWS).parallel().forEach(block -> {
            int from = block * ROWS;
            int to = Math.min(n, from + ROWS);
            for (int i = from; i < to; i++) {
                nearest[i] = new Nearest(i);
            }
            for (int columns = 0; columns < padded; columns += COLUMNS) {
                int end = Math.min(padded, columns + COLUMNS);
                for (int i = from; i < to; i += 2) {
                    int other = Math.min(i + 1, to - 1); // the same row again when the block's rows are odd
                    twoAgainstFour(flat, dim, n, nearest[i], nearest[other], columns, end);
                }
            }
        });
        int[][] indexes = new int[n][];
        for (int i = 0; i < n; i++) {
            indexes[i] = nearest[i].indexes();
        }
        return indexes;
    }

    private static void twoAgainstFour(float[] flat, int dim, int n, Nearest first, Nearest second, int from, int to) {
        int p = first.point * dim;
        int q = second.point * dim;
        for (int j = from; j < to; j += 4) {
            int u = j * dim;
            int v = u + dim;
            int w = v + dim;
            int z = w + dim;
            float p0 = 0, p1 = 0, p2 = 0, p3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
            for (int d = 0; d < dim; d++) {
                float a = flat[p + d];
                float b = flat[q + d];
                float ju = flat[u + d];
                float jv = flat[v + d];
                float jw = flat[w + d];
                float jz = flat[z + d];
                p0 += a * ju;
                p1 += a * jv;
                p2 += a * jw;
                p3 += a * jz;
                q0 += b * ju;
                q1 += b * jv;
                q2 += b * jw;
                q3 += b * jz;
            }
            first.offer(j, p0, p1, p2, p3, n);
            if (second != first) {
                second.offer(j, q0, q1, q2, q3, n);
            }
        }
    }

    private void offer(int j, float s0, float s1, float s2, float s3, int n) {
        offer(j, s0, n);
        offer(j + 1, s1, n);
        offer(j + 2, s2, n);
        offer(j + 3, s3, n);
    }

    private void offer(int other, float similarity, int n) {
        if (other >= n || other == point || similarity <= similarities[NEIGHBOURS - 1]) {
            return;
        }
        int at = NEIGHBOURS - 1;
        while (at > 0 && similarity > similarities[at - 1]) {
            similarities[at] = similarities[at - 1];
            indexes[at] = indexes[at - 1];
            at--;
        }
        similarities[at] = similarity;
        indexes[at] = other;
    }

    private int[] indexes() {
        return indexes.clone();
    }
}
