package org.lodestar.insights.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The blocked, two-rows-by-four search for nearest neighbours against the plainest search there is. */
class NearestTest {

    @Test
    void findsTheSameNeighboursAsComparingEveryTwoPointsOneByOne() {
        // an odd number of points, not a multiple of four or of the blocks' rows, so every edge of the blocking is met
        double[][] points = randomUnitVectors(1_003, 24, new Random(7));

        int[][] nearest = Nearest.of(points);

        assertThat(nearest).hasNumberOfRows(points.length);
        for (int i = 0; i < points.length; i++) {
            int point = i;
            int[] plain = IntStream.range(0, points.length)
                    .filter(j -> j != point)
                    .boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -dot(points[point], points[j]))
                            .thenComparing(j -> j))
                    .limit(SpectralClustering.NEIGHBOURS)
                    .mapToInt(Integer::intValue)
                    .toArray();
            assertThat(nearest[i]).as("neighbours of point %d", i).containsExactly(plain);
        }
    }

    @Test
    void takesTheLowerIndexFirstOnATieAndNeverThePointItself() {
        double[][] points = randomUnitVectors(61, 5, new Random(3));
        for (int i = 0; i + 2 < points.length; i += 3) {
            points[i + 1] = points[i].clone(); // three copies tie with one another
            points[i + 2] = points[i].clone();
        }

        int[][] nearest = Nearest.of(points);

        for (int i = 0; i + 2 < points.length; i += 3) {
            assertThat(nearest[i]).startsWith(i + 1, i + 2);
            assertThat(nearest[i + 1]).startsWith(i, i + 2);
            assertThat(nearest[i + 2]).startsWith(i, i + 1);
        }
        for (int i = 0; i < points.length; i++) {
            assertThat(nearest[i])
                    .hasSize(SpectralClustering.NEIGHBOURS)
                    .doesNotContain(i)
                    .doesNotHaveDuplicates();
            assertThat(Arrays.stream(nearest[i]).min().orElseThrow()).isNotNegative();
            assertThat(Arrays.stream(nearest[i]).max().orElseThrow()).isLessThan(points.length);
        }
    }

    static double[][] randomUnitVectors(int n, int dim, Random random) {
        double[][] points = new double[n][dim];
        for (double[] point : points) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                point[d] = random.nextGaussian();
                norm += point[d] * point[d];
            }
            for (int d = 0; d < dim; d++) {
                point[d] /= Math.sqrt(norm);
            }
        }
        return points;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (float) a[d] * (float) b[d];
        }
        return sum;
    }
}
