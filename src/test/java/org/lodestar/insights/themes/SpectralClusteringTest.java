package org.lodestar.insights.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Spectral clustering follows chains of near neighbours, where k-means cuts by distance to a centre: two long, thin
 * bands on the sphere, 10 degrees apart and each 300 degrees long (the textbook case of von Luxburg 2007, section 1).
 */
class SpectralClusteringTest {

    private static final int PER_BAND = 300;

    /** Points along the circle of latitude {@code latitude} degrees, from longitude 0 to 300, a little scattered. */
    private static double[][] bands() {
        Random random = new Random(11);
        double[][] points = new double[2 * PER_BAND][];
        for (int band = 0; band < 2; band++) {
            double latitude = Math.toRadians(band == 0 ? 5 : -5);
            for (int i = 0; i < PER_BAND; i++) {
                double longitude = Math.toRadians(300.0 * i / PER_BAND);
                double lat = latitude + Math.toRadians(0.5) * random.nextGaussian();
                points[band * PER_BAND + i] = new double[] {
                    Math.cos(lat) * Math.cos(longitude), Math.cos(lat) * Math.sin(longitude), Math.sin(lat)
                };
            }
        }
        return points;
    }

    @Test
    void separatesTwoLongBandsThatKMeansCutsAcross() {
        double[][] points = bands();

        int[] spectral = SpectralClustering.cluster(points, 2).clusterOf();
        int[] kMeans = Clustering.kMeans(points, 2).clusterOf();

        assertThat(agreementWithBands(spectral)).isEqualTo(1.0);
        assertThat(agreementWithBands(kMeans)).isLessThan(0.8);
    }

    @Test
    void givesEachClusterTheMeanOfItsPointsAsCentreAndTheSameAnswerEveryTime() {
        double[][] points = bands();

        Clustering.Result first = SpectralClustering.cluster(points, 2);
        Clustering.Result second = SpectralClustering.cluster(points, 2);

        assertThat(second.clusterOf()).containsExactly(first.clusterOf());
        int c = first.clusterOf()[0];
        double[] mean = new double[3];
        int size = 0;
        for (int i = 0; i < points.length; i++) {
            if (first.clusterOf()[i] == c) {
                size++;
                for (int d = 0; d < 3; d++) {
                    mean[d] += points[i][d];
                }
            }
        }
        for (int d = 0; d < 3; d++) {
            mean[d] /= size;
        }
        assertThat(first.centres()[c]).containsExactly(mean, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void solvesRunTogetherGiveTheSameAnswerAsOneAlone() throws Exception {
        // ARPACK's Java translation keeps its state in static fields: solves on several threads must not mix
        double[][] points = bands();
        int[] alone = SpectralClustering.cluster(points, 2).clusterOf();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<int[]>> together = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                together.add(
                        pool.submit(() -> SpectralClustering.cluster(points, 2).clusterOf()));
            }
            for (java.util.concurrent.Future<int[]> result : together) {
                assertThat(result.get()).containsExactly(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSolveThatDoesNotConvergeSaysSo() {
        assertThatThrownBy(() -> SpectralClustering.cluster(bands(), 2, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ARPACK did not find the eigenvectors");
    }

    @Test
    void leavesTooFewPointsToKMeans() {
        assertThat(SpectralClustering.suits(SpectralClustering.FEWEST_POINTS, 9))
                .isTrue();
        assertThat(SpectralClustering.suits(SpectralClustering.FEWEST_POINTS - 1, 9))
                .isFalse();
        assertThat(SpectralClustering.suits(60, 60)).isFalse();
        assertThatThrownBy(() -> SpectralClustering.cluster(new double[10][3], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("10 points are too few for 2 clusters over a neighbour graph");
    }

    /** The share of points whose cluster is the majority cluster of their band, the bands' clusters distinct. */
    private static double agreementWithBands(int[] clusterOf) {
        int[][] counts = new int[2][2];
        for (int i = 0; i < clusterOf.length; i++) {
            counts[i / PER_BAND][clusterOf[i]]++;
        }
        int straight = counts[0][0] + counts[1][1];
        int crossed = counts[0][1] + counts[1][0];
        return Arrays.stream(new int[] {straight, crossed}).max().orElseThrow() / (double) clusterOf.length;
    }
}
