package org.lodestar.insights.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.clustering.CentroidCluster;
import org.hipparchus.clustering.Clusterable;
import org.hipparchus.clustering.KMeansPlusPlusClusterer;
import org.hipparchus.clustering.MultiKMeansPlusPlusClusterer;
import org.hipparchus.clustering.distance.EuclideanDistance;
import org.hipparchus.random.Well19937c;

/**
 * K-means++ from Hipparchus (Apache 2.0) on unit vectors, where Euclidean distance ranks as cosine does, and the mean
 * silhouette by which the number of clusters is chosen.
 */
final class Clustering {

    /** Every run starts from this seed, so that the same input gives the same themes. */
    static final long SEED = 20_261_130L;

    private static final int MAX_ITERATIONS = 100;

    private Clustering() {}

    /** The cluster (0 to k - 1) of each point, and each cluster's centre. */
    record Result(int[] clusterOf, double[][] centres) {}

    private record Point(int index, double[] coordinates) implements Clusterable {
        @Override
        public double[] getPoint() {
            return coordinates;
        }
    }

    static Result kMeans(double[][] points, int k) {
        return result(kMeansPlusPlus(k).cluster(points(points)), points.length);
    }

    /** The best of {@code trials} k-means++ runs, by the least summed variance within clusters. */
    static Result bestKMeans(double[][] points, int k, int trials) {
        return result(
                new MultiKMeansPlusPlusClusterer<>(kMeansPlusPlus(k), trials).cluster(points(points)), points.length);
    }

    private static KMeansPlusPlusClusterer<Point> kMeansPlusPlus(int k) {
        return new KMeansPlusPlusClusterer<>(
                k,
                MAX_ITERATIONS,
                new EuclideanDistance(),
                new Well19937c(SEED),
                KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_VARIANCE);
    }

    private static List<Point> points(double[][] points) {
        List<Point> list = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            list.add(new Point(i, points[i]));
        }
        return list;
    }

    private static Result result(List<CentroidCluster<Point>> clusters, int points) {
        int[] clusterOf = new int[points];
        double[][] centres = new double[clusters.size()][];
        for (int c = 0; c < clusters.size(); c++) {
            centres[c] = clusters.get(c).getCenter().getPoint();
            for (Point point : clusters.get(c).getPoints()) {
                clusterOf[point.index()] = c;
            }
        }
        return new Result(clusterOf, centres);
    }

    /** The Euclidean distances between every two of the given unit vectors, both cores sharing the rows. */
    static double[][] distances(double[][] points) {
        int n = points.length;
        double[][] distances = new double[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int d = 0; d < points[i].length; d++) {
                    dot += points[i][d] * points[j][d];
                }
                distances[i][j] = i == j ? 0 : Math.sqrt(Math.max(0, 2 - 2 * dot));
            }
        });
        return distances;
    }

    /**
     * The mean silhouette (Rousseeuw 1987) of a clustering: for each point, (b - a) / max(a, b), where a is its mean
     * distance to the other points of its cluster and b its mean distance to the points of the nearest other cluster;
     * 0 for a point alone in its cluster.
     */
    static double silhouette(double[][] distances, int[] clusterOf, int k) {
        int n = clusterOf.length;
        int[] sizes = new int[k];
        for (int c : clusterOf) {
            sizes[c]++;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            int own = clusterOf[i];
            if (sizes[own] < 2) {
                continue;
            }
            double[] sums = new double[k];
            for (int j = 0; j < n; j++) {
                sums[clusterOf[j]] += distances[i][j];
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            if (b == Double.MAX_VALUE) {
                continue;
            }
            double max = Math.max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
        }
        return total / n;
    }
}
