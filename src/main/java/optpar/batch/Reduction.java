package optpar.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One batch job: read a raw file, reduce it to a {@link Reduced} row, write that row.
 *
 * <p>The job needs nothing from any other job: that is what makes the batch "embarrassingly
 * parallel" and lets a queue run the jobs anywhere, in any order, and run a job twice.
 * Running twice is safe because the output is written to a temporary file and then renamed:
 * a job killed half way leaves no half-written result.
 * <pre>{@code
 * Reduced r = Reduction.reduceFile(Path.of("raw/raw-0003.csv"), Path.of("reduced/raw-0003.csv"), 200, false);
 * }</pre>
 */
public final class Reduction {
    private Reduction() {}

    /** The bootstrap's fixed seed: the same input gives the same output, on any machine. */
    static final long BOOTSTRAP_SEED = 20_240_601L;

    /**
     * Reduces measurements {@code x}: mean, standard deviation, median and the bootstrap
     * standard error of the median from {@code work} resamples (the job's CPU work: each resample
     * sorts a copy of the data).
     *
     * @throws IllegalArgumentException when {@code x} is empty or {@code work} is below 2
     */
    public static Reduced reduce(String file, double[] x, int work, int badLines) {
        if (x.length == 0) throw new IllegalArgumentException(file + ": no measurements to reduce");
        if (work < 2 || work > 1_000_000) {
            throw new IllegalArgumentException("--work " + work + " is not allowed: give 2 to 1000000 bootstrap resamples");
        }
        double sum = 0;
        for (double v : x) sum += v;
        double mean = sum / x.length;
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        double std = Math.sqrt(ss / x.length);
        double median = median(x.clone());

        SplittableRandom rnd = new SplittableRandom(BOOTSTRAP_SEED);
        double[] resample = new double[x.length];
        double m1 = 0, m2 = 0;
        for (int b = 0; b < work; b++) {
            for (int j = 0; j < x.length; j++) resample[j] = x[rnd.nextInt(x.length)];
            double m = median(resample);
            m1 += m;
            m2 += m * m;
        }
        double bm = m1 / work;
        double se = Math.sqrt(Math.max(0, m2 / work - bm * bm));
        return new Reduced(file, x.length, mean, std, median, se, badLines);
    }

    /** The median; sorts {@code a} in place. */
    static double median(double[] a) {
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    /**
     * Reads a raw file: one number a line, '#' lines are comments.
     *
     * @param skipBad skip lines that are not numbers (and count them) instead of failing
     * @throws IllegalArgumentException naming the file and line of the first bad line
     */
    public static Reduced reduceRaw(Path raw, int work, boolean skipBad) {
        List<String> lines;
        try {
            lines = Files.readAllLines(raw);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read raw file " + raw + ": " + e.getMessage());
        }
        double[] x = new double[lines.size()];
        int n = 0, bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).trim();
            if (s.isEmpty() || s.startsWith("#")) continue;
            try {
                x[n++] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                n--;
                if (!skipBad) {
                    throw new IllegalArgumentException(raw.getFileName() + " line " + (i + 1) + ": '" + s
                            + "' is not a number (use --bad-lines skip to skip such lines)");
                }
                bad++;
            }
        }
        return reduce(raw.getFileName().toString(), Arrays.copyOf(x, n), work, bad);
    }

    /** Reduces {@code raw} and writes the header and row to {@code out}, atomically. */
    public static Reduced reduceFile(Path raw, Path out, int work, boolean skipBad) {
        Reduced r = reduceRaw(raw, work, skipBad);
        write(List.of(r), out);
        return r;
    }

    /** Writes rows under {@link Reduced#HEADER}: to a temporary file first, then renamed into place. */
    public static void write(List<Reduced> rows, Path out) {
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
            StringBuilder sb = new StringBuilder(Reduced.HEADER).append('\n');
            for (Reduced r : rows) sb.append(r.toCsvRow()).append('\n');
            Files.writeString(tmp, sb);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the rows of a reduced file or merged summary.
     *
     * @throws IllegalArgumentException when the file is missing or its header is not {@link Reduced#HEADER}
     */
    public static List<Reduced> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read reduced file " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals(Reduced.HEADER)) {
            throw new IllegalArgumentException(file + " is not a reduced file: its first line must be " + Reduced.HEADER);
        }
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(Reduced::parse).toList();
    }
}
