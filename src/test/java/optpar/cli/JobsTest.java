package optpar.cli;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import optpar.batch.RawData;
import optpar.batch.Reduced;
import optpar.batch.Reduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run jobs(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] a = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int status = Jobs.run(a, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertBadInput(Run r, String mentions) {
        assertEquals(2, r.status(), "exit status for bad input");
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("jobs: "), err);
        assertTrue(err.contains(mentions), "'" + err + "' should mention " + mentions);
    }

    @Test
    void generateIsDeterministicFromTheSeed() throws Exception {
        long seed = TestSeed.random().nextInt(1000);
        assertEquals(0, jobs("generate", "--files", 3, "--samples", 50, "--seed", seed, "--out", dir.resolve("a")).status());
        assertEquals(0, jobs("generate", "--files", 3, "--samples", 50, "--seed", seed, "--out", dir.resolve("b")).status());
        assertEquals(0, jobs("generate", "--files", 3, "--samples", 50, "--seed", seed + 1, "--out", dir.resolve("c")).status());
        for (int i = 0; i < 3; i++) {
            String name = RawData.fileName(i);
            assertEquals(Files.readString(dir.resolve("a").resolve(name)), Files.readString(dir.resolve("b").resolve(name)));
            assertNotEquals(Files.readString(dir.resolve("a").resolve(name)), Files.readString(dir.resolve("c").resolve(name)));
        }
        assertEquals(51, Files.readAllLines(dir.resolve("a").resolve(RawData.fileName(2))).size());
    }

    @Test
    void reduceEqualsADirectComputation() throws Exception {
        long seed = TestSeed.random().nextInt(1_000_000);
        int samples = 1001 + TestSeed.random().nextInt(500);
        jobs("generate", "--files", 5, "--samples", samples, "--seed", seed, "--out", dir.resolve("raw"));
        Path out = dir.resolve("reduced/raw-0004.csv");
        Run r = jobs("reduce", dir.resolve("raw/raw-0004.csv"), out, "--work", 100);
        assertEquals(0, r.status(), r.err());

        // Direct: the same samples, statistics computed the textbook way.
        double[] x = RawData.samples(seed, 4, 5, samples);
        double mean = Arrays.stream(x).sum() / x.length;
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double median = samples % 2 == 1 ? sorted[samples / 2] : (sorted[samples / 2 - 1] + sorted[samples / 2]) / 2;

        Reduced got = Reduction.read(out).get(0);
        assertEquals("raw-0004.csv", got.file());
        assertEquals(samples, got.count());
        assertEquals(mean, got.mean(), 1e-12 * Math.abs(mean));
        assertEquals(Math.sqrt(var), got.std(), 1e-9);
        assertEquals(median, got.median(), 0.0);
        // The bootstrap error of a median of ~normal noise (sigma 1) is about 1.25 / sqrt(n).
        double expected = 1.2533 / Math.sqrt(samples);
        assertTrue(got.medianSe() > expected / 2 && got.medianSe() < expected * 2, "median se " + got.medianSe() + " vs " + expected);
        assertEquals(got, Reduced.parse(r.out().strip()), "printed row = written row");
        // The median is close to the true value; the mean is pulled up by the glitches.
        assertEquals(RawData.trueValue(4, 5), got.median(), 0.2);
        assertTrue(got.mean() > got.median() + 0.2);
    }

    @Test
    void aDamagedFileFailsWithItsLineUnlessSkipped() throws Exception {
        jobs("generate", "--files", 3, "--samples", 40, "--damage", 1, "--out", dir.resolve("raw"));
        Run bad = jobs("reduce", dir.resolve("raw/raw-0001.csv"), dir.resolve("r1.csv"));
        assertBadInput(bad, "raw-0001.csv line 22: 'n/a' is not a number");
        assertFalse(Files.exists(dir.resolve("r1.csv")), "no output from a failed job");
        Run skipped = jobs("reduce", dir.resolve("raw/raw-0001.csv"), dir.resolve("r1.csv"), "--bad-lines", "skip");
        assertEquals(0, skipped.status(), skipped.err());
        Reduced r = Reduction.read(dir.resolve("r1.csv")).get(0);
        assertEquals(1, r.badLines());
        assertEquals(39, r.count());
    }

    @Test
    void mergeSortsByFileAndPlotWritesAPng() throws Exception {
        jobs("generate", "--files", 4, "--samples", 30, "--out", dir.resolve("raw"));
        for (int i : new int[] {3, 0, 2, 1}) {
            String n = RawData.fileName(i);
            assertEquals(0, jobs("reduce", dir.resolve("raw").resolve(n), dir.resolve(i < 2 ? "red1" : "red2").resolve(n), "--work", 10).status());
        }
        Run m = jobs("merge", dir.resolve("red2"), dir.resolve("red1"), "--out", dir.resolve("summary.csv"));
        assertEquals(0, m.status(), m.err());
        List<Reduced> rows = Reduction.read(dir.resolve("summary.csv"));
        assertEquals(List.of("raw-0000.csv", "raw-0001.csv", "raw-0002.csv", "raw-0003.csv"), rows.stream().map(Reduced::file).toList());
        assertEquals(Reduction.read(dir.resolve("red2/raw-0003.csv")).get(0), rows.get(3));

        assertBadInput(jobs("merge", dir.resolve("red1"), dir.resolve("red1"), "--out", dir.resolve("x.csv")), "reduced twice");
        Run p = jobs("plot", dir.resolve("summary.csv"), "--out", dir.resolve("summary.png"));
        assertEquals(0, p.status(), p.err());
        assertEquals(720, ImageIO.read(dir.resolve("summary.png").toFile()).getWidth());
    }

    @Test
    void badInputGetsOneLineAndStatus2() throws Exception {
        assertEquals(2, jobs().status());
        assertBadInput(jobs("frobnicate"), "unknown command 'frobnicate'");
        assertBadInput(jobs("generate", "--files", 0, "--out", dir), "--files 0 is not allowed");
        assertBadInput(jobs("generate", "--files", "ten", "--out", dir), "'ten' is not a whole number");
        assertBadInput(jobs("generate", "--files", 2), "needs --out");
        assertBadInput(jobs("generate", "--files", 2, "--out", dir, "--damage", 5), "--damage 5 is not allowed");
        assertBadInput(jobs("generate", "--files", 2, "--out", dir, "--colour", "red"), "unknown option --colour");
        assertBadInput(jobs("reduce", dir.resolve("missing.csv"), dir.resolve("o.csv")), "cannot read raw file");
        assertBadInput(jobs("reduce", dir.resolve("only-one.csv")), "reduce needs IN OUT");
        jobs("generate", "--files", 1, "--samples", 5, "--out", dir.resolve("raw"));
        assertBadInput(jobs("reduce", dir.resolve("raw/raw-0000.csv"), dir.resolve("o.csv"), "--work", 1), "--work 1 is not allowed");
        assertBadInput(jobs("reduce", dir.resolve("raw/raw-0000.csv"), dir.resolve("o.csv"), "--bad-lines", "maybe"), "use fail or skip");
        assertBadInput(jobs("merge", dir.resolve("nothing-here"), "--out", dir.resolve("s.csv")), "does not exist");
        assertBadInput(jobs("plot", dir.resolve("raw/raw-0000.csv"), "--out", dir.resolve("p.png")), "is not a reduced file");
        assertBadInput(jobs("reduce", dir.resolve("raw/raw-0000.csv")), "reduce needs IN OUT");
    }
}
