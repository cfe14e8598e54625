package optpar.exercises;

import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import optpar.mpi.MpiHeatResult;

import java.util.List;
import java.util.Locale;

/** The exercises of notebook 11, MPI. */
public final class Ex11 {
    private Ex11() {}

    /** Exercise 1: halos by hand. */
    public static final One one = new One();
    /** Exercise 2: the price of agreeing. */
    public static final Two two = new Two();
    /** Exercise 3: weak scaling. */
    public static final Three three = new Three();

    /** Your row blocks in one JVM: the final grid after {@code p.steps()} steps on {@code blocks} blocks. */
    @FunctionalInterface
    public interface Blocks {
        double[] solve(HeatProblem p, int blocks) throws Throwable;
    }

    public static final class One extends Exercise {
        One() {
            super("11", 1, "halos by hand",
                    "before the blocks step, for each r from 0 to blocks - 2: parts[r].haloBelow().copyFrom(parts[r + 1].firstOwnRow())",
                    "and the other direction: parts[r + 1].haloAbove().copyFrom(parts[r].lastOwnRow())",
                    "Ex11.one.check((p, k) -> blocksWithHalos(p, k)) with double[] blocksWithHalos(HeatProblem p, int blocks)");
        }

        /** Bit-identical to the serial solver on random grids, step counts and block counts. */
        public Outcome judge(Blocks mine) {
            if (mine == null) return Outcome.notSolved("no block solver yet");
            return Trials.<int[], double[]>of("the grid of the blocks")
                    .inputs(16, (r, i) -> {
                        int blocks = 2 + r.nextInt(3);
                        return new int[] {blocks + 2 + r.nextInt(4 + 3 * i), 1 + r.nextInt(3 + i), blocks};
                    })
                    .size(in -> (long) in[0] * in[0] * in[1])
                    .describe(in -> "n=" + in[0] + ", " + in[1] + " steps, " + in[2] + " blocks")
                    .reference(in -> new NaiveHeat().solve(new HeatProblem(in[0], in[1]), 1))
                    .run("your blocks", in -> mine.solve(new HeatProblem(in[0], in[1]), in[2]))
                    .and("each step, a block needs its neighbours' edge rows from the previous step: exactly what the two MPI_Sendrecv calls move");
        }

        public void check(Blocks mine) { report(() -> judge(mine)); }

        public void mustPass(Blocks mine) { require(() -> judge(mine)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("11", 2, "the price of agreeing",
                    "MpiHeatResult everyStep = quiet.reportEvery(1).run(2, problem);",
                    "the extra cost per step is (everyStep.seconds() - endOnly.seconds()) / steps",
                    "Ex11.two.check(endOnly, everyStep)");
        }

        /** Two runs of the same problem on 2 ranks, with the same final grid; the extra seconds per reduction are reported. */
        public Outcome judge(MpiHeatResult endOnly, MpiHeatResult everyStep) {
            if (endOnly == null || everyStep == null) return Outcome.notSolved("pass both runs: reportEvery(0) first, then reportEvery(1)");
            if (endOnly == everyStep) return Outcome.notSolved("that is the same run twice: run it again with reportEvery(1)");
            if (endOnly.ranks() != 2 || everyStep.ranks() != 2) return Outcome.wrong("the exercise compares runs on K = 2 ranks; these had " + endOnly.ranks() + " and " + everyStep.ranks());
            if (endOnly.n() != everyStep.n() || endOnly.steps() != everyStep.steps()) {
                return Outcome.wrong("the runs solved different problems (n " + endOnly.n() + " and " + everyStep.n() + ", steps " + endOnly.steps() + " and " + everyStep.steps() + ")");
            }
            if (endOnly.checksum() != everyStep.checksum()) return Outcome.wrong("the grids differ (checksums " + endOnly.checksum() + ", " + everyStep.checksum() + "): a reduction only reads the grid");
            double perStep = (everyStep.seconds() - endOnly.seconds()) / endOnly.steps();
            return Outcome.solved(String.format(Locale.ROOT, "one all-reduce per step cost %.1f us per step here (%.4f s against %.4f s; noise can make it negative). "
                    + "Every rank waits for the slowest: solvers check convergence every 10 or 100 steps, not every one", perStep * 1e6, everyStep.seconds(), endOnly.seconds()));
        }

        public void check(MpiHeatResult endOnly, MpiHeatResult everyStep) { report(() -> judge(endOnly, everyStep)); }

        public void mustPass(MpiHeatResult endOnly, MpiHeatResult everyStep) { require(() -> judge(endOnly, everyStep)); }
    }

    public static final class Three extends Exercise {
        Three() {
            super("11", 3, "weak scaling",
                    "for (int kk : ranks) weak.add(quiet.reportEvery(0).run(kk, new HeatProblem(nOf(kk), steps)));",
                    "with n(K) = round(n * sqrt(K)), each rank updates about n(K)² / K = n² points",
                    "Ex11.three.check(weak, n)");
        }

        /** One run per rank count, each on its own n(K) = round(n √K). */
        public Outcome judge(List<MpiHeatResult> weak, int n) {
            if (weak == null || weak.isEmpty()) return Outcome.notSolved("no weak-scaling runs yet");
            if (weak.stream().map(MpiHeatResult::ranks).distinct().count() < 2) return Outcome.notSolved("run at least two rank counts");
            for (MpiHeatResult r : weak) {
                int expected = (int) Math.round(n * Math.sqrt(r.ranks()));
                if (r.n() != expected) {
                    return Outcome.wrong("the run on K = " + r.ranks() + " solved n = " + r.n() + "; weak scaling needs n(K) = round(" + n + " x sqrt(" + r.ranks() + ")) = " + expected);
                }
            }
            MpiHeatResult first = weak.get(0), last = weak.get(weak.size() - 1);
            return Outcome.solved(String.format(Locale.ROOT, "each rank kept about %d points; the time went from %.4f s (K=%d) to %.4f s (K=%d); ideal: flat. "
                    + "Up to the cores it stays nearly flat (plus halos growing as sqrt(K)); past them the ranks share cores",
                    (long) n * n, first.seconds(), first.ranks(), last.seconds(), last.ranks()));
        }

        public void check(List<MpiHeatResult> weak, int n) { report(() -> judge(weak, n)); }

        public void mustPass(List<MpiHeatResult> weak, int n) { require(() -> judge(weak, n)); }
    }
}
