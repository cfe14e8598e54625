package optpar.heat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A team of threads that run many rounds with a barrier after each: the skeleton of every parallel
 * time-stepping code. The threads are started once per solve and reused for every round (starting a
 * thread costs tens of microseconds; a step of a small grid costs less). The calling thread is worker 0.
 *
 * <p>The barrier is a {@link Phaser}: after a round no worker may start the next before all have
 * finished this one, because the next step reads the rows its neighbours just wrote. If a worker
 * fails, it terminates the phaser, which releases the others at once (no hang), and the failure is
 * rethrown to the caller. All threads have ended when {@link #run} returns.
 *
 * <pre>{@code
 * StepTeam.run(2, steps, (worker, step) -> updateMyRows(worker, step));
 * }</pre>
 */
final class StepTeam {
    private StepTeam() {}

    /** One worker's part of one round. */
    @FunctionalInterface
    interface Round {
        void run(int worker, int round);
    }

    /** Runs {@code rounds} rounds of {@code body} on {@code workers} threads, with a barrier after each. */
    static void run(int workers, int rounds, Round body) {
        if (workers == 1) {                       // no threads, no barrier
            for (int r = 0; r < rounds; r++) body.run(0, r);
            return;
        }
        Phaser barrier = new Phaser(workers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            final int id = w;
            Thread t = new Thread(() -> work(id, rounds, body, barrier, failure), "heat-worker-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        work(0, rounds, body, barrier, failure);
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException("a worker failed: " + e, e);
    }

    private static void work(int id, int rounds, Round body, Phaser barrier, AtomicReference<Throwable> failure) {
        try {
            for (int r = 0; r < rounds; r++) {
                body.run(id, r);
                barrier.arriveAndAwaitAdvance();
                if (barrier.isTerminated()) return;   // another worker failed
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            barrier.forceTermination();
        }
    }

    /** The first row of worker {@code w}'s band when the interior rows 1..n-2 are split into {@code bands}. */
    static int bandStart(int n, int bands, int w) {
        return 1 + (int) ((long) (n - 2) * w / bands);
    }
}
