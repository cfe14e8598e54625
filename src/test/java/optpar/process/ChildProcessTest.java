package optpar.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ChildProcessTest {

    @Test
    void returnsOutputAndExitCode() {
        ChildProcess.Result r = ChildProcess.of("sh", "-c", "echo out; echo err >&2; exit 3").timeout(Duration.ofSeconds(10)).run();
        assertEquals(3, r.exitCode());
        assertEquals(List.of("out"), r.stdout());
        assertEquals(List.of("err"), r.stderr());
        ChildProcessException e = assertThrows(ChildProcessException.class, r::requireSuccess);
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("err"), "the last lines are in the message: " + e.getMessage());
    }

    @Test
    void aChildThatPrintsMoreThanAPipeHoldsDoesNotBlock() {
        // 4 MiB of output: a pipe read only after waitFor would block the child for ever
        ChildProcess.Result r = ChildProcess.of("sh", "-c", "head -c 4194304 /dev/zero | tr '\\0' 'x'; echo")
                .timeout(Duration.ofSeconds(20)).run().requireSuccess();
        assertEquals(4 << 20, r.stdout().getFirst().length());
    }

    @Test
    void theDeadlineStopsTheWholeTree() throws Exception {
        long start = System.nanoTime();
        // the shell starts a grandchild sleeper; killing only the shell would leave it running
        ChildProcessException e = assertThrows(ChildProcessException.class, () ->
                ChildProcess.of("sh", "-c", "sleep 60 & echo started $!; wait").timeout(Duration.ofMillis(800)).run());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "the bound fired: " + seconds + " s");
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
        String started = e.getMessage().lines().map(String::trim).filter(l -> l.startsWith("started ")).findFirst().orElseThrow();
        long grandchild = Long.parseLong(started.split(" ")[1]);
        Thread.sleep(500);
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false), "grandchild " + grandchild + " was stopped too");
    }

    @Test
    void linesArriveWhileTheChildRuns() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Long> whenSeen = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ChildProcess.of("sh", "-c", "echo one; sleep 1; echo two").timeout(Duration.ofSeconds(10))
                .onLine(l -> { seen.add(l); whenSeen.add(System.nanoTime() - start); }).run().requireSuccess();
        assertEquals(List.of("one", "two"), seen);
        assertTrue(whenSeen.getFirst() < 900_000_000L, "the first line came before the child ended: " + whenSeen.getFirst() / 1e6 + " ms");
    }

    @Test
    void anInterruptedCallerStopsTheChild() throws Exception {
        Thread caller = Thread.currentThread();
        Thread.ofPlatform().start(() -> { try { Thread.sleep(300); } catch (InterruptedException ignored) { } caller.interrupt(); });
        long start = System.nanoTime();
        ChildProcessException e = assertThrows(ChildProcessException.class,
                () -> ChildProcess.of("sleep", "30").timeout(Duration.ofSeconds(30)).run());
        assertTrue(Thread.interrupted(), "the interrupt flag is kept for the caller");
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
        assertTrue(e.getMessage().startsWith("interrupted"), e.getMessage());
    }

    @Test
    void badInputGetsOneLine() {
        assertThrows(IllegalArgumentException.class, () -> ChildProcess.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ChildProcess.of("true").timeout(Duration.ZERO));
        ChildProcessException e = assertThrows(ChildProcessException.class, () -> ChildProcess.of("no-such-program-optpar").run());
        assertTrue(e.getMessage().contains("could not start"), e.getMessage());
    }

    @Test
    void inputIsFedToTheChild() {
        ChildProcess.Result r = ChildProcess.of("cat").input("a\nb\n").timeout(Duration.ofSeconds(10)).run().requireSuccess();
        assertEquals(List.of("a", "b"), r.stdout());
    }

    @Test
    void aPipedChildAnswersRequestsAndEndsWhenItsInputCloses() throws Exception {
        try (ChildProcess.Running cat = ChildProcess.of("cat").pipedStdio().start()) {
            var in = new java.io.PrintStream(cat.stdin(), true, java.nio.charset.StandardCharsets.UTF_8);
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(cat.stdout(), java.nio.charset.StandardCharsets.UTF_8));
            in.println("ping");
            assertEquals("ping", out.readLine(), "the answer comes back through the pipe");
            assertThrows(IllegalStateException.class, cat::exitCode, "still running");
            in.close();
            assertEquals(0, cat.waitFor(Duration.ofSeconds(10)).exitCode());
            assertEquals(0, cat.exitCode());
        }
        assertThrows(IllegalStateException.class, () -> ChildProcess.of("cat").pipedStdio().run(), "a piped child needs a reader");
        try (ChildProcess.Running notPiped = ChildProcess.of("true").start()) {
            assertThrows(IllegalStateException.class, notPiped::stdout, "output goes to files unless pipes were asked for");
        }
    }

    @Test
    void killEndsTheWholeTreeAtOnceAndCloseIsSafeTwice() throws Exception {
        ChildProcess.Running sh = ChildProcess.of("sh", "-c", "sleep 60 & echo started $!; wait").start();
        long grandchild = -1;
        for (int i = 0; i < 100 && grandchild < 0; i++) {
            grandchild = sh.linesSoFar().stream().filter(l -> l.startsWith("started ")).mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                    .findFirst().orElse(-1);
            Thread.sleep(50);
        }
        assertTrue(grandchild > 0, "the shell said which sleeper it started: " + sh.linesSoFar());
        sh.kill();
        assertFalse(sh.isAlive());
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false), "the grandchild went too");
        sh.exitCode();   // ended: its code is there (0 or not: the sleeper is killed first, and the shell may end on its own)
        sh.close();
        sh.close();
    }
}
