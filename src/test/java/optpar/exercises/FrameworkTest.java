package optpar.exercises;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** The machinery under every check: bounded calls, random trials, speed verdicts, progress, solutions. */
class FrameworkTest {
    @BeforeAll
    static void quick() {
        System.setProperty("optpar.quick", "1");
    }

    @Test
    void codeThatThrowsIsOneLineNamingTheException() {
        var a = Bounded.call("your code", Duration.ofSeconds(2), () -> Integer.parseInt("x"));
        assertTrue(a.failed());
        assertEquals(Outcome.Status.THREW, a.failure().status());
        assertTrue(a.failure().message().startsWith("your code threw NumberFormatException"), a.failure().message());
        assertFalse(a.failure().message().contains("\n"));
    }

    @Test
    void anEndlessLoopTimesOutAndTheCallerGoesOn() {
        long t0 = System.nanoTime();
        var a = Bounded.call("your loop", Duration.ofMillis(300), () -> { while (!Thread.currentThread().isInterrupted()) { } return 1; });
        assertEquals(Outcome.Status.TIMED_OUT, a.failure().status());
        assertTrue(a.failure().message().contains("did not finish within 300 ms"), a.failure().message());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "the caller waited far past the bound");
        // and the next call works: nothing is left blocked
        assertEquals(2, Bounded.call("next", Duration.ofSeconds(2), () -> 2).value());
    }

    @Test
    void nullAndTodoAreNotSolvedYet() {
        assertEquals(Outcome.Status.NOT_SOLVED, Bounded.call("yours", Duration.ofSeconds(2), () -> null).failure().status());
        var todo = Bounded.call("yours", Duration.ofSeconds(2), () -> { throw new UnsupportedOperationException("TODO"); });
        assertEquals(Outcome.Status.NOT_SOLVED, todo.failure().status());
    }

    @Test
    void theSmallestMismatchIsReportedWithItsSeed() {
        // wrong from size 5 on: the message must show the size-5 input, the first one tried where they differ
        Trials.seed(77);
        Outcome o = Trials.<Integer, Integer>of("the square")
                .inputs(30, (r, i) -> r.nextInt(40))
                .plus(5)
                .size(x -> x)
                .describe(x -> "x=" + x)
                .reference(x -> x * x)
                .run("yours", x -> x >= 5 ? x * x + 1 : x * x);
        assertEquals(Outcome.Status.WRONG, o.status());
        assertTrue(o.message().contains("x=5, expected 25 but got 26"), o.message());
        assertTrue(o.message().contains("(seed 77)"), o.message());
    }

    @Test
    void aRightFunctionPassesAndTheSeedRepeatsTheInputs() {
        Trials.seed(5);
        var first = Trials.<Integer, Integer>of("id").inputs(10, (r, i) -> r.nextInt(1000)).reference(x -> x);
        StringBuilder seen = new StringBuilder(), again = new StringBuilder();
        assertTrue(first.run("yours", x -> { seen.append(x).append(','); return x; }).solved());
        Trials.seed(5);
        Trials.<Integer, Integer>of("id").inputs(10, (r, i) -> r.nextInt(1000)).reference(x -> x)
                .run("yours", x -> { again.append(x).append(','); return x; });
        assertEquals(seen.toString(), again.toString());
    }

    /** A fake clock: each body advances it by a chosen number of nanoseconds. */
    private static final class FakeClock {
        final AtomicLong now = new AtomicLong();
        Bounded.ThrowingRunnable takes(long nanos) { return () -> now.addAndGet(nanos); }
    }

    @Test
    void speedIsJudgedOnTheMedianRatio() {
        var c = new FakeClock();
        Outcome met = Speed.target(1.5, "at least 1.5x").clock(c.now::get).judgeInQuickMode()
                .compare("ref", c.takes(3000), "yours", c.takes(1000));
        assertTrue(met.solved(), met.message());
        assertTrue(met.message().startsWith("3.00x ref"), met.message());
        Outcome slow = Speed.target(1.5, "at least 1.5x").clock(c.now::get).judgeInQuickMode()
                .compare("ref", c.takes(1000), "yours", c.takes(1000));
        assertEquals(Outcome.Status.TOO_SLOW, slow.status());
    }

    @Test
    void tooMuchSpreadCannotDecide() {
        var c = new FakeClock();
        long[] mine = {1000, 9000, 1000, 9000, 1000, 9000, 1000, 9000, 1000, 9000};
        int[] k = {0};
        Outcome o = Speed.target(1.5, "at least 1.5x").clock(c.now::get).judgeInQuickMode().warmups(0).rounds(8)
                .compare("ref", c.takes(3000), "yours", () -> c.now.addAndGet(mine[k[0]++]));
        assertEquals(Outcome.Status.UNDECIDED, o.status(), o.message());
        assertTrue(o.message().startsWith("cannot decide: too noisy"), o.message());
    }

    @Test
    void noiseThatClearsTheTargetStillDecides() {
        var c = new FakeClock();
        long[] mine = {100, 900, 100, 900, 100, 900, 100, 900};     // ratios 30x and 3.3x: noisy, all above 1.5x
        int[] k = {0};
        Outcome o = Speed.target(1.5, "at least 1.5x").clock(c.now::get).judgeInQuickMode().warmups(0).rounds(8)
                .compare("ref", c.takes(3000), "yours", () -> c.now.addAndGet(mine[k[0]++]));
        assertTrue(o.solved(), o.message());
    }

    @Test
    void inQuickModeASpeedMissIsNotHeldAgainstTheAnswer() {
        var c = new FakeClock();
        Outcome o = Speed.target(1.5, "at least 1.5x").clock(c.now::get).compare("ref", c.takes(1000), "yours", c.takes(2000));
        assertTrue(o.solved());
        assertTrue(o.message().startsWith("quick mode"), o.message());
    }

    @Test
    void checkRecordsProgressMustPassDoesNotAndMustPassThrows(@TempDir Path home) throws Exception {
        System.setProperty("optpar.progress.dir", home.toString());
        try {
            PrintStream out = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setOut(new PrintStream(printed, true));
            try {
                Ex09.two.mustPass(new optpar.mandelbrot.MandelbrotProblem(10, 20, 5), 10);
                assertFalse(Files.exists(ExerciseProgress.file()), "mustPass must not record progress");
                Ex09.two.check(new optpar.mandelbrot.MandelbrotProblem(10, 20, 5), 1);      // wrong: not recorded
                assertFalse(Files.exists(ExerciseProgress.file()));
                Ex09.two.check(new optpar.mandelbrot.MandelbrotProblem(10, 20, 5), 10);     // right
            } finally {
                System.setOut(out);
            }
            assertTrue(printed.toString().contains("not solved yet: 09.2"), printed.toString());
            assertTrue(printed.toString().contains("hint:"), printed.toString());
            assertTrue(ExerciseProgress.solved().containsKey("09.2"));
            assertEquals(home.resolve("progress.json"), ExerciseProgress.file());
            var t = ExerciseProgress.table();
            assertEquals(Exercises.all().size(), t.rowCount());
            assertTrue(t.name().startsWith("1 of " + Exercises.all().size()), t.name());
            var e = assertThrows(IllegalStateException.class, () -> Ex09.two.mustPass(new optpar.mandelbrot.MandelbrotProblem(10, 20, 5), 1));
            assertTrue(e.getMessage().contains("fails its check"), e.getMessage());
            // a damaged file is put aside, not a crash
            Files.writeString(ExerciseProgress.file(), "{not json");
            assertTrue(ExerciseProgress.solved().isEmpty());
            assertTrue(Files.exists(home.resolve("progress.json.damaged")));
        } finally {
            System.clearProperty("optpar.progress.dir");
        }
    }

    @Test
    void everyExerciseHasHintsAndASolutionSectionInItsNotebook() throws Exception {
        assertTrue(Exercises.all().size() >= 36, "exercises: " + Exercises.all().size());
        for (Exercise e : Exercises.all()) {
            assertFalse(e.hints().isEmpty(), e + " has no hints");
            Path nb = SolutionSource.notebook(e.lesson());
            assertFalse(SolutionSource.codeOf(nb, e.number()).isEmpty(), e + ": no '## Exercise " + e.number() + "' code in " + nb);
            assertTrue(SolutionSource.solution(e.lesson(), e.number()).startsWith("solution of " + e.id()));
        }
    }

    @Test
    void aMissingNotebookIsOneLine() {
        assertTrue(SolutionSource.solution("99", 1).contains("was not found"));
    }
}
