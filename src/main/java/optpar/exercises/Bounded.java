package optpar.exercises;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a learner's code with a time bound, so that an exception, an endless loop or a {@code null}
 * becomes one line instead of a stack trace or a hung kernel.
 *
 * <p>The code runs on its own daemon thread. When the bound passes, that thread is interrupted and
 * the check goes on. Java can no longer force a thread to stop: a loop that ignores interrupts keeps
 * running in the background (the message says so) until the kernel is restarted, but the kernel
 * stays usable.
 *
 * <pre>{@code
 * Bounded.Attempt<Long> a = Bounded.call("your binomial(30, 15)", Duration.ofSeconds(2), () -> binomial(30, 15));
 * if (a.failed()) System.out.println(a.failure().message());   // "your binomial(30, 15) threw ArithmeticException: / by zero"
 * }</pre>
 */
public final class Bounded {
    private Bounded() {}

    /** Code that may throw anything (FFM's {@code invokeExact} throws {@code Throwable}). */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws Throwable;
    }

    /** The value the code returned, or why there is none. */
    public record Attempt<T>(T value, Outcome failure) {
        public boolean failed() { return failure != null; }
    }

    /** The default bound on one call of a learner's code. */
    public static Duration defaultBound() {
        return Duration.ofSeconds(optpar.Course.size(20, 10));
    }

    /**
     * Calls {@code body} on a fresh thread and waits at most {@code bound}.
     *
     * @param what how to name the call in a message, e.g. "your sumOfSquares"
     */
    public static <T> Attempt<T> call(String what, Duration bound, Body<T> body) {
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                return body.run();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        });
        Thread runner = Thread.ofPlatform().daemon(true).name("exercise: " + what).unstarted(task);
        runner.start();
        try {
            T value = task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (value == null) return new Attempt<>(null, Outcome.notSolved(what + " returned null"));
            return new Attempt<>(value, null);
        } catch (TimeoutException e) {
            runner.interrupt();
            boolean stopped = waitBriefly(runner);
            return new Attempt<>(null, new Outcome(Outcome.Status.TIMED_OUT, what + " did not finish within "
                    + seconds(bound) + " (an endless loop, or far too much work?)"
                    + (stopped ? "; it was interrupted"
                               : "; it ignores interrupts and keeps running in the background until Kernel > Restart")));
        } catch (InterruptedException e) {
            runner.interrupt();
            Thread.currentThread().interrupt();
            return new Attempt<>(null, new Outcome(Outcome.Status.TIMED_OUT, what + " was interrupted (the cell was stopped)"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof ExecutionException inner && inner.getCause() != null ? inner.getCause() : e.getCause();
            return new Attempt<>(null, threw(what, cause));
        }
    }

    /** Runs a {@code void} body the same way; the attempt's value is {@code Boolean.TRUE} when it finished. */
    public static Attempt<Boolean> run(String what, Duration bound, ThrowingRunnable body) {
        return call(what, bound, () -> { body.run(); return Boolean.TRUE; });
    }

    /** A {@code Runnable} that may throw anything. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Throwable;
    }

    /** The one line for code that threw; a TODO placeholder counts as "not solved yet". */
    static Outcome threw(String what, Throwable t) {
        if (t == null) return new Outcome(Outcome.Status.THREW, what + " threw");
        if (t instanceof UnsupportedOperationException && (t.getMessage() == null || t.getMessage().toUpperCase().contains("TODO"))) {
            return Outcome.notSolved(what + " is not written yet (it throws " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ")");
        }
        StackTraceElement where = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
        return new Outcome(Outcome.Status.THREW, what + " threw " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()))
                + (where == null ? "" : " (at " + where.getMethodName() + ", line " + where.getLineNumber() + ")"));
    }

    private static boolean waitBriefly(Thread t) {
        try {
            t.join(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }
}
