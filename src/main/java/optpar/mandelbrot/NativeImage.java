package optpar.mandelbrot;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The marshalling every whole-image C Mandelbrot call shares: one native array of counts, one call
 * that fills it (threads and all), the counts copied back.
 */
final class NativeImage {
    private NativeImage() {}

    /** A C call that fills {@code counts} (row-major, height x width). */
    @FunctionalInterface
    interface Fill {
        void call(MemorySegment counts) throws Throwable;
    }

    static int[] fill(MandelbrotProblem p, Fill c) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment image = arena.allocate(JAVA_INT, p.pixels());
            c.call(image);
            return image.toArray(JAVA_INT);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
    }
}
