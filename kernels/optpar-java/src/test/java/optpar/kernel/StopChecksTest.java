package optpar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rewritten classes compute what the originals do, and stop when the checks are armed. */
class StopChecksTest {

    /** Loops of the shapes cells have: for, while, do-while, nested, in a constructor. */
    public static final class Loops {
        final long made;

        public Loops(int n) {
            long s = 0;
            for (int i = 0; i < n; i++) s += i;
            made = s;
        }

        public static long mix(int[] a) {
            long s = 0;
            for (int i = 0; i < a.length; i++) {
                int k = a[i];
                while (k > 0) {
                    s += k & 3;
                    k >>= 2;
                }
                do {
                    s ^= s << 1;
                } while (s < 0 && s % 3 == 0);
            }
            return s + new Loops(a.length).made;
        }

        public static void spin() {
            long k = 0;
            while (true) {
                k++;
                if (k == Long.MIN_VALUE) return;
            }
        }
    }

    private static Class<?> loadChecked() throws Exception {
        String name = Loops.class.getName();
        byte[] bytes;
        try (InputStream in = StopChecksTest.class.getResourceAsStream("StopChecksTest$Loops.class")) {
            bytes = in.readAllBytes();
        }
        byte[] code = new StopChecks().instrument(bytes);
        return new ClassLoader(StopChecksTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(name)) return super.loadClass(n, resolve);
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : defineClass(n, code, 0, code.length);
                }
            }
        }.loadClass(name);
    }

    @AfterEach
    void disarm() {
        Stop.disarm();
    }

    @Test
    void checkedClassComputesWhatThePlainOneDoes() throws Throwable {
        MethodHandle mix = MethodHandles.publicLookup().findStatic(loadChecked(), "mix", MethodType.methodType(long.class, int[].class));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            int[] a = random.ints(random.nextInt(200), -1000, 1_000_000).toArray();
            assertEquals(Loops.mix(a), (long) mix.invokeExact(a), "seed " + seed + ", round " + round);
        }
    }

    @Test
    void armedChecksStopABusyLoopInAnotherThread() throws Throwable {
        MethodHandle spin = MethodHandles.publicLookup().findStatic(loadChecked(), "spin", MethodType.methodType(void.class));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                spin.invokeExact();
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        t.start();
        Thread.sleep(300); // long enough for the JIT to compile the loop with the no-op inlined
        Stop.arm();
        t.join(5000);
        assertTrue(!t.isAlive(), "the loop did not stop within 5 s of arming");
        assertTrue(ended.get() instanceof CellInterrupted, "ended with " + ended.get());
    }

    @Test
    void disarmedChecksLetCodeRunAgain() throws Throwable {
        MethodHandle mix = MethodHandles.publicLookup().findStatic(loadChecked(), "mix", MethodType.methodType(long.class, int[].class));
        Stop.arm();
        assertThrows(CellInterrupted.class, () -> {
            long ignored = (long) mix.invokeExact(new int[] {1, 2, 3});
        });
        Stop.disarm();
        assertEquals(Loops.mix(new int[] {1, 2, 3}), (long) mix.invokeExact(new int[] {1, 2, 3}));
    }
}
