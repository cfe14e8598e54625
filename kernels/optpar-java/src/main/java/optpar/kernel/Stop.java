package optpar.kernel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The stop check the kernel puts into every class a cell compiles: {@link #check()} at each method
 * entry and loop back-edge (see {@link StopChecks}).
 *
 * <p>Why a call site and not a {@code volatile boolean}: a volatile read in every iteration of a tight
 * loop is a real load the JIT must keep, and it stops loop optimisations (measured 3-5x slower here).
 * A {@link MutableCallSite} whose target is a no-op is a constant to the JIT: {@link #check()} inlines
 * to nothing. When the learner presses Interrupt, {@link #arm()} swaps the target for one that throws,
 * and {@link MutableCallSite#syncAll} makes every thread see it (compiled code that inlined the no-op
 * is deoptimised). {@link #disarm()} puts the no-op back once the cell has ended.
 *
 * <pre>{@code
 * Stop.arm();      // every instrumented loop now throws CellInterrupted at its next turn
 * Stop.disarm();   // back to free checks
 * }</pre>
 */
public final class Stop {

    private static final MethodHandle NOTHING = MethodHandles.empty(MethodType.methodType(void.class));
    private static final MethodHandle THROW;
    private static final MutableCallSite SITE = new MutableCallSite(NOTHING);
    /** A constant handle to the call site: the JIT inlines through it to the current target. */
    private static final MethodHandle CHECK = SITE.dynamicInvoker();

    static {
        try {
            THROW = MethodHandles.lookup().findStatic(Stop.class, "interrupted", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static volatile boolean armed;

    private Stop() {
    }

    /** Called by instrumented cell code; costs nothing unless the cell is being interrupted. */
    public static void check() {
        try {
            CHECK.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Makes every instrumented check throw {@link CellInterrupted}, in every thread. */
    public static synchronized void arm() {
        if (armed) return;
        armed = true;
        SITE.setTarget(THROW);
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
    }

    /** Makes the checks free again. */
    public static synchronized void disarm() {
        if (!armed) return;
        armed = false;
        SITE.setTarget(NOTHING);
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
    }

    /** Whether the checks throw now. */
    public static boolean isArmed() {
        return armed;
    }

    private static void interrupted() {
        throw new CellInterrupted();
    }
}
