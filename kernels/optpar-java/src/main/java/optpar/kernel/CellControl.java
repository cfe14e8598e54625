package optpar.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import jdk.jshell.spi.SPIResolutionException;

/**
 * Runs the cells' code in the kernel's own JVM, as JShell's local engine does, with three changes:
 *
 * <ul>
 *   <li>every class a cell compiles gets stop checks ({@link StopChecks}) before it is loaded;</li>
 *   <li>the code runs on a thread of its own, the "cell thread", which Interrupt may interrupt
 *       (the kernel's socket threads are never interrupted: that would close their channels);</li>
 *   <li>a snippet's value is kept as the live object ({@link #takeValue()}), so that the kernel can
 *       show an image as an image and a table as a table, not their {@code toString()}.</li>
 * </ul>
 *
 * <p>A cell thread that does not stop within {@link #GRACE_MILLIS} after Interrupt (code in a library
 * that ignores interrupts, a native call) is left behind: the cell ends as interrupted, the next cell
 * gets a fresh thread.
 */
final class CellControl extends DirectExecutionControl {

    static final long GRACE_MILLIS = 1000;
    /** How long the checks stay armed after an interrupted cell has ended, unless another cell starts first. */
    static final long LINGER_MILLIS = 1000;
    /** What {@link #takeValue()} returns when the snippet had no value. */
    static final Object NO_VALUE = new Object();

    private final StopChecks checks = new StopChecks();
    private volatile ExecutorService runner = newRunner();
    private volatile Thread cellThread;
    private volatile boolean stopRequested;
    private volatile long stopRequestedAt;
    private volatile Object value = NO_VALUE;
    private volatile boolean leftBehind;
    /** Counts the interrupts, so a late disarm never undoes a newer one. */
    private final java.util.concurrent.atomic.AtomicLong stops = new java.util.concurrent.atomic.AtomicLong();

    /** The JShell engine provider that hands JShell this control. */
    ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "optpar";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, java.util.Map<String, String> parameters) {
                return CellControl.this;
            }
        };
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cell");
            t.setDaemon(true); // a cell thread left behind must not keep the JVM alive
            return t;
        });
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        for (ClassBytecodes c : classes) checks.remember(c.bytecodes());
        ClassBytecodes[] stoppable = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            stoppable[i] = new ClassBytecodes(classes[i].name(), checks.instrument(classes[i].bytecodes()));
        }
        super.load(stoppable);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        value = NO_VALUE;
        if (stopRequested) throw new StoppedException();
        Stop.disarm();   // checks still armed after an interrupted cell (see cellEnded) must not hit this one
        Future<Object> run = runner.submit(() -> {
            cellThread = Thread.currentThread();
            try {
                return doit.invoke(null);
            } finally {
                cellThread = null;
                Thread.interrupted(); // an interrupt that came late must not hit the next cell
            }
        });
        Object result;
        try {
            result = waitFor(run);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
            if (cause instanceof CellInterrupted || stopRequested) throw new StoppedException();
            if (cause instanceof SPIResolutionException unresolved) throw unresolved; // JShell reports these itself
            return throwConvertedInvocationException(cause);
        }
        value = result;
        // JShell keeps this string as the snippet's value; the kernel uses the live object instead,
        // so the (possibly slow) toString of a big object is not computed here.
        return result == null ? "null" : result.getClass().getName();
    }

    /** Waits for the cell's code; after an interrupt, at most {@link #GRACE_MILLIS} more. */
    private Object waitFor(Future<Object> run) throws ExecutionException, StoppedException, InterruptedException {
        while (true) {
            try {
                return run.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                if (stopRequested && System.nanoTime() - stopRequestedAt > GRACE_MILLIS * 1_000_000) {
                    leftBehind = true;
                    runner = newRunner(); // the old thread is left to itself; the next cell gets a new one
                    throw new StoppedException();
                }
            }
        }
    }

    /** Interrupt: every stop check throws and the cell thread is interrupted. */
    @Override
    public void stop() {
        stops.incrementAndGet();
        stopRequestedAt = System.nanoTime();
        stopRequested = true;
        Stop.arm();
        Thread t = cellThread;
        if (t != null) t.interrupt();
    }

    /** Whether Interrupt was pressed during the current cell. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** Whether the interrupted cell's thread did not stop in time and was left running. */
    boolean leftBehind() {
        return leftBehind;
    }

    /**
     * The cell has ended. After an interrupt the checks stay armed a little longer: worker threads the
     * cell started may not have reached their next check yet (on a busy machine they wait for a core),
     * and they must stop too. The next cell, or {@link #LINGER_MILLIS}, disarms them.
     */
    void cellEnded() {
        boolean wasStopped = stopRequested;
        stopRequested = false;
        leftBehind = false;
        if (!wasStopped) {
            Stop.disarm();
            return;
        }
        long generation = stops.get();
        Thread.ofVirtual().name("stop-linger").start(() -> {
            try {
                Thread.sleep(LINGER_MILLIS);
            } catch (InterruptedException ignored) {
                // disarm now
            }
            if (stops.get() == generation && !stopRequested) Stop.disarm();
        });
    }

    /** The live value of the last snippet run, or {@link #NO_VALUE}; forgets it. */
    Object takeValue() {
        Object v = value;
        value = NO_VALUE;
        return v;
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
