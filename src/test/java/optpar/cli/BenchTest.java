package optpar.cli;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import optpar.heat.HeatProblem;
import optpar.heat.HeatVariants;
import optpar.heat.NaiveHeat;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.MandelbrotVariants;
import optpar.mandelbrot.ScalarMandelbrot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchTest {

    /** What one run of the CLI printed. */
    record Run(int status, List<String> out, List<String> err) {}

    static Run bench(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Bench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    static final List<String> HEADER = List.of(Bench.HEADER.split(","));

    static String cell(String row, String column) {
        return row.split(",", -1)[HEADER.indexOf(column)];
    }

    @Test
    void mandelbrotRowsCarryTheReferenceChecksum() {
        Random rnd = TestSeed.random();
        int w = 20 + rnd.nextInt(60), h = 10 + rnd.nextInt(40), it = 5 + rnd.nextInt(80);
        Run r = bench("mandelbrot", "--width", "" + w, "--height", "" + h, "--iters", "" + it,
                "--threads", "1,2", "--repeat", "2", "--warmup", "0");
        assertEquals(0, r.status(), r.err().toString());
        assertEquals(Bench.HEADER, r.out().getFirst());
        assertTrue(HEADER.containsAll(List.of("problem", "impl", "threads", "size", "param", "seconds", "checksum")));
        long expected = MandelbrotProblem.checksum(new ScalarMandelbrot().compute(new MandelbrotProblem(w, h, it), 1));
        long expectedRows = MandelbrotVariants.all().stream().filter(k -> k.available()).mapToLong(k -> k.parallel() ? 2 : 1).sum();
        List<String> rows = r.out().subList(1, r.out().size());
        assertEquals(expectedRows, rows.size(), rows.toString());
        for (String row : rows) {
            assertEquals("mandelbrot", cell(row, "problem"));
            assertEquals(w + "x" + h, cell(row, "size"));
            assertEquals("" + it, cell(row, "param"));
            assertEquals("" + expected, cell(row, "checksum"), row);
            assertTrue(Double.parseDouble(cell(row, "seconds")) > 0);
        }
        assertTrue(r.err().getFirst().startsWith("# machine: Java"), r.err().toString());
    }

    @Test
    void heatRowsCarryTheReferenceChecksum(@TempDir Path dir) throws Exception {
        int n = 8 + TestSeed.random().nextInt(30), steps = 1 + TestSeed.random().nextInt(20);
        Path csv = dir.resolve("heat.csv"), png = dir.resolve("heat.png");
        Run r = bench("heat", "--n", "" + n, "--steps", "" + steps, "--impl", "naive", "--threads", "1",
                "--repeat", "1", "--warmup", "0", "--csv", csv.toString(), "--plot", png.toString());
        assertEquals(0, r.status(), r.err().toString());
        assertEquals(2, r.out().size());
        double expected = HeatProblem.checksum(new NaiveHeat().solve(new HeatProblem(n, steps), 1));
        assertEquals(expected, Double.parseDouble(cell(r.out().get(1), "checksum")));
        assertEquals("" + n, cell(r.out().get(1), "size"));
        assertEquals(r.out(), Files.readAllLines(csv));
        assertTrue(Files.size(png) > 100);
    }

    @Tag("integration")   // "all" includes mpi: real mpirun and rank JVMs
    @Test
    void everyHeatVariantAgreesWithTheReference() {
        int n = 17, steps = 9;
        Run r = bench("heat", "--n", "" + n, "--steps", "" + steps, "--threads", "1,3", "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.status(), r.err().toString());
        double expected = HeatProblem.checksum(new NaiveHeat().solve(new HeatProblem(n, steps), 1));
        for (String row : r.out().subList(1, r.out().size())) {
            assertEquals(expected, Double.parseDouble(cell(row, "checksum")), Math.abs(expected) * 1e-12, row);
        }
    }

    @Test
    void streamRowsCountStreamBytes() {
        Run r = bench("stream", "--mib", "1", "--threads", "1,2", "--repeat", "2");
        assertEquals(0, r.status(), r.err().toString());
        assertEquals(5, r.out().size(), r.out().toString());
        int elements = (1 << 20) / 8;
        for (String row : r.out().subList(1, 5)) {
            boolean copy = cell(row, "impl").equals("copy");
            assertEquals(copy ? "16" : "24", cell(row, "param"));
            assertEquals("" + (copy ? elements : 5L * elements), cell(row, "checksum"));
            double gbps = Double.parseDouble(cell(row, "gbps"));
            assertTrue(gbps > 0 && Double.isFinite(gbps));
        }
    }

    @Test
    void listNamesEveryVariant() {
        Run r = bench("mandelbrot", "--impl", "list");
        assertEquals(0, r.status());
        assertEquals(MandelbrotVariants.all().size(), r.out().size());
        for (var k : MandelbrotVariants.all()) assertTrue(r.out().stream().anyMatch(l -> l.startsWith(k.name() + " ")));
        Run h = bench("heat", "--impl", "list");
        assertEquals(HeatVariants.all().size() + ExternalVariants.forProblem("heat").size(), h.out().size());
        assertEquals(2, bench("stream", "--impl", "list").out().size());
    }

    @Test
    void helpPrintsUsage() {
        Run r = bench("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().getFirst().startsWith("usage: bench"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",                                          // no problem
            "fractal",                                   // unknown problem
            "mandelbrot --impl nosuch",                  // unknown variant
            "mandelbrot --impl scalar,nosuch",
            "mandelbrot --impl all,scalar",
            "mandelbrot --impl ,",
            "heat --impl scalar",                        // a Mandelbrot name for heat
            "mandelbrot --threads 0",                    // thread counts below 1
            "mandelbrot --threads -2",
            "mandelbrot --threads 1,x",                  // not numbers
            "mandelbrot --threads ,",
            "mandelbrot --threads 99999",                // absurd
            "mandelbrot --width 0",                      // sizes too small
            "mandelbrot --height -5",
            "mandelbrot --iters 0",
            "mandelbrot --width abc",
            "mandelbrot --width 1.5",
            "heat --n 2",
            "heat --n 100000",                           // too large for one array
            "heat --n 46000",                            // fits an array, not a test JVM's heap (64 GiB)
            "heat --steps 0",
            "heat --n",                                  // missing values
            "heat --n --steps 3",
            "heat --threads",
            "stream --mib 0",
            "stream --mib 99999",
            "stream --mib",
            "mandelbrot --n 64",                         // option of another problem
            "heat --width 10",
            "heat --frobnicate 3",                       // unknown option
            "heat 64",                                   // stray argument
            "heat --repeat 0",
            "heat --warmup -1",
            "heat --n 10 --n 12",                        // given twice
            "heat --plot out.jpg",
            "heat --impl naive --ranks 1,2",             // --ranks without an external variant
            "heat --impl mpi --n 5 --ranks 4",           // 3 interior rows for 4 ranks
            "mandelbrot --ranks 2",
    })
    void badInputExitsTwoWithOneLine(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Run r = bench(args);
        assertEquals(Bench.USAGE, r.status(), line + " -> " + r.err());
        assertEquals(1, r.err().size(), line + " -> " + r.err());
        String msg = r.err().getFirst();
        assertTrue(msg.startsWith("bench: "), msg);
        assertFalse(msg.contains("Exception") || msg.contains("\tat "), msg);
        assertTrue(r.out().isEmpty(), "nothing on stdout for bad input: " + r.out());
    }

    @Test
    void errorsSayWhatIsAllowed() {
        assertTrue(bench("mandelbrot", "--impl", "nosuch").err().getFirst().contains("allowed: scalar"));
        assertTrue(bench("heat", "--width", "4").err().getFirst().contains("belongs to mandelbrot"));
        assertTrue(bench("heat", "--threads", "0").err().getFirst().contains("at least 1"));
        assertTrue(bench("fractal").err().getFirst().contains("mandelbrot, heat, stream"));
    }

    @Test
    void optionsParse() {
        BenchOptions o = BenchOptions.parse("heat", "--impl", "naive", "--threads=1,2", "--n", "512", "--steps", "7");
        assertEquals(List.of("naive"), o.impls());
        assertArrayEquals(new int[] {1, 2}, o.threads());
        assertEquals(512, o.n());
        assertEquals(7, o.steps());
        assertNull(o.ranks());
        assertEquals("512", o.size());
        assertTrue(BenchOptions.parse("heat", "--impl", "all").allImpls());
        assertEquals(1, BenchOptions.parse("mandelbrot").threads()[0]);
    }
}
