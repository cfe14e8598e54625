package optpar.mpi;

import optpar.heat.HeatProblem;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * The program every MPI rank runs: the course's heat problem in row blocks, one halo row exchanged with
 * each neighbour per step, a global figure agreed by all-reduce, the final grid gathered to rank 0.
 * mpirun starts one JVM per rank; {@link MpiHeatLauncher} builds that command line for you.
 *
 * <pre>{@code
 * mpirun -np 3 java --enable-native-access=ALL-UNNAMED -cp target/classes optpar.mpi.MpiHeatRank 200 100 --report-every 50
 * }</pre>
 *
 * Arguments: {@code N STEPS [--warmup W] [--repeat R] [--report-every K] [--grid-out FILE] [--fail-rank R] [--seed S]}.
 * <ul>
 * <li>{@code --warmup W}: before the clock starts, W steps (halo exchange included) on a scratch copy of
 *     the block. Each rank is a fresh JVM whose first steps run in the interpreter while the JIT
 *     compiles; without a warm-up the timing of a short run measures mostly that.</li>
 * <li>{@code --repeat R}: R timed runs, each from the initial field (default 1); {@code seconds} is the
 *     best, {@code runs} lists them all. The last run's grid is the one gathered.</li>
 * <li>{@code --report-every K}: every K steps all ranks add up the total heat (an {@code MPI_Allreduce})
 *     and rank 0 prints it. It is always done once at the end.</li>
 * <li>{@code --grid-out FILE}: rank 0 writes the gathered n x n grid there, row-major, as raw
 *     little-endian doubles (for the notebook's heat map).</li>
 * <li>{@code --fail-rank R}: rank R throws at its first step, to show how a failing rank ends the job.</li>
 * <li>{@code --seed S}: start from the random field of {@link HeatProblem#withRandomField(long)} (tests).</li>
 * </ul>
 * Rank 0 ends with one machine-readable line:
 * <pre>
 * MPI_HEAT_RESULT ranks=3 n=200 steps=100 seconds=0.0123 checksum=1234.56789 total_heat=1234.56789 runs=0.0125,0.0123
 * </pre>
 * {@code seconds} is the step loop of the slowest rank, best of the runs (JVM start and gathering excluded);
 * {@code checksum} is {@link HeatProblem#checksum} of the gathered grid, equal to the serial one bit for
 * bit; {@code total_heat} is the all-reduced sum of the blocks' sums, equal up to rounding (the sum
 * runs in another order).
 */
public final class MpiHeatRank {
    /** The first word of the result line. */
    public static final String RESULT_TAG = "MPI_HEAT_RESULT";

    private MpiHeatRank() {}

    /** The parsed command line. */
    record Options(int n, int steps, int warmup, int repeat, int reportEvery, Path gridOut, int failRank, long seed) {
        static Options parse(String[] args) {
            if (args.length < 2) {
                throw new IllegalArgumentException("usage: MpiHeatRank N STEPS [--warmup W] [--repeat R] [--report-every K] [--grid-out FILE] [--fail-rank R] [--seed S]");
            }
            int n = number(args[0], "N"), steps = number(args[1], "STEPS");
            int warmup = 0, repeat = 1, reportEvery = 0, failRank = -1;
            Path gridOut = null;
            long seed = HeatProblem.LECTURE_FIELD;
            for (int i = 2; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException(flag + " needs a value");
                String value = args[++i];
                switch (flag) {
                    case "--warmup" -> warmup = number(value, flag);
                    case "--repeat" -> repeat = number(value, flag);
                    case "--report-every" -> reportEvery = number(value, flag);
                    case "--grid-out" -> gridOut = Path.of(value);
                    case "--fail-rank" -> failRank = number(value, flag);
                    case "--seed" -> seed = seed(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag
                            + "; allowed: --warmup W, --repeat R, --report-every K, --grid-out FILE, --fail-rank R, --seed S");
                }
            }
            if (warmup < 0) throw new IllegalArgumentException("--warmup " + warmup + " is not allowed: use 0 or more steps");
            if (repeat < 1) throw new IllegalArgumentException("--repeat " + repeat + " is not allowed: use 1 or more timed runs");
            if (reportEvery < 0) throw new IllegalArgumentException("--report-every " + reportEvery + " is not allowed: use 0 (only at the end) or more");
            return new Options(n, steps, warmup, repeat, reportEvery, gridOut, failRank, seed);
        }

        private static long seed(String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed '" + value + "' is not a whole number");
            }
        }

        private static int number(String s, String what) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " '" + s + "' is not a whole number");
            }
        }
    }

    public static void main(String[] args) {
        Mpi mpi;
        try {
            mpi = Mpi.init();
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(3);
            return;
        }
        try {
            run(mpi, Options.parse(args));
            mpi.close();
        } catch (Exception e) {
            // One line naming the rank, then end the whole job: the other ranks may be waiting in a
            // Sendrecv for this rank's row and would wait for ever.
            System.err.println("rank " + mpi.rank() + " error: " + e.getMessage());
            System.err.flush();
            mpi.abort(2);
            System.exit(2);
        }
    }

    static void run(Mpi mpi, Options o) throws IOException {
        var problem = new HeatProblem(o.n(), o.steps(), o.seed());
        var blocks = new RowBlocks(o.n(), mpi.size());
        int rank = mpi.rank();
        System.out.println(String.format("rank %d of %d: rows %d..%d (%d rows), neighbours up %s, down %s", rank,
                mpi.size(), blocks.first(rank), blocks.first(rank) + blocks.count(rank) - 1, blocks.count(rank),
                name(blocks.up(rank)), name(blocks.down(rank))));
        warmUp(mpi, problem, blocks, o.warmup());

        // Each timed run starts from the initial field; all but the last are thrown away with their arena.
        double[] seconds = new double[o.repeat()];
        for (int run = 0; run + 1 < o.repeat(); run++) {
            try (Arena scratch = Arena.ofConfined()) {
                seconds[run] = timedSolve(mpi, o, new HeatBlock(problem, blocks, rank, scratch), false);
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            var block = new HeatBlock(problem, blocks, rank, arena);
            seconds[o.repeat() - 1] = timedSolve(mpi, o, block, true);
            double totalHeat = mpi.allreduceSum(block.ownSum());
            double[] grid = gather(mpi, problem, blocks, block, arena);
            if (rank == 0) {
                if (o.gridOut() != null) write(grid, o.gridOut());
                String runs = Arrays.stream(seconds).mapToObj(Double::toString).collect(Collectors.joining(","));
                System.out.println(RESULT_TAG + " ranks=" + mpi.size() + " n=" + o.n() + " steps=" + o.steps()
                        + " seconds=" + Arrays.stream(seconds).min().orElseThrow() + " checksum=" + HeatProblem.checksum(grid)
                        + " total_heat=" + totalHeat + " runs=" + runs);
            }
        }
    }

    /**
     * All steps on {@code block}: exchange halos, then update, each step. Returns the time of the slowest
     * rank: the clock starts together (after a barrier) and the job is only as fast as its slowest rank.
     */
    private static double timedSolve(Mpi mpi, Options o, HeatBlock block, boolean report) {
        int rank = mpi.rank();
        mpi.barrier();
        double start = mpi.wtime();
        for (int s = 1; s <= o.steps(); s++) {
            block.exchangeHalos(mpi);
            if (rank == o.failRank()) {
                throw new IllegalStateException("failing on purpose at step " + s + " (--fail-rank " + o.failRank() + ")");
            }
            block.step();
            if (o.reportEvery() > 0 && s % o.reportEvery() == 0 && s < o.steps()) {
                double total = mpi.allreduceSum(block.ownSum());   // every rank must call it, even if only rank 0 prints
                if (rank == 0 && report) System.out.println(String.format(Locale.ROOT, "step %d: total heat %.12g", s, total));
            }
        }
        return mpi.allreduceMax(mpi.wtime() - start);
    }

    /** Steps on a scratch block that is then thrown away: the JIT compiles the loops before the clock starts. */
    private static void warmUp(Mpi mpi, HeatProblem problem, RowBlocks blocks, int steps) {
        if (steps == 0) return;
        try (Arena scratch = Arena.ofConfined()) {
            var block = new HeatBlock(problem, blocks, mpi.rank(), scratch);
            for (int s = 0; s < steps; s++) {
                block.exchangeHalos(mpi);
                block.step();
            }
        }
    }

    /** Rank 0 receives every block's own rows into the full grid; the boundary rows it already knows. */
    private static double[] gather(Mpi mpi, HeatProblem problem, RowBlocks blocks, HeatBlock block, Arena arena) {
        int n = problem.n(), ranks = mpi.size();
        int[] counts = new int[ranks], displs = new int[ranks];
        for (int r = 0; r < ranks; r++) {
            counts[r] = blocks.count(r) * n;
            displs[r] = blocks.first(r) * n;
        }
        boolean root = mpi.rank() == 0;
        MemorySegment all = root ? arena.allocate(JAVA_DOUBLE, (long) n * n) : null;
        mpi.gatherv(block.ownRows(), all, counts, displs, 0);
        if (!root) return null;
        double[] grid = problem.initial();           // rows 0 and n-1: the fixed boundary
        MemorySegment.copy(all, JAVA_DOUBLE, (long) n * Double.BYTES, grid, n, (n - 2) * n);
        return grid;
    }

    private static void write(double[] grid, Path file) throws IOException {
        try (Arena arena = Arena.ofConfined();
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            MemorySegment bytes = arena.allocate(JAVA_DOUBLE, grid.length);
            MemorySegment.copy(grid, 0, bytes, JAVA_DOUBLE.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 0, grid.length);
            var buffer = bytes.asByteBuffer();
            while (buffer.hasRemaining()) ch.write(buffer);
        }
    }

    private static String name(int rank) {
        return rank == Mpi.PROC_NULL ? "none (boundary)" : Integer.toString(rank);
    }
}
