package optpar.measure;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AmdahlTest {

    @Test
    void recoversAKnownSerialFractionFromExactPoints() {
        for (double s : new double[] {0.0, 0.05, 0.2, 0.5, 1.0}) {
            Amdahl truth = new Amdahl(s);
            int[] p = {1, 2, 3, 4, 8, 16};
            double[] sp = new double[p.length];
            for (int i = 0; i < p.length; i++) sp[i] = truth.predict(p[i]);
            assertEquals(s, Amdahl.fit(p, sp).serialFraction(), 1e-12);
        }
    }

    @Test
    void recoversItApproximatelyFromNoisyPoints() {
        Random rnd = new Random(42);
        double s = 0.1 + 0.2 * rnd.nextDouble();
        Amdahl truth = new Amdahl(s);
        int[] p = {1, 2, 4, 6, 8, 12, 16, 32};
        double[] sp = new double[p.length];
        for (int i = 0; i < p.length; i++) sp[i] = truth.predict(p[i]) * (1 + 0.01 * rnd.nextGaussian());
        assertEquals(s, Amdahl.fit(p, sp).serialFraction(), 0.02);
    }

    @Test
    void lawAndLimits() {
        Amdahl a = new Amdahl(0.05);
        assertEquals(1.0, a.predict(1), 1e-15);
        assertEquals(20.0, a.maxSpeedup(), 1e-12);
        assertEquals(1 / (0.05 + 0.95 / 4), a.predict(4), 1e-15);
        assertEquals(0.95, a.parallelFraction(), 1e-15);
        // Superlinear points clamp to s = 0 rather than a negative fraction.
        assertEquals(0.0, Amdahl.fit(new int[] {1, 2}, new double[] {1, 2.5}).serialFraction());
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> Amdahl.fit(new int[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Amdahl.fit(new int[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Amdahl.fit(new int[] {0, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Amdahl.fit(new int[] {1, 2}, new double[] {1, -2}));
        assertThrows(IllegalArgumentException.class, () -> new Amdahl(1.5));
    }
}
