package org.lodestar.insights.themes;

import dev.ludovic.netlib.arpack.ARPACK;
import dev.ludovic.netlib.arpack.JavaARPACK;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.random.Well19937c;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * Spectral clustering of unit vectors over the graph of their nearest neighbours, as scikit-learn's
 * {@code SpectralClustering(affinity="nearest_neighbors")} does it at its default of 10 neighbours (von Luxburg 2007, "A
 * tutorial on spectral clustering", the random-walk normalized version of Shi and Malik 2000), except that each point
 * is joined to {@value #NEIGHBOURS} others and not to itself (scikit-learn counts a point as one of its own 10): the
 * {@value #NEIGHBOURS} nearest by cosine, the graph made symmetric (weight 1 both ways, 1/2 one way); the k
 * eigenvectors of largest eigenvalue of D^-1/2 W D^-1/2, divided by the square root of each point's degree, place each
 * point in k dimensions, where the best of {@value #TRIALS} Hipparchus k-means++ runs groups them.
 *
 * <p>Why not k-means on the vectors themselves: comments on one subject lie along chains of close neighbours rather
 * than in round balls around a centre, and k-means cuts long chains into pieces of equal width. On the staff-coded NHS
 * comments the graph's themes put more of each label's comments in one theme, with the same adjusted Rand index
 * (README, "How good the themes are").
 *
 * <p>The eigenvectors come from ARPACK (the Lanczos method, as SciPy's {@code eigsh} and Spark use it), started from a
 * seeded random vector, so the same points give the same themes. Its Java translation keeps its state in static
 * fields, so one solve runs at a time (as SciPy locks its ARPACK): the solve is a fraction of a second.
 */
final class SpectralClustering {

    static final int NEIGHBOURS = 10;

    /** Below this many points, a point's neighbours are too large a part of all of them for the graph to tell much. */
    static final int FEWEST_POINTS = 5 * NEIGHBOURS;

    static final int TRIALS = 10;

    private static final double TOLERANCE = 1e-10;
    static final int MAX_RESTARTS = 3_000;

    /** ARPACK's f2j translation saves its state between calls in static fields: one solve at a time. */
    private static final Object ARPACK_LOCK = new Object();

    private SpectralClustering() {}

    /** Whether {@code points} points make a graph worth k = {@code clusters} eigenvectors. */
    static boolean suits(int points, int clusters) {
        return points >= FEWEST_POINTS && clusters < points;
    }

    /**
     * The cluster of each point, and each cluster's centre as the mean of its points in their own space.
     *
     * @throws IllegalArgumentException when the points do not {@link #suits suit} the method
     * @throws IllegalStateException when ARPACK does not converge
     */
    static Clustering.Result cluster(double[][] points, int k) {
        return cluster(points, k, MAX_RESTARTS);
    }

    /** The same, with at most {@code restarts} restarts of the Lanczos method. */
    static Clustering.Result cluster(double[][] points, int k, int restarts) {
        if (!suits(points.length, k)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "%d points are too few for %d clusters over a neighbour graph", points.length, k));
        }
        Graph graph = Graph.ofNearest(points);
        double[][] embedding = graph.embedding(k, restarts);
        int[] clusterOf = Clustering.bestKMeans(embedding, k, TRIALS).clusterOf();
        return new Clustering.Result(clusterOf, centres(points, clusterOf, k));
    }

    /** A symmetric sparse graph, row by row: the neighbours of each point and the weights of those edges. */
    private record Graph(int[][] neighbours, double[][] weights) {

        static Graph ofNearest(double[][] points) {
            int n = points.length;
            int[][] nearest = Nearest.of(points);
            List<Map<Integer, Double>> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(new TreeMap<>());
            }
            for (int i = 0; i < n; i++) {
                for (int j : nearest[i]) {
                    rows.get(i).merge(j, 0.5, Double::sum);
                    rows.get(j).merge(i, 0.5, Double::sum);
                }
            }
            int[][] neighbours = new int[n][];
            double[][] weights = new double[n][];
            for (int i = 0; i < n; i++) {
                neighbours[i] = rows.get(i).keySet().stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
                weights[i] = rows.get(i).values().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray();
            }
            return new Graph(neighbours, weights);
        }

        /**
         * Each point's coordinates on the k eigenvectors of largest eigenvalue of D^-1/2 W D^-1/2, each divided by the
         * square root of the point's degree (the eigenvectors of the random-walk Laplacian).
         */
        double[][] embedding(int k, int restarts) {
            int n = neighbours.length;
            double[] scale = new double[n]; // D^-1/2
            for (int i = 0; i < n; i++) {
                double degree = 0;
                for (double w : weights[i]) {
                    degree += w;
                }
                scale[i] = 1 / Math.sqrt(degree);
            }
            double[] vectors = largestEigenvectors(n, k, restarts, (x, y) -> {
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int e = 0; e < neighbours[i].length; e++) {
                        sum += weights[i][e] * scale[neighbours[i][e]] * x[neighbours[i][e]];
                    }
                    y[i] = scale[i] * sum;
                }
            });
            double[][] embedding = new double[n][k];
            for (int v = 0; v < k; v++) {
                for (int i = 0; i < n; i++) {
                    embedding[i][v] = vectors[v * n + i] * scale[i];
                }
            }
            return embedding;
        }
    }

    /** y = A x for a symmetric n x n matrix A known only by this product. */
    private interface Product {
        void apply(double[] x, double[] y);
    }

    /**
     * The k eigenvectors of largest eigenvalue of a symmetric matrix, one after the other (column-major, n by k), by
     * ARPACK's implicitly restarted Lanczos method in reverse communication: it asks for products until it converges.
     */
    private static double[] largestEigenvectors(int n, int k, int restarts, Product product) {
        synchronized (ARPACK_LOCK) {
            return largestEigenvectorsAlone(n, k, restarts, product);
        }
    }

    private static double[] largestEigenvectorsAlone(int n, int k, int restarts, Product product) {
        ARPACK arpack = JavaARPACK.getInstance();
        int basis = Math.min(n, Math.max(2 * k + 1, 20));
        double[] residual = new double[n];
        Well19937c random = new Well19937c(Clustering.SEED);
        for (int i = 0; i < n; i++) {
            residual[i] = 2 * random.nextDouble() - 1;
        }
        double[] lanczos = new double[n * basis];
        double[] work = new double[3 * n];
        double[] workLanczos = new double[basis * (basis + 8)];
        int[] parameters = new int[11];
        parameters[0] = 1; // exact shifts
        parameters[2] = restarts;
        parameters[6] = 1; // standard problem A x = lambda x
        int[] pointers = new int[11];
        intW request = new intW(0);
        intW info = new intW(1); // start from the residual given
        doubleW tolerance = new doubleW(TOLERANCE);
        double[] x = new double[n];
        double[] y = new double[n];
        while (true) {
            arpack.dsaupd(
                    request,
                    "I",
                    n,
                    "LA",
                    k,
                    tolerance,
                    residual,
                    basis,
                    lanczos,
                    n,
                    parameters,
                    pointers,
                    work,
                    workLanczos,
                    workLanczos.length,
                    info);
            if (request.val == 99) {
                break;
            }
            if (request.val != 1 && request.val != -1) {
                // 2 and 3 are for other modes than the standard problem asked for: never expected
                throw new IllegalStateException(String.format(
                        Locale.ROOT, "ARPACK asked for an operation of another mode (ido %d)", request.val));
            }
            System.arraycopy(work, pointers[0] - 1, x, 0, n);
            product.apply(x, y);
            System.arraycopy(y, 0, work, pointers[1] - 1, n);
        }
        if (info.val != 0) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "ARPACK did not find the eigenvectors (dsaupd info %d)", info.val));
        }
        double[] values = new double[k];
        double[] vectors = new double[n * k];
        arpack.dseupd(
                true,
                "A",
                new boolean[basis],
                values,
                vectors,
                n,
                0,
                "I",
                n,
                "LA",
                new intW(k),
                TOLERANCE,
                residual,
                basis,
                lanczos,
                n,
                parameters,
                pointers,
                work,
                workLanczos,
                workLanczos.length,
                info);
        if (info.val != 0) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "ARPACK did not return the eigenvectors (dseupd info %d)", info.val));
        }
        return vectors;
    }

    private static double[][] centres(double[][] points, int[] clusterOf, int k) {
        double[][] centres = new double[k][points[0].length];
        int[] sizes = new int[k];
        for (int i = 0; i < points.length; i++) {
            sizes[clusterOf[i]]++;
            for (int d = 0; d < points[i].length; d++) {
                centres[clusterOf[i]][d] += points[i][d];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < centres[c].length; d++) {
                centres[c][d] /= Math.max(1, sizes[c]);
            }
        }
        return centres;
    }
}
