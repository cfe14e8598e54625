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
 * Arguments: {@code N STEPS [--overlap] [--halo-depth H] [--no-gather] [--seed S] [--warmup W] [--repeat R]
 * [--report-every K] [--grid-out FILE] [--fail-rank R]}.
 * <ul>
 * <li>{@code --overlap}: the non-blocking halo exchange ({@code MPI_Isend}/{@code MPI_Irecv}) runs while
 *     the interior rows are updated; then {@code MPI_Waitall} and the two edge rows. Without it, the
 *     blocking {@code MPI_Sendrecv} exchange comes first and the whole block after it.</li>
 * <li>{@code --halo-depth H}: halos H rows deep ({@link DeepHaloBlock}): one exchange of H rows each way,
 *     then H steps in one sweep through the block, from cache. Default 1: {@link HeatBlock}, one row, every step.</li>
 * <li>{@code --no-gather}: rank 0 does not collect the grid (which needs N² doubles on it); the result
 *     then has {@code checksum=NaN} and only the all-reduced {@code total_heat}. For large runs.</li>
 * <li>{@code --seed S}: the seeded random initial field ({@link HeatProblem#withRandomField}) instead of the smooth one.</li>
 * <li>{@code --warmup W}: before the clock starts, W steps (halo exchange included) on the block, which
 *     then goes back to the initial field ({@code reset}); {@code auto} picks them from the block's size ({@link #autoWarmupSteps}). Each rank is a
 *     fresh JVM whose first steps run in the interpreter while the JIT compiles; without a warm-up the
 *     timing of a short run measures mostly that.</li>
 * <li>{@code --repeat R}: R timed runs, each from the initial field (default 1); {@code seconds} is the
 *     best, {@code runs} lists them all. The last run's grid is the one gathered.</li>
 * <li>{@code --report-every K}: every K steps all ranks add up the total heat (an {@code MPI_Allreduce})
 *     and rank 0 prints it. It is always done once at the end.</li>
 * <li>{@code --grid-out FILE}: rank 0 writes the gathered n x n grid there, row-major, as raw
 *     little-endian doubles (for the notebook's heat map).</li>
 * <li>{@code --fail-rank R}: rank R throws at its first step, to show how a failing rank ends the job.</li>
 * </ul>
 * Rank 0 ends with one machine-readable line:
 * <pre>
 * MPI_HEAT_RESULT ranks=3 n=200 steps=100 overlap=true halo_depth=1 seconds=0.0123 checksum=1234.56789 total_heat=1234.56789
 *     runs=0.0125,0.0123 compute=0.0101 halo=0.0015 reduce=0.0002 offheap_bytes=1090592 peak_rss_bytes=61234567
 *     anon_rss_bytes=41234567
 * </pre>
 * {@code seconds} is the step loop of the slowest rank, best of the runs (JVM start and gathering excluded);
 * {@code compute}, {@code halo} and {@code reduce} split the best run of the slowest rank into the parts
 * {@code MPI_Wtime} saw: updating rows, exchanging halos (waiting for them included) and all-reducing;
 * {@code offheap_bytes}, {@code peak_rss_bytes} and {@code anon_rss_bytes} are the largest over the ranks of
 * the block's bytes, of the process's peak resident memory and of its private resident memory at the end
 * ({@code VmHWM} and {@code RssAnon} in {@code /proc/self/status}, -1 where there is none; see {@link #residentBytes}). {@code checksum} is {@link HeatProblem#checksum} of the gathered grid, equal to the
 * serial one bit for bit; {@code total_heat} is the all-reduced sum of the blocks' sums, equal up to
 * rounding (the sum runs in another order).
 */
public final class MpiHeatRank {
    /** The first word of the result line. */
    public static final String RESULT_TAG = "MPI_HEAT_RESULT";

    private MpiHeatRank() {}

    /** The parsed command line. */
    record Options(int n, int steps, boolean overlap, int haloDepth, boolean gather, long seed, int warmup, int repeat,
                   int reportEvery, Path gridOut, int failRank) {
        static final String USAGE = "usage: MpiHeatRank N STEPS [--overlap] [--halo-depth H] [--no-gather] [--seed S] [--warmup W] "
                + "[--repeat R] [--report-every K] [--grid-out FILE] [--fail-rank R]";

        static Options parse(String[] args) {
            if (args.length < 2) throw new IllegalArgumentException(USAGE);
            int n = number(args[0], "N"), steps = number(args[1], "STEPS");
            int warmup = 0, repeat = 1, reportEvery = 0, failRank = -1, haloDepth = 1;
            boolean overlap = false, gather = true;
            long seed = HeatProblem.LECTURE_FIELD;
            Path gridOut = null;
            for (int i = 2; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--overlap")) { overlap = true; continue; }
                if (flag.equals("--no-gather")) { gather = false; continue; }
                if (i + 1 >= args.length) throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
                String value = args[++i];
                switch (flag) {
                    case "--seed" -> seed = seed(value);
                    case "--warmup" -> warmup = value.equals("auto") ? AUTO_WARMUP : number(value, flag);
                    case "--repeat" -> repeat = number(value, flag);
                    case "--halo-depth" -> haloDepth = number(value, flag);
                    case "--report-every" -> reportEvery = number(value, flag);
                    case "--grid-out" -> gridOut = Path.of(value);
                    case "--fail-rank" -> failRank = number(value, flag);
                    default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
                }
            }
            if (warmup < 0 && warmup != AUTO_WARMUP) throw new IllegalArgumentException("--warmup " + warmup + " is not allowed: use 0 or more steps, or auto");
            if (repeat < 1) throw new IllegalArgumentException("--repeat " + repeat + " is not allowed: use 1 or more timed runs");
            if (reportEvery < 0) throw new IllegalArgumentException("--report-every " + reportEvery + " is not allowed: use 0 (only at the end) or more");
            if (haloDepth < 1) throw new IllegalArgumentException("--halo-depth " + haloDepth + " is not allowed: use 1 or more rows");
            if (!gather && gridOut != null) throw new IllegalArgumentException("--grid-out needs the gathered grid: drop --no-gather");
            return new Options(n, steps, overlap, haloDepth, gather, seed, warmup, repeat, reportEvery, gridOut, failRank);
        }

        HeatProblem problem() {
            return new HeatProblem(n, steps, seed);
        }

        private static long seed(String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed '" + s + "' is not a whole number");
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

    /** Seconds one rank spent in each part of its step loop, read with {@code MPI_Wtime}. */
    static final class Split {
        double compute, halo, reduce, loop;   // loop: this rank's whole step loop
    }

    /**
     * A rank's block, one row deep ({@link HeatBlock}) or deeper ({@link DeepHaloBlock}), behind the one
     * step loop: {@link #advance} exchanges the halos and takes as many steps as they allow.
     */
    interface RankBlock {
        /** One exchange and up to {@code most} steps (blocking or overlapped), each part timed into {@code split}; returns the steps taken. */
        int advance(Mpi mpi, int most, boolean overlap, Split split);

        double ownSum();

        MemorySegment ownRows();

        /** The block's bytes: off-heap for one-row halos; for deep ones the heap arrays and the message buffers. */
        long offHeapBytes();

        /** Back to the initial field, for the next timed run. */
        void reset();

        static RankBlock of(HeatProblem problem, RowBlocks blocks, int rank, int haloDepth, Arena arena) {
            if (haloDepth == 1) {
                var block = new HeatBlock(problem, blocks, rank, arena);
                return new RankBlock() {
                    public int advance(Mpi mpi, int most, boolean overlap, Split split) { step(mpi, block, overlap, split); return 1; }
                    public double ownSum() { return block.ownSum(); }
                    public MemorySegment ownRows() { return block.ownRows(); }
                    public long offHeapBytes() { return block.offHeapBytes(); }
                    public void reset() { block.reset(); }
                };
            }
            var block = new DeepHaloBlock(problem, blocks, rank, haloDepth, arena);
            return new RankBlock() {
                public int advance(Mpi mpi, int most, boolean overlap, Split split) {
                    int d = Math.min(most, block.depth());
                    step(mpi, block, d, overlap, split);
                    return d;
                }
                public double ownSum() { return block.ownSum(); }
                public MemorySegment ownRows() {   // MPI reads native memory only: one copy, at the end
                    return arena.allocate(block.ownRows().byteSize(), Double.BYTES).copyFrom(block.ownRows());
                }
                public long offHeapBytes() { return block.bytes(); }
                public void reset() { block.reset(); }
            };
        }
    }

    public static void main(String[] args) {
        Mpi.runRank(mpi -> run(mpi, Options.parse(args)));   // a failing rank ends the whole job
    }

    static void run(Mpi mpi, Options o) throws IOException {
        var problem = o.problem();
        var blocks = new RowBlocks(o.n(), mpi.size());
        DeepHaloBlock.requireDepth(o.haloDepth(), blocks);
        int rank = mpi.rank();
        System.out.println(String.format("rank %d of %d: rows %d..%d (%d rows), neighbours up %s, down %s", rank,
                mpi.size(), blocks.first(rank), blocks.first(rank) + blocks.count(rank) - 1, blocks.count(rank),
                name(blocks.up(rank)), name(blocks.down(rank))));
        try (Arena arena = Arena.ofConfined()) {
            // One block for the warm-up and every timed run, reset to the initial field before each: a rank
            // never holds two blocks, so its peak memory is one block's (plus the JVM's own).
            var block = RankBlock.of(problem, blocks, rank, o.haloDepth(), arena);
            warmUp(mpi, o, block);
            double[] seconds = new double[o.repeat()];
            Split best = null;   // the parts of the best run (every rank agrees which: seconds are all-reduced)
            double bestSeconds = Double.MAX_VALUE;
            for (int run = 0; run < o.repeat(); run++) {
                block.reset();
                Split split = new Split();
                seconds[run] = timedSolve(mpi, o, block, run == o.repeat() - 1, split);   // the last run reports
                if (seconds[run] < bestSeconds || best == null) { bestSeconds = seconds[run]; best = split; }
            }
            double totalHeat = mpi.allreduceSum(block.ownSum());
            double[] grid = o.gather() ? gather(mpi, problem, blocks, block, arena) : null;
            // The parts of the slowest rank (whose loop time is the all-reduced maximum): the others
            // offer 0 to the MAX reductions, which every rank must take part in.
            boolean slowest = best.loop == Arrays.stream(seconds).min().orElseThrow();
            double compute = mpi.allreduceMax(slowest ? best.compute : 0), halo = mpi.allreduceMax(slowest ? best.halo : 0),
                    reduce = mpi.allreduceMax(slowest ? best.reduce : 0);
            double offHeap = mpi.allreduceMax(block.offHeapBytes()), rss = mpi.allreduceMax(residentBytes("VmHWM")),
                    anon = mpi.allreduceMax(residentBytes("RssAnon"));
            if (rank == 0) {
                if (o.gridOut() != null) write(grid, o.gridOut());
                String runs = Arrays.stream(seconds).mapToObj(Double::toString).collect(Collectors.joining(","));
                System.out.println(RESULT_TAG + " ranks=" + mpi.size() + " n=" + o.n() + " steps=" + o.steps()
                        + " overlap=" + o.overlap() + " halo_depth=" + o.haloDepth()
                        + " seconds=" + Arrays.stream(seconds).min().orElseThrow()
                        + " checksum=" + (grid == null ? Double.NaN : HeatProblem.checksum(grid))
                        + " total_heat=" + totalHeat + " runs=" + runs
                        + " compute=" + compute + " halo=" + halo + " reduce=" + reduce
                        + " offheap_bytes=" + (long) offHeap + " peak_rss_bytes=" + (long) rss + " anon_rss_bytes=" + (long) anon);
            }
        }
    }

    /**
     * All steps on {@code block}, blocking or overlapped, with each part timed into {@code split}.
     * Returns the time of the slowest rank: the clock starts together (after a barrier) and the job is
     * only as fast as its slowest rank.
     */
    private static double timedSolve(Mpi mpi, Options o, RankBlock block, boolean report, Split split) {
        int rank = mpi.rank();
        mpi.barrier();
        double start = mpi.wtime();
        for (int s = 0; s < o.steps(); ) {
            if (rank == o.failRank()) {
                throw new IllegalStateException("failing on purpose at step " + (s + 1) + " (--fail-rank " + o.failRank() + ")");
            }
            int before = s;
            s += block.advance(mpi, o.steps() - s, o.overlap(), split);
            // a report when the steps just taken passed a multiple of K (deep halos take several at once)
            if (o.reportEvery() > 0 && s / o.reportEvery() > before / o.reportEvery() && s < o.steps()) {
                double t0 = mpi.wtime();
                double own = block.ownSum();
                double t1 = mpi.wtime();
                double total = mpi.allreduceSum(own);   // every rank must call it, even if only rank 0 prints
                split.compute += t1 - t0;
                split.reduce += mpi.wtime() - t1;
                if (rank == 0 && report) System.out.println(String.format(Locale.ROOT, "step %d: total heat %.12g", s, total));
            }
        }
        split.loop = mpi.wtime() - start;
        return mpi.allreduceMax(split.loop);
    }

    /**
     * {@code d} steps on halos {@code d} or more rows deep: the same two ways as {@link #step(Mpi, HeatBlock, boolean, Split)},
     * with {@code d} steps where that takes one.
     */
    static void step(Mpi mpi, DeepHaloBlock block, int d, boolean overlap, Split split) {
        double t0 = mpi.wtime();
        if (!overlap) {
            block.exchangeHalos(mpi);
            double t1 = mpi.wtime();
            block.advance(d);
            split.halo += t1 - t0;
            split.compute += mpi.wtime() - t1;
            return;
        }
        block.startHaloExchange(mpi);   // the edge rows' copies included
        double t1 = mpi.wtime();
        block.advanceInterior(d);
        double t2 = mpi.wtime();
        block.finishHaloExchange(mpi);
        double t3 = mpi.wtime();
        block.advanceEdges(d);
        double t4 = mpi.wtime();
        split.halo += (t1 - t0) + (t3 - t2);
        split.compute += (t2 - t1) + (t4 - t3);
    }

    /**
     * One step. Blocking: exchange, then every row. Overlapped: post the exchange, update the rows that
     * do not need the halos while the messages travel, wait, then the two edge rows.
     */
    static void step(Mpi mpi, HeatBlock block, boolean overlap, Split split) {
        double t0 = mpi.wtime();
        if (!overlap) {
            block.exchangeHalos(mpi);
            double t1 = mpi.wtime();
            block.step();
            split.halo += t1 - t0;
            split.compute += mpi.wtime() - t1;
            return;
        }
        block.startHaloExchange(mpi);
        double t1 = mpi.wtime();
        block.updateInterior();
        double t2 = mpi.wtime();
        block.finishHaloExchange(mpi);
        double t3 = mpi.wtime();
        block.updateEdges();
        block.swap();
        double t4 = mpi.wtime();
        split.halo += (t1 - t0) + (t3 - t2);
        split.compute += (t2 - t1) + (t4 - t3);
    }

    /** {@code --warmup auto}: as many steps as {@link #autoWarmupSteps} gives. */
    static final int AUTO_WARMUP = -1;

    /** Row updates each rank makes in an automatic warm-up. */
    static final int WARMUP_ROW_UPDATES = 300_000;

    /**
     * Warm-up steps that give each rank about {@value #WARMUP_ROW_UPDATES} row updates (at least 30, at most 2000):
     * the JIT counts calls and loop turns, not steps. Thirty steps of a 1024-row block left the Vector API
     * rows still compiling when the clock started, and one rank measured 0.67x the in-process variant;
     * in one JVM the same rows ran as fast as it once compiled. Every rank computes the same number from
     * n and the rank count, so they all take the same steps (a halo exchange needs both sides).
     * <pre>{@code
     * MpiHeatRank.autoWarmupSteps(1024, 1);   // 293
     * }</pre>
     */
    static int autoWarmupSteps(int n, int ranks) {
        long rowsPerRank = Math.max(1, (n - 2L) / ranks);
        // at most 2000: on a tiny grid a step is mostly its halo exchange, which compiles no faster
        return (int) Math.max(30, Math.min(2_000, (WARMUP_ROW_UPDATES + rowsPerRank - 1) / rowsPerRank));
    }

    /**
     * Untimed steps on the block (reset afterwards by the caller): the JIT compiles the loops before the
     * clock starts. The reports' block sums are taken too, as often as in the timed run: left out, the
     * first sum of the timed run ran in the interpreter, and two ranks at N=2048 that report every 50
     * steps took 0.19-0.46 s instead of 0.14 s.
     */
    private static void warmUp(Mpi mpi, Options o, RankBlock block) {
        int steps = o.warmup() == AUTO_WARMUP ? autoWarmupSteps(o.n(), mpi.size()) : o.warmup();
        Split ignored = new Split();
        for (int s = 0; s < steps; ) {
            int before = s;
            s += block.advance(mpi, steps - s, o.overlap(), ignored);
            if (o.reportEvery() > 0 && s / o.reportEvery() > before / o.reportEvery()) mpi.allreduceSum(block.ownSum());
        }
    }

    /**
     * A memory figure of this process from {@code /proc/self/status}, in bytes, or -1 where there is none
     * (not Linux): {@code VmHWM} is the peak resident memory, {@code RssAnon} the private memory resident
     * now (heap, off-heap, the JVM's own), without the shared libraries and the shared memory that Open
     * MPI maps for messages between the ranks on one machine (which grows with the rank count).
     */
    static long residentBytes(String field) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }

    /** Rank 0 receives every block's own rows into the full grid; the boundary rows it already knows. */
    private static double[] gather(Mpi mpi, HeatProblem problem, RowBlocks blocks, RankBlock block, Arena arena) {
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
        double[] grid = new double[n * n];
        double[] row = new double[n];
        problem.initialRow(0, row);                  // rows 0 and n-1: the fixed boundary
        System.arraycopy(row, 0, grid, 0, n);
        problem.initialRow(n - 1, row);
        System.arraycopy(row, 0, grid, (n - 1) * n, n);
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
