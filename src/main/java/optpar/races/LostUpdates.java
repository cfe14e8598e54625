package optpar.races;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs the counting ways and reports lost updates as numbers: the race made visible.
 *
 * <pre>{@code
 * for (Counting way : Counting.values()) System.out.println(LostUpdates.run(way, 4, 200_000));
 * // racy           4 threads: counted 341,224 of 800,000, lost 458,776 (57.3%) in 0.004 s
 * // synchronized   4 threads: counted 800,000 of 800,000, lost 0 (0.0%) in 0.052 s
 * }</pre>
 */
public final class LostUpdates {
    private LostUpdates() {}

    /** One run of {@code way} on {@code threads} threads, {@code perThread} increments each. */
    public static CountReport run(Counting way, int threads, long perThread) {
        long start = System.nanoTime();
        long counted = way.count(threads, perThread);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new CountReport(way, threads, perThread, counted, seconds);
    }

    /**
     * The fastest of {@code repeats} runs (after one warm-up run), for cost charts. The count shown
     * is the lowest seen, so a racy way's worst loss is kept.
     */
    public static CountReport best(Counting way, int threads, long perThread, int repeats) {
        if (repeats < 1) throw new IllegalArgumentException("repeats=" + repeats + " is not allowed: it must be at least 1");
        run(way, threads, perThread);   // warm-up: let the JIT compile the loop first
        double bestSeconds = Double.MAX_VALUE;
        long lowest = Long.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            CountReport rep = run(way, threads, perThread);
            bestSeconds = Math.min(bestSeconds, rep.seconds());
            lowest = Math.min(lowest, rep.counted());
        }
        return new CountReport(way, threads, perThread, lowest, bestSeconds);
    }

    /** Every way at every thread count: one report each, for a table or a chart. */
    public static List<CountReport> sweep(List<Counting> ways, int[] threadCounts, long perThread, int repeats) {
        List<CountReport> out = new ArrayList<>();
        for (Counting way : ways) {
            for (int t : threadCounts) out.add(best(way, t, perThread, repeats));
        }
        return out;
    }

    /**
     * The reports as a table: way, threads, expected, counted, lost, lost %, ns per increment.
     *
     * <pre>{@code
     * LostUpdates.table(LostUpdates.sweep(List.of(Counting.values()), new int[] {1, 2}, 100_000, 1));
     * }</pre>
     */
    public static Table table(List<CountReport> reports) {
        StringColumn way = StringColumn.create("way");
        IntColumn threads = IntColumn.create("threads");
        LongColumn expected = LongColumn.create("expected");
        LongColumn counted = LongColumn.create("counted");
        LongColumn lost = LongColumn.create("lost");
        DoubleColumn lostPct = DoubleColumn.create("lost %");
        DoubleColumn ns = DoubleColumn.create("ns/increment");
        for (CountReport r : reports) {
            way.append(r.way().name().toLowerCase());
            threads.append(r.threads());
            expected.append(r.expected());
            counted.append(r.counted());
            lost.append(r.lost());
            lostPct.append(Math.round(1000 * r.lostFraction()) / 10.0);
            ns.append(Math.round(100 * r.nanosPerIncrement()) / 100.0);
        }
        return Table.create("Counting together", way, threads, expected, counted, lost, lostPct, ns);
    }
}
