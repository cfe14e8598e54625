package optpar.mpi;

import optpar.heat.HeatProblem;
import optpar.heat.HeatSolver;
import optpar.heat.VectorHeat;
import optpar.measure.Charts;
import optpar.measure.Timing;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import optpar.measure.Progress;
import optpar.measure.QuietJvm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Strong and weak scaling of the MPI heat code, with the speed-up counted against the best serial code
 * (the {@code vector} variant on one thread, in this JVM) on the same grid, never against one MPI rank:
 * a speed-up over one's own slow single rank flatters.
 *
 * <ul>
 * <li><b>Strong scaling</b>: one grid, more ranks. Ideal: speed-up = ranks.</li>
 * <li><b>Weak scaling</b>: the grid grows with the ranks so that every rank keeps the same number of
 *     points: {@code n(P) = n * sqrt(P)}. Ideal: the time per step stays flat, so the speed-up over the
 *     serial code on that larger grid is again = ranks.</li>
 * </ul>
 *
 * <pre>{@code
 * var launcher = new MpiHeatLauncher().overlap(true).gather(false);
 * List<MpiScaling.Point> strong = MpiScaling.run(launcher, MpiScaling.Kind.STRONG, new HeatProblem(2048, 100),
 *         new int[] {1, 2, 4}, 3, System.out::println);
 * MpiScaling.table(strong);          // ranks, n, seconds, serial_seconds, speedup, efficiency, compute/halo/reduce ms per step
 * MpiScaling.speedupChart("strong scaling", strong);
 * MpiScaling.splitChart("time per step", strong);
 * }</pre>
 */
public final class MpiScaling {
    private MpiScaling() {}

    /** Which grid each rank count gets. */
    public enum Kind {
        /** The same n for every rank count. */
        STRONG,
        /** {@code n * sqrt(ranks)}: the same points per rank. */
        WEAK;

        /** The grid size for {@code ranks} ranks, from the size {@code n} of one rank. */
        public int n(int n, int ranks) {
            return this == STRONG ? n : weakN(n, ranks);
        }

