package optpar.measure;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProgressTest {

    @AfterEach
    void reset() {
        Progress.listen(null);
        Progress.useView(null);
        Progress.quiet(false);
    }

    @Test
    void aSmallSweepReportsEveryStepThenOneSummary() {
        List<Progress.Event> events = Collections.synchronizedList(new ArrayList<>());
        List<String> shown = new ArrayList<>(), finished = new ArrayList<>();
        Progress.listen(events::add);
        Progress.useView(title -> new Progress.View() {
            public void show(String line) { shown.add(line); }
            public void finish(String summary) { finished.add(summary); }
        });
        var cases = List.of(new Sweep.Case<Integer>("twice", true, true, t -> 2 * t, x -> x),
                new Sweep.Case<Integer>("once", false, true, t -> t, x -> x));
        Sweep.of("small sweep", cases).threads(1, 2, 3).warmups(0).repeats(1).run();

        // 3 thread counts of the parallel case + 1 row of the serial one
        Progress.Event last = events.getLast();
        assertTrue(last.finished());
        assertEquals(4, last.done());
        assertEquals(4, last.total());
        assertEquals(List.of("small sweep: 4 of 4 done in " + Timing.format(last.elapsedSeconds())), finished);
        // what runs now is named before each step, with its thread count
        List<String> currents = events.stream().filter(e -> !e.finished()).map(Progress.Event::current).distinct().toList();
        assertEquals(List.of("", "twice, 1 thread", "twice, 2 threads", "twice, 3 threads", "once, 1 thread"), currents);
        // done never goes backwards and never passes the total
        int prev = 0;
        for (Progress.Event e : events) {
            assertTrue(e.done() >= prev && e.done() <= e.total(), "done went " + prev + " -> " + e.done());
            prev = e.done();
        }
        assertTrue(shown.getFirst().startsWith("small sweep: 0/4"), shown.getFirst());
    }

    @Test
    void theEstimateOfWhatIsLeftComesFromTheStepsDone() {
        Progress.Event e = new Progress.Event("run", 2, 6, 4.0, 8.0, "x", false);
        assertEquals("run: 2/6, 4.00 s, about 8.00 s left; now x", e.line());
        List<Progress.Event> events = new ArrayList<>();
        Progress.listen(events::add);
        Progress.quiet(true);
        try (Progress p = Progress.start("run", 4)) {
            p.done();
            p.working("second");
        }
        Progress.Event afterOne = events.get(events.size() - 2);
        assertEquals(1, afterOne.done());
        assertEquals(afterOne.elapsedSeconds() * 3, afterOne.secondsLeft(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Progress.start("bad", -1));
    }
}
