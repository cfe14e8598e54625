package optpar.races;

/**
 * What one counting run gave: how many increments were made, how many the counter shows, how many
 * were lost, and how long it took. {@code counted + lost == expected} always.
 *
 * <pre>{@code
 * CountReport r = LostUpdates.run(Counting.RACY, 2, 1_000_000);
 * System.out.printf("%s lost %d of %d updates (%.1f%%)%n", r.way(), r.lost(), r.expected(), 100 * r.lostFraction());
 * }</pre>
 *
 * @param way       the way of counting
 * @param threads   threads that counted
 * @param perThread increments per thread
 * @param counted   what the counter showed at the end
 * @param seconds   wall time from the start signal until every thread was done
 */
public record CountReport(Counting way, int threads, long perThread, long counted, double seconds) {
    /** The increments made: {@code threads * perThread}. */
    public long expected() { return threads * perThread; }

    /** The increments lost: {@code expected - counted}. */
    public long lost() { return expected() - counted; }

    /** The lost increments as a fraction of those made. */
    public double lostFraction() { return (double) lost() / expected(); }

    /** Nanoseconds per increment, all threads together (wall time / increments made). */
    public double nanosPerIncrement() { return seconds * 1e9 / expected(); }

    @Override
    public String toString() {
        return String.format("%-14s %2d threads: counted %,d of %,d, lost %,d (%.1f%%) in %.3f s",
                way.name().toLowerCase(), threads, counted, expected(), lost(), 100 * lostFraction(), seconds);
    }
}
