package optpar.races;

/**
 * WRONG: {@code count++} is three steps (read, add one, write back). Two threads that read the same
 * value both write value+1, and one increment is lost: a lost update.
 *
 * <p>Worse, the JIT may keep a plain field in a register for a whole loop, so whole batches of
 * increments can vanish at once. Compare {@link VolatileRacyCounter}, and the correct counters.
 *
 * <pre>{@code
 * var report = LostUpdates.run(Counting.RACY, 4, 100_000);
 * System.out.println(report);   // e.g. "racy: counted 212345 of 400000, lost 187655"
 * }</pre>
 */
public final class RacyCounter implements SharedCounter {
    private long count;

    @Override public void increment() { count++; }   // read, add, write: not atomic

    @Override public long get() { return count; }
}
