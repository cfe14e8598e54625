package optpar.exercises;

import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import optpar.measure.Machine;
import optpar.measure.Timing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The exercises of notebook 06, the heat equation. */
public final class Ex06 {
    private Ex06() {}

    /** Exercise 1: the blocking depth. */
    public static final One one = new One();
    /** Exercise 2: a grid that fits in cache. */
    public static final Two two = new Two();

    /** The depths the exercise asks for. */
    public static final int[] DEPTHS = {1, 4, 16, 64};

    public static final class One extends Exercise {
        One() {
            super("06", 1, "the blocking depth",
                    "for (int depth : new int[]{1, 4, 16, 64}) { var solver = new BlockedHeat(depth); depths.add(Timing.measure(\"depth \" + depth, 1, repeats, () -> solver.solve(problem, maxThreads))); }",
                    "label each measurement \"depth D\": the check reads the depth from the label",
                    "Ex06.one.check(problem, depths)");
        }

        /** A measurement labelled "depth D" for each D of 1, 4, 16, 64, each grid bit-identical to the naive solver's. */
        public Outcome judge(HeatProblem problem, List<Timing.Result<double[]>> depths) {
            if (problem == null || depths == null || depths.isEmpty()) return Outcome.notSolved("no depths measured yet: pass the problem and the list of Timing results");
            Set<Integer> seen = new TreeSet<>();
            for (Timing.Result<double[]> r : depths) {
                String digits = r.label().replaceAll("\\D+", " ").strip();
                if (digits.isEmpty()) return Outcome.wrong("label \"" + r.label() + "\" does not say the depth: use \"depth D\"");
                seen.add(Integer.parseInt(digits.split(" ")[0]));
            }
            Set<Integer> wanted = Arrays.stream(DEPTHS).boxed().collect(Collectors.toCollection(TreeSet::new));
            if (!seen.containsAll(wanted)) return Outcome.notSolved("measured depths " + seen + "; the exercise asks for " + wanted);
            double[] reference = new NaiveHeat().solve(problem, 1);
            for (Timing.Result<double[]> r : depths) {
                if (!Arrays.equals(reference, r.value())) return Outcome.wrong(r.label() + " gave another grid than the naive solver on n=" + problem.n() + ", " + problem.steps() + " steps");
            }
            Timing.Result<double[]> one = depths.stream().filter(r -> r.label().matches("\\D*1\\D*")).findFirst().orElse(depths.get(0));
            Timing.Result<double[]> best = depths.stream().min((a, b) -> Double.compare(a.best(), b.best())).orElseThrow();
            return Outcome.solved(String.format(Locale.ROOT, "all depths give the naive solver's grid; fastest: %s, %.2fx depth 1. "
                    + "Depth 1 sends the grid through memory every step, as the bands solver does; a larger depth reuses rows in cache "
                    + "until the 2 (depth + 2) rows a sweep keeps hot no longer fit, or the depth exceeds the steps", best.label(), one.best() / best.best()));
        }

        public void check(HeatProblem problem, List<Timing.Result<double[]>> depths) { report(() -> judge(problem, depths)); }

        public void mustPass(HeatProblem problem, List<Timing.Result<double[]>> depths) { require(() -> judge(problem, depths)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("06", 2, "a grid that fits in cache",
                    "the two grids of side s take 2 x 8 x s² bytes; compare with Machine.here().l3Bytes() (and l2Bytes())",
                    "pass the big grid's side and the sides whose two grids fit in the last-level cache: Ex06.two.check(n, 128, 512)");
        }

        /** The sides (of 128, 512 and n) whose two grids fit in this machine's last-level cache. */
        public Outcome judge(int n, int... sidesThatFit) {
            Machine m = Machine.here();
            long llc = Math.max(m.l3Bytes(), m.l2Bytes());
            if (llc <= 0) return Outcome.solved("this system does not report its cache sizes: any answer stands (the grids of 128 and 512 fit in most L3 caches)");
            if (sidesThatFit == null || sidesThatFit.length == 0) return Outcome.notSolved("name the sides (of 128, 512 and " + n + ") whose two grids fit in the cache");
            Set<Integer> expected = new TreeSet<>(), given = new TreeSet<>();
            for (int s : new int[] {128, 512, n}) if (16L * s * s <= llc) expected.add(s);
            for (int s : sidesThatFit) given.add(s);
            String caches = "last-level cache " + Machine.bytes(llc) + "; two grids: 128 -> " + Machine.bytes(16L * 128 * 128)
                    + ", 512 -> " + Machine.bytes(16L * 512 * 512) + ", " + n + " -> " + Machine.bytes(16L * n * n);
            if (!given.equals(expected)) return Outcome.wrong("the grids that fit are " + expected + ", you named " + given + " (" + caches + ")");
            return Outcome.solved(expected + " fit (" + caches + "). Grids that fit never go to main memory, so their \"GB/s\" can beat the "
                    + "probe's line, which measures main memory; a grid too big for the cache meets the roof");
        }

        public void check(int n, int... sidesThatFit) { report(() -> judge(n, sidesThatFit)); }

        public void mustPass(int n, int... sidesThatFit) { require(() -> judge(n, sidesThatFit)); }
    }
}
