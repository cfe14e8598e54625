package optpar.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void numbersHaveAtMostThreeSignificantDigits() {
        assertEquals("0.0159", Formats.number(0.015873015873));
        assertEquals("25.5", Formats.number(25.52));
        assertEquals("120", Formats.number(120.0));
        assertEquals("1,230", Formats.number(1234.5));
        assertEquals("0", Formats.number(0));
        assertEquals("-0.5", Formats.number(-0.5));
        assertEquals("-1.00e+06", Formats.number(-999_700), "rounds up to a million: scientific, as a million is");
        assertEquals("999,000", Formats.number(999_000));
        long seed = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            double v = Math.pow(10, r.nextDouble(-4, 7)) * (r.nextBoolean() ? 1 : -1);
            String s = Formats.number(v);
            long digits = s.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length();
            assertTrue(s.length() <= 9, s + " is too long for a tick; seed " + seed);
            assertTrue(digits <= 3 || Math.abs(v) >= 1000, s + " has " + digits + " significant digits; seed " + seed);
            assertEquals(v, Double.parseDouble(s.replace(",", "")), Math.abs(v) * 0.006, "seed " + seed);
        }
    }

    @Test
    void secondsCarryAUnit() {
        assertEquals("103 ms", Formats.seconds(0.102666768));
        assertEquals("1.00 s", Formats.seconds(0.9996));
        assertEquals("812 ns", Formats.seconds(812e-9));
        assertEquals(Formats.seconds(0.0042), Timing.format(0.0042));
    }

    @Test
    void amdahlIsFittedOnlyUpToTheCores() {
        int[] t = {1, 2, 4, 8};
        double[] s = {1, 1.97, 1.99, 2.0};   // two cores: flat past 2
        Amdahl upTo2 = Amdahl.fitUpTo(t, s, 2);
        assertTrue(upTo2.serialFraction() < 0.05, "the two-core fit sees an almost perfect speed-up: " + upTo2);
        assertTrue(Amdahl.fit(t, s).serialFraction() > 0.2, "a fit over all points reads the missing cores as serial work");
        assertThrows(IllegalArgumentException.class, () -> Amdahl.fitUpTo(t, s, 1));
        assertTrue(!Amdahl.canFitUpTo(new int[] {1, 4}, 2));
    }

    @Test
    void manyBarsAreSplitIntoStackedCharts() {
        String[] labels = new String[12];
        double[] secs = new double[12];
        for (int i = 0; i < 12; i++) {
            labels[i] = "bar " + i;
            secs[i] = 0.001 * (i + 1);
        }
        var img = Charts.bars("twelve", labels, secs, false);
        assertEquals(Charts.width(), img.getWidth());
        assertEquals(2 * (Charts.height() * 3 / 4), img.getHeight(), "two charts of at most " + Charts.MAX_BARS + " bars, stacked");
        var few = Charts.bars("three", new String[] {"a", "b", "c"}, new double[] {1, 2, 3}, true);
        assertEquals(Charts.height(), few.getHeight());
    }
}
