package optpar.threads;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Tag("integration")   // starts real child JVMs
    @Test
    void processPoolGivesTheInProcessResultsAndItsChildrenEnd() {
        List<ProcessHandle> children;
        SplittableRandom rnd = TestSeed.splittable();
        try (var pool = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new WorkerProcessPool(2))) {
            children = pool.processes();
            assertEquals(2, children.size());
            assertTrue(children.stream().allMatch(ProcessHandle::isAlive));

            List<double[]> inputs = new ArrayList<>();
            for (int i = 0; i < 7; i++) inputs.add(rnd.doubles(rnd.nextInt(0, 5000), -1e3, 1e3).toArray());
            for (WorkerTask task : List.of(WorkerTask.SQUARE, WorkerTask.SUM_OF_SQUARES)) {
                List<double[]> remote = pool.map(task, inputs, Duration.ofSeconds(30));
                for (int i = 0; i < inputs.size(); i++) assertArrayEquals(task.apply(inputs.get(i)), remote.get(i), task + " #" + i);
            }

            var p = new MandelbrotProblem(rnd.nextInt(1, 200), 40, rnd.nextInt(1, 300));
            List<double[]> bands = List.of(new double[] {p.width(), p.height(), p.maxIter(), 0, 13},
                    new double[] {p.width(), p.height(), p.maxIter(), 13, 40});
            List<double[]> rows = pool.map(WorkerTask.MANDELBROT_ROWS, bands, Duration.ofSeconds(30));
            int[] reference = new ScalarMandelbrot().compute(p, 1);
            int k = 0;
            for (double[] band : rows) for (double v : band) assertEquals(reference[k++], (int) v);
            assertEquals(reference.length, k);

            Future<double[]> slow = pool.submit(WorkerTask.SLOW_SQUARE, new double[] {10, 300});
            assertFalse(slow.isDone(), "a job that sleeps 300 ms is not done at once");
            assertEquals(100.0, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> slow.get())[0]);

            // A bad job fails with its message, and the worker stays usable.
            var e = assertThrows(IllegalStateException.class,
                    () -> pool.map(WorkerTask.SLOW_SQUARE, List.of(new double[] {1}), Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains("SLOW_SQUARE takes"), e.getMessage());
            assertArrayEquals(new double[] {4}, pool.map(WorkerTask.SQUARE, List.of(new double[] {2})).get(0));
        }
        for (ProcessHandle h : children) {
            assertFalse(h.isAlive(), "worker " + h.pid() + " must have ended after close()");
        }
    }

    @Tag("integration")   // starts real child JVMs
    @Test
    void mapPastItsBoundClosesThePoolAndKillsTheWorkers() {
        var pool = new WorkerProcessPool(1);
        List<ProcessHandle> children = pool.processes();
        var e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(IllegalStateException.class,
                () -> pool.map(WorkerTask.SLOW_SQUARE, List.of(new double[] {1, 60_000}), Duration.ofMillis(300))));
        assertTrue(e.getMessage().contains("did not finish"));
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive));
        assertThrows(IllegalStateException.class, () -> pool.submit(WorkerTask.SQUARE, new double[] {1}));
        pool.close();   // a second close is harmless
    }

    @Tag("integration")   // starts real child JVMs
    @Test
    void startCostsArePositiveAndBadCountsRejected() {
        assertTrue(StartCost.platformThread(50) > 0);
        assertTrue(StartCost.virtualThread(50) > 0);
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(40), () -> StartCost.childJvm(1)) > 0);
        assertThrows(IllegalArgumentException.class, () -> StartCost.platformThread(0));
        assertThrows(IllegalArgumentException.class, () -> StartCost.childJvm(0));
        assertThrows(IllegalArgumentException.class, () -> new WorkerProcessPool(0));
    }

    @Tag("integration")   // starts real child JVMs
    @Test
    void commonPoolParallelismIsSetPerChildJvmAndTheAnswerStaysTheSame() {
        var p = new MandelbrotProblem(120, 80, 50);
        long expected = MandelbrotProblem.checksum(new ScalarMandelbrot().compute(p, 1));
        var one = ImplicitParallelism.measure(1, p, 1);
        var three = ImplicitParallelism.measure(3, p, 1);
        assertEquals(1, one.parallelism());
        assertEquals(3, three.parallelism());
        assertTrue(one.threads() <= 2, "one pool worker plus the calling thread: " + one);
        assertEquals(expected, one.checksum());
        assertEquals(expected, three.checksum());
        assertThrows(IllegalArgumentException.class, () -> ImplicitParallelism.measure(-2, p, 1));
    }

    @Test
    void waitingWorkOnVirtualThreadsOverlaps() {
        // 200 tasks of 50 ms on one platform thread would take 10 s; virtual threads wait together.
        double seconds = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> WaitingWork.onVirtualThreads(200, 50));
        assertTrue(seconds > 0.04, "each task sleeps 50 ms");
        assertTrue(WaitingWork.onPlatformPool(4, 8, 10) >= 0.019, "8 tasks of 10 ms on 4 threads take at least two rounds");
        assertThrows(IllegalArgumentException.class, () -> WaitingWork.onPlatformPool(0, 1, 1));
    }
}
