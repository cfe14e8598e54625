package optpar.mandelbrot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The C twin of {@code vector} works on as many lanes as the Java species, so they are twins lane for lane. */
class NativeSimdLanesTest {
    @Test
    void theCVectorsHoldAsManyDoublesAsTheJavaSpecies() {
        var k = new NativeSimdMandelbrot();
        assumeTrue(k.available(), "native-simd unavailable here");
        assertEquals(VectorMandelbrot.SPECIES.length(), k.lanes(), "gcc -march=native and the JVM chose different vector widths");
    }
}