        /** "strong" or "weak", as the bench CLI spells it. */
        public static Kind of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "strong" -> STRONG;
                case "weak" -> WEAK;
                default -> throw new IllegalArgumentException("scaling '" + name + "' is not allowed: use strong or weak");
            };
        }
    }

    /** One MPI run beside the serial time on its grid ({@code serial} names the serial variant, on one thread). */
    public record Point(MpiHeatResult mpi, String serial, double serialSeconds) {
        /** The serial code's time over the MPI run's (both for the same grid and steps). */
        public double speedup() {
            return serialSeconds / mpi.seconds();
        }

        /** Speed-up per rank: 1 is ideal. */
        public double efficiency() {
            return speedup() / mpi.ranks();
        }
    }

    /** {@code round(n * sqrt(ranks))}: the grid that gives each of {@code ranks} ranks about n*n points. */
    public static int weakN(int n, int ranks) {
        return (int) Math.round(n * Math.sqrt(ranks));
    }

    /**
     * The best serial code's time on {@code problem}: {@code vector} on one thread, best of {@code repeats}
     * after a warm-up run (the same untimed start the ranks get).
     */
    public static double serialSeconds(HeatProblem problem, int repeats) {
        return serialSeconds(new VectorHeat(), problem, repeats);
    }

    /** {@code solver} on one thread on {@code problem}, best of {@code repeats} after a warm-up run. */
    public static double serialSeconds(HeatSolver solver, HeatProblem problem, int repeats) {
        return Timing.measure(solver.name() + " x1", 1, repeats, () -> solver.solve(problem, 1)).best();
    }

    /**
     * Runs {@code base} (strong) or its grown grids (weak) on every rank count and measures the serial
     * vector code on each grid once. {@code repeats} timed runs each, the best kept. No rank counts, no points.
     */
    public static List<Point> run(MpiHeatLauncher launcher, Kind kind, HeatProblem base, int[] ranks, int repeats,
                                  Consumer<String> notes) {
        return run(launcher, kind, base, ranks, repeats, new VectorHeat(), notes);
    }

    /**
     * The same against another serial variant on one thread, e.g. {@code new BlockedHeat()} for ranks
     * with deep halos, which block in time as it does.
     */
    public static List<Point> run(MpiHeatLauncher launcher, Kind kind, HeatProblem base, int[] ranks, int repeats,
                                  HeatSolver serialSolver, Consumer<String> notes) {
        Map<Integer, Double> serial = new TreeMap<>();
        List<Point> points = new ArrayList<>();
        try (Progress progress = Progress.start(kind.name().toLowerCase(Locale.ROOT) + " scaling", ranks.length)) {
        for (int k : ranks) {
            progress.working(k + (k == 1 ? " rank" : " ranks"));
            int n = kind.n(base.n(), k);
            HeatProblem p = new HeatProblem(n, base.steps(), base.seed());   // the same field, smooth or random
            double s = serial.computeIfAbsent(n, x -> serialSeconds(serialSolver, p, repeats));
            MpiHeatResult r = runQuietly(launcher.repeat(repeats), k, p);
            notes.accept(String.format(Locale.ROOT, "%s: %d rank(s), n=%d: %.4f s (%s on one thread %.4f s, speed-up %.2f); "
                            + "per step compute %.3f ms, halo %.3f ms, all-reduce %.3f ms; whole mpirun %.1f s",
                    kind.name().toLowerCase(Locale.ROOT), k, n, r.seconds(), serialSolver.name(), s, s / r.seconds(),
                    1e3 * r.compute() / p.steps(), 1e3 * r.halo() / p.steps(), 1e3 * r.reduce() / p.steps(), r.wallSeconds()));
            points.add(new Point(r, serialSolver.name(), s));
            progress.done();
        }
        }
        return points;
    }

    /**
     * {@code launcher.run(ranks, problem)} once this JVM is quiet ({@link QuietJvm#settle}: a full
     * collection, then until its JIT is idle, at most 2 s), so that its own background work does not
     * share the cores with the ranks.
     */
    static MpiHeatResult runQuietly(MpiHeatLauncher launcher, int ranks, HeatProblem problem) {
        QuietJvm.settle(java.time.Duration.ofSeconds(2));
        return launcher.run(ranks, problem);
    }

    /** The table of {@link MpiHeatResult#table} for these points. */
    public static Table table(List<Point> points) {
        Map<Integer, Double> serial = new TreeMap<>();
        for (Point p : points) serial.put(p.mpi().n(), p.serialSeconds());
        return MpiHeatResult.table(points.stream().map(Point::mpi).toList(), serial::get);
    }

    /** Speed-up over the serial code (one thread) against ranks, with the ideal line (speed-up = ranks). */
    public static BufferedImage speedupChart(String title, List<Point> points) {
        if (points.isEmpty()) throw new IllegalArgumentException("no points to chart: run at least one rank count");
        String serial = points.getFirst().serial();
        double[] k = points.stream().mapToDouble(p -> p.mpi().ranks()).toArray();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("measured: " + serial + " on 1 thread / MPI", points.stream().mapToDouble(Point::speedup).toArray());
        series.put("ideal: = ranks", k.clone());
        return Charts.lines(title, "ranks", "speed-up over " + serial + ", 1 thread", k, series);
    }

    /**
     * Time per step of the slowest rank, stacked: compute, halo exchange (waiting for the neighbours
     * included), all-reduce, each measured with {@code MPI_Wtime} around that part.
     */
    public static BufferedImage splitChart(String title, List<Point> points) {
        List<String> labels = points.stream().map(p -> p.mpi().ranks() + " (n=" + p.mpi().n() + ")").toList();
        CategoryChart chart = new CategoryChartBuilder().width(Charts.width()).height(Charts.height()).title(title)
                .xAxisTitle("ranks").yAxisTitle("ms per step").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.addSeries("compute", labels, perStep(points, MpiHeatResult::compute));
        chart.addSeries("halo exchange", labels, perStep(points, MpiHeatResult::halo));
        chart.addSeries("all-reduce", labels, perStep(points, MpiHeatResult::reduce));
        return Charts.image(chart);
    }

    private static List<Double> perStep(List<Point> points, java.util.function.ToDoubleFunction<MpiHeatResult> part) {
        return points.stream().map(p -> 1e3 * part.applyAsDouble(p.mpi()) / Math.max(1, p.mpi().steps())).toList();
    }

    /** The rank counts, sorted and without repeats (as the CLI and the notebook take them). */
    public static int[] counts(int... ranks) {
        return Arrays.stream(ranks).distinct().sorted().toArray();
    }
}
