package optpar.exercises;

import optpar.Course;
import optpar.forkjoin.ForkJoinSum;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.measure.Sweep;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/** The exercises of notebook 09, fork-join. */
public final class Ex09 {
    private Ex09() {}

    /** Exercise 1: split in four. */
    public static final One one = new One();
    /** Exercise 2: how big a chunk? */
    public static final Two two = new Two();
    /** Exercise 3: static, but interleaved. */
    public static final Three three = new Three();

    /** Your four-way fork-join sum of {@code ForkJoinSum.work(x)} over the array, with a threshold. */
    @FunctionalInterface
    public interface QuadSum {
        long sum(long[] data, int threshold) throws Throwable;
    }

    public static final class One extends Exercise {
        One() {
            super("09", 1, "split in four",
                    "class QuadSum extends RecursiveTask<Long>: below the threshold a plain loop of ForkJoinSum.work(a[i]); above it four parts lo, lo+q, lo+2q, lo+3q, hi",
                    "fork three parts, compute the fourth yourself, then join the three (in reverse order of forking)",
                    "Ex09.one.check((data, threshold) -> pool.invoke(new QuadSum(data, 0, data.length, threshold))) in a ForkJoinPool");
        }

        /** Equal to {@code ForkJoinSum.sequential} on random arrays and small thresholds (so the quarters' bounds matter); not slower than the two-way sum. */
        public Outcome judge(QuadSum mine) {
            if (mine == null) return Outcome.notSolved("no four-way sum yet");
            Outcome right = Trials.<Object[], Long>of("the four-way sum")
                    .inputs(30, (r, i) -> new Object[] {ForkJoinSum.randomData(r.nextInt(30 * (i + 1) + 1), r.nextLong()), 4 + r.nextInt(16)})
                    .size(in -> ((long[]) in[0]).length)
                    .describe(in -> ((long[]) in[0]).length + " numbers " + Trials.show(in[0]) + ", threshold " + in[1])
                    .reference(in -> ForkJoinSum.sequential((long[]) in[0]))
                    .run("your four-way sum", in -> mine.sum(((long[]) in[0]).clone(), (Integer) in[1]));
            if (!right.solved()) return right;
            long[] data = ForkJoinSum.randomData(Course.size(8_000_000, 1_000_000), 42);
            int threshold = 65_536, cores = Course.cores();
            Outcome fast = Speed.target(0.7, "at least 0.7x the two-way ForkJoinSum (the same leaves: about the same time)")
                    .compare("the two-way sum", () -> ForkJoinSum.sum(data, threshold, cores), "your four-way sum", () -> mine.sum(data, threshold));
            return fast.solved() ? right.and(fast.message()) : fast;
        }

        public void check(QuadSum mine) { report(() -> judge(mine)); }

        public void mustPass(QuadSum mine) { require(() -> judge(mine)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("09", 2, "how big a chunk?",
                    "for (int g : new int[] {1, 4, 16, 64, uneven.height() / 2}) reports.add(RowScheduling.DYNAMIC_CHUNKS.run(uneven, most, g)); compare imbalance()",
                    "with a chunk of g rows there are only height / g chunks to hand out: how many threads get one?",
                    "Ex09.two.check(uneven, grain) with the chunk size that is as uneven as static bands");
        }

        /** The chunk size with only two chunks, H/2: two threads get all the work. */
        public Outcome judge(MandelbrotProblem uneven, int grain) {
            if (uneven == null || grain <= 0) return Outcome.notSolved("pass the image and your chunk size");
            int h = uneven.height();
            if (grain >= h / 2) {
                return Outcome.solved("with chunks of " + grain + " rows there are only " + (h + grain - 1) / grain
                        + " chunks: at most that many threads get work, the others none, as uneven as static bands (or worse). "
                        + "Keep many more chunks than threads, each still worth real work");
            }
            return Outcome.wrong("chunks of " + grain + " rows make " + (h + grain - 1) / grain + " chunks for the threads to share: "
                    + "plenty to even out the work. Which size leaves only a couple of chunks?");
        }

        public void check(MandelbrotProblem uneven, int grain) { report(() -> judge(uneven, grain)); }

        public void mustPass(MandelbrotProblem uneven, int grain) { require(() -> judge(uneven, grain)); }
    }

    /** The choices of exercise 3's last question, "when would a cyclic split fail?". */
    public static final List<String> WHEN_CYCLIC_FAILS = List.of(
            "A: when neighbouring rows cost about the same",
            "B: when the cost repeats with the split's period (every T-th row expensive), or one thread is slowed down",
            "C: whenever there are more rows than threads");

    public static final class Three extends Exercise {
        Three() {
            super("09", 3, "static, but interleaved",
                    "Sweep.of(\"Static splits\", List.<Sweep.Case<?>>of(new Sweep.Case<int[]>(\"contiguous bands\", true, true, t -> RowScheduling.STATIC_BANDS.run(uneven, t, 0).counts(), MandelbrotProblem::checksum), ...)).threads(threads).run()",
                    "the second case: new Sweep.Case<int[]>(\"cyclic rows (threads)\", true, true, t -> MandelbrotVariants.byName(\"threads\").compute(uneven, t), MandelbrotProblem::checksum)",
                    "Ex09.WHEN_CYCLIC_FAILS lists the answers; pass the table and a letter: Ex09.three.check(split, \"B\")");
        }

        /** A sweep with two cases that compute the same image; and the right choice of when a cyclic split fails. */
        public Outcome judge(Table split, String whenItFails) {
            if (split == null) return Outcome.notSolved("no sweep yet");
            var impls = split.stringColumn(Sweep.IMPL).unique();
            if (impls.size() < 2) return Outcome.notSolved("the sweep has " + impls.size() + " case(s): it needs the contiguous bands and the cyclic rows");
            var sums = split.doubleColumn(Sweep.CHECKSUM).unique();
            if (sums.size() != 1) return Outcome.wrong("the cases computed different images (checksums " + sums.asList() + "): both must compute the uneven image");
            if (whenItFails == null || whenItFails.isBlank()) return Outcome.notSolved("the sweep is right; now answer from Ex09.WHEN_CYCLIC_FAILS: " + WHEN_CYCLIC_FAILS);
            String a = whenItFails.strip().toUpperCase(Locale.ROOT);
            if (!a.startsWith("B")) return Outcome.wrong("not " + a.charAt(0) + ": a cyclic split relies on neighbouring rows costing about the same, whatever the number of rows");
            return Outcome.solved("each thread gets rows from everywhere: its share of the costly middle and of the cheap edges, without any run-time "
                    + "scheduling. It fails when the cost has the split's period, and it cannot adapt to a slowed-down thread; work stealing can");
        }

        public void check(Table split, String whenItFails) { report(() -> judge(split, whenItFails)); }

        public void mustPass(Table split, String whenItFails) { require(() -> judge(split, whenItFails)); }
    }
}
