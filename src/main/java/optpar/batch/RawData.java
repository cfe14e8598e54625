package optpar.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The lecture's "100 raw data files": each file is one run of a noisy instrument, one measurement
 * a line. The true value drifts slowly from run to run, and about 2% of the readings are glitches
 * (far too high), so a plain mean is biased and the median is not.
 *
 * <p>Files are deterministic: file {@code i} depends only on {@code (seed, i, samples)}, so any
 * machine (or any job of a job array) can regenerate exactly the same data.
 * <pre>{@code
 * List<Path> raw = RawData.generate(Path.of("data/raw"), 100, 2000, 42, -1);
 * // data/raw/raw-0000.csv ... raw-0099.csv
 * }</pre>
 */
public final class RawData {
    private RawData() {}

    /** The file name of raw file {@code index}: {@code raw-0007.csv}. */
    public static String fileName(int index) {
        return String.format("raw-%04d.csv", index);
    }

    /** The true value run {@code index} of {@code files} measures (what the median should find). */
    public static double trueValue(int index, int files) {
        return 10.0 + 2.0 * Math.sin(2 * Math.PI * index / Math.max(files, 1));
    }

    /** The measurements of run {@code index}: the true value plus Gaussian noise, with glitches. */
    public static double[] samples(long seed, int index, int files, int samples) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
        double truth = trueValue(index, files);
        double[] x = new double[samples];
        for (int j = 0; j < samples; j++) {
            boolean glitch = rnd.nextDouble() < 0.02;
            x[j] = glitch ? truth + 20 + 30 * rnd.nextDouble() : truth + gaussian(rnd);
        }
        return x;
    }

    /**
     * Writes {@code files} raw files into {@code dir}.
     *
     * @param damaged index of one file that gets a line which is not a number (to show a failing
     *                job), or -1 for none
     * @throws IllegalArgumentException on a count below 1 or a damaged index out of range
     */
    public static List<Path> generate(Path dir, int files, int samples, long seed, int damaged) {
        if (files < 1 || files > 100_000) {
            throw new IllegalArgumentException("--files " + files + " is not allowed: give 1 to 100000 files");
        }
        if (samples < 1 || samples > 10_000_000) {
            throw new IllegalArgumentException("--samples " + samples + " is not allowed: give 1 to 10000000 samples a file");
        }
        if (damaged < -1 || damaged >= files) {
            throw new IllegalArgumentException("--damage " + damaged + " is not allowed: give a file index 0.." + (files - 1) + " or -1 for none");
        }
        try {
            Files.createDirectories(dir);
            List<Path> out = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                double[] x = samples(seed, i, files, samples);
                StringBuilder sb = new StringBuilder(samples * 20);
                sb.append("# raw run ").append(i).append(" of ").append(files).append(", seed ").append(seed).append('\n');
                for (int j = 0; j < x.length; j++) {
                    // Double.toString round-trips exactly: the reduce job reads back the same doubles.
                    sb.append(j == x.length / 2 && i == damaged ? "n/a" : Double.toString(x[j])).append('\n');
                }
                Path file = dir.resolve(fileName(i));
                Files.writeString(file, sb);
                out.add(file);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw files into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller: deterministic on every JVM (unlike relying on library internals).
        double u1 = 1.0 - rnd.nextDouble(), u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
