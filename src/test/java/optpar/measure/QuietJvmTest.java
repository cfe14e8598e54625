package optpar.measure;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietJvmTest {

    @Test
    void anIdleJvmSettlesWithinItsBoundAndSaysTheJitWentIdle() {
        var s = QuietJvm.settle(Duration.ofSeconds(20));
        assertTrue(s.jitIdle(), "an idle test JVM's compilers went quiet: " + s);
        assertTrue(s.waitedMillis() >= 150 && s.waitedMillis() < 20_000, s.toString());
    }

    @Test
    void theBoundIsKeptWhileTheJitIsBusy() throws Exception {
        // A thread that keeps loading fresh code paths keeps the JIT busy; the bound still holds.
        var busy = Thread.ofPlatform().daemon().start(() -> {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) x += java.util.stream.IntStream.range(0, 1000).map(i -> i * 3).sum();
        });
        long t0 = System.nanoTime();
        var s = QuietJvm.settle(Duration.ofMillis(300));
        long took = (System.nanoTime() - t0) / 1_000_000;
        busy.interrupt();
        assertTrue(took < 5_000 && s.waitedMillis() <= took, "waited " + s.waitedMillis() + " ms, took " + took + " ms");
    }

    @Test
    void aBoundThatIsNotPositiveIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> QuietJvm.settle(Duration.ZERO));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }
}
