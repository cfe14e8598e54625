package optpar.exercises;

import optpar.batch.BatchReport;
import optpar.batch.Reduced;

import java.util.List;
import java.util.Locale;

/** The exercises of notebook 12, batch jobs. */
public final class Ex12 {
    private Ex12() {}

    /** Exercise 1: slots or machines? */
    public static final One one = new One();
    /** Exercise 2: too-small jobs. */
    public static final Two two = new Two();
    /** Exercise 3: more failures. */
    public static final Three three = new Three();

    static Outcome sameJobs(BatchReport a, BatchReport b) {
        if (a.results().isEmpty()) return Outcome.notSolved("the " + a.engine() + " run has no results");
        if (a.results().size() != b.results().size()) {
            return Outcome.wrong("the two runs did different numbers of jobs (" + a.results().size() + " and " + b.results().size() + "): compare the same batch");
        }
        return null;
    }

    public static final class One extends Exercise {
        One() {
            super("12", 1, "slots or machines?",
                    "try (LocalCluster c = LocalCluster.start(2, 2, 2, memberTimeBound)) { warm up with one batch, then time the shapes }",
                    "1 member x 2 slots: new ClusterBatch(c.client(), 120, 2).limitMembers(1); 2 members x 1 slot: new ClusterBatch(c.client(), 120, 1)",
                    "Ex12.one.check(twoSlots, twoMembers)");
        }

        /** Both shapes ran the same batch, one member against two; their times are compared. */
        public Outcome judge(BatchReport oneMemberTwoSlots, BatchReport twoMembersOneSlot) {
            if (oneMemberTwoSlots == null || twoMembersOneSlot == null) return Outcome.notSolved("run both shapes: 1 member x 2 slots, and 2 members x 1 slot");
            Outcome same = sameJobs(oneMemberTwoSlots, twoMembersOneSlot);
            if (same != null) return same;
            double ratio = oneMemberTwoSlots.seconds() / twoMembersOneSlot.seconds();
            return Outcome.solved(String.format(Locale.ROOT, "1 member x 2 slots took %.2fx the time of 2 members x 1 slot. What counts is cores doing work, not JVMs: "
                    + "batch systems ask for cores per task (--cpus-per-task); one JVM per node saves memory, separate members fail separately", ratio));
        }

        public void check(BatchReport oneMemberTwoSlots, BatchReport twoMembersOneSlot) { report(() -> judge(oneMemberTwoSlots, twoMembersOneSlot)); }

        public void mustPass(BatchReport oneMemberTwoSlots, BatchReport twoMembersOneSlot) { require(() -> judge(oneMemberTwoSlots, twoMembersOneSlot)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("12", 2, "too-small jobs",
                    "BatchReport tinyPool = new ProcessPerJob(poolWorkers, 120).run(tinyJobs): the same tiny jobs, another output folder",
                    "compare throughput(): jobs per second",
                    "Ex12.two.check(tinySerial, tinyPool)");
        }

        /** The same tiny jobs in one process and in the pool: the pool, which starts a JVM per job, has the lower throughput. */
        public Outcome judge(BatchReport tinySerial, BatchReport tinyPool) {
            if (tinySerial == null || tinyPool == null) return Outcome.notSolved("run the tiny jobs both ways: SingleProcess.run and ProcessPerJob");
            Outcome same = sameJobs(tinySerial, tinyPool);
            if (same != null) return same;
            if (tinyPool.throughput() >= tinySerial.throughput()) {
                return Outcome.wrong(String.format(Locale.ROOT, "the pool did %.1f jobs/s, the single process %.1f: with work = 2 the jobs should be tiny (is the pool's batch the tiny one?)",
                        tinyPool.throughput(), tinySerial.throughput()));
            }
            return Outcome.solved(String.format(Locale.ROOT, "one process %.1f jobs/s, the pool %.1f: each tiny job costs a JVM start, not work. "
                    + "Make jobs bigger (several files per job): the results do not change, the overhead is paid fewer times", tinySerial.throughput(), tinyPool.throughput()));
        }

        public void check(BatchReport tinySerial, BatchReport tinyPool) { report(() -> judge(tinySerial, tinyPool)); }

        public void mustPass(BatchReport tinySerial, BatchReport tinyPool) { require(() -> judge(tinySerial, tinyPool)); }
    }

    public static final class Three extends Exercise {
        Three() {
            super("12", 3, "more failures",
                    "LocalCluster.start(3, 3, 1, memberTimeBound); in the result callback count results and c.kill(1) at files / 4, c.kill(2) at files / 2",
                    "then merge the results (Summary.merge) and compare with the single-process reference",
                    "Ex12.three.check(report, merged, reference)");
        }

        /** Every result of the batch with two members killed equals the reference. */
        public Outcome judge(BatchReport twoKilled, List<Reduced> merged, List<Reduced> reference) {
            if (twoKilled == null || merged == null || reference == null) return Outcome.notSolved("pass the report, the merged results and the reference");
            if (reference.isEmpty()) return Outcome.wrong("the reference is empty");
            if (!merged.equals(reference)) {
                return Outcome.wrong("the merged results differ from the reference (" + merged.size() + " rows against " + reference.size() + "): a lost job must run again, not vanish");
            }
            return Outcome.solved(twoKilled.reruns() + " job(s) ran again after the kills; all " + reference.size() + " results equal the reference. "
                    + "Any number of members may die as long as one survives; when the last dies, the batch ends with an error naming what is missing");
        }

        public void check(BatchReport twoKilled, List<Reduced> merged, List<Reduced> reference) { report(() -> judge(twoKilled, merged, reference)); }

        public void mustPass(BatchReport twoKilled, List<Reduced> merged, List<Reduced> reference) { require(() -> judge(twoKilled, merged, reference)); }
    }
}
