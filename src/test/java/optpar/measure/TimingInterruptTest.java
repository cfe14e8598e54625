package optpar.measure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Kernel → Interrupt interrupts the cell's thread: a long measurement ends between its runs. */
class TimingInterruptTest {

    @Test
    void anInterruptedThreadStopsBetweenRuns() {
        AtomicInteger runs = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            CancellationException e = assertThrows(CancellationException.class,
                    () -> Timing.measure("slow", 2, 100, () -> { runs.incrementAndGet(); }));
            assertTrue(e.getMessage().contains("interrupted after 0 of 102 runs"), e.getMessage());
            assertTrue(runs.get() == 0, "ran " + runs.get() + " times after the interrupt");
        } finally {
            Thread.interrupted();
        }
    }
}
