package optpar.profiling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A small, working, slow program to profile: for n random points, the median distance to each
 * point's nearest neighbour. It is correct and readable; where does its time go? Guessing is
 * usually wrong; the profiler says: in {@link #distance}, called n² times, and the allocations are
 * the {@code Double} boxes of the lists of distances.
 * <pre>{@code
 * double m = SlowAnalysis.medianNearestNeighbourDistance(2000, 1);
 * }</pre>
 */
public final class SlowAnalysis {
    private SlowAnalysis() {}

    /** A point in the plane. */
    public record Point(double x, double y) {}

    /** n points, uniform in the unit square, reproducible from the seed. */
    public static List<Point> randomPoints(int n, long seed) {
        if (n < 2) throw new IllegalArgumentException("n = " + n + " points is not allowed; use at least 2");
        Random r = new Random(seed);
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) points.add(new Point(r.nextDouble(), r.nextDouble()));
        return points;
    }

    /** The median, over all points, of the distance to the nearest other point. */
    public static double medianNearestNeighbourDistance(int n, long seed) {
        List<Point> points = randomPoints(n, seed);
        List<Double> nearest = new ArrayList<>();           // boxed: one Double object per point
        for (Point p : points) nearest.add(nearestDistance(p, points));
        return median(nearest);
    }

    /**
     * Brute force over all points: n distance calls per point, each distance boxed into a list
     * (readable, and wasteful: n² {@code Double} objects that die at once).
     */
    static double nearestDistance(Point p, List<Point> points) {
        List<Double> distances = new ArrayList<>();
        for (Point q : points) {
            if (q != p) distances.add(distance(p, q));
        }
        return Collections.min(distances);
    }

    /**
     * The first fix, and only that: the profile's hottest frame is {@link #nearestDistance}, busy
     * boxing distances into a list and scanning it for the minimum. Keep a running minimum instead.
     * Everything else (the points list, {@code distance} with its {@code Math.pow}) stays as it was.
     */
    public static double medianWithRunningMinimum(int n, long seed) {
        List<Point> points = randomPoints(n, seed);
        List<Double> nearest = new ArrayList<>();
        for (Point p : points) nearest.add(nearestDistanceRunningMinimum(p, points));
        return median(nearest);
    }

    static double nearestDistanceRunningMinimum(Point p, List<Point> points) {
        double best = Double.POSITIVE_INFINITY;
        for (Point q : points) {
            if (q != p) best = Math.min(best, distance(p, q));
        }
        return best;
    }

    /**
     * {@code ./course profile optpar.profiling.SlowAnalysis [POINTS [SEED]]}: prints the median
     * nearest-neighbour distance of POINTS (default 2000) random points.
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        System.out.println(String.format(java.util.Locale.ROOT, "median nearest-neighbour distance of %d points: %.6f",
                n, medianNearestNeighbourDistance(n, seed)));
    }

    /** The hot method: Math.pow and Math.sqrt, n² times. */
    static double distance(Point p, Point q) {
        return Math.sqrt(Math.pow(p.x() - q.x(), 2) + Math.pow(p.y() - q.y(), 2));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }
}
