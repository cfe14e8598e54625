package optpar.workflow;

import optpar.TestSeed;
import optpar.Available;
import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import optpar.batch.RawData;
import optpar.batch.ReduceJob;
import optpar.batch.Reduced;
import optpar.batch.Reduction;
import optpar.batch.SingleProcess;
import optpar.batch.Summary;
import optpar.batch.TestLauncher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed workflow, run for real by cwltool on tiny inputs. */
@Tag("integration")   // real cwltool, whose steps start JVMs
class CwlWorkflowTest {
    static final Path WORKFLOW = Path.of("workflows/reduce-many.cwl");

    @TempDir
    Path dir;
    Path bin;

    @BeforeEach
    void needsCwltool() throws Exception {
        Available.require(Cwl.onPath("cwltool"), "cwltool (Debian package cwltool), which runs the workflow");
        bin = TestLauncher.write(dir.resolve("bin"));
    }

    @Test
    void theWorkflowGivesTheSingleProcessSummary() throws Exception {
        int seed = TestSeed.random().nextInt(1000);
        Map<String, Object> in = Map.of("files", 3, "samples", 300, "seed", seed, "work", 20);
        CwlRun run = Cwl.run(WORKFLOW, in, dir.resolve("out"), 240, bin, List.of());
        assertTrue(run.succeeded(), run.plainLog());
        assertEquals(List.of(), run.failedSteps());

        List<Path> raw = RawData.generate(dir.resolve("raw"), 3, 300, seed, -1);
        SingleProcess.run(ReduceJob.forFiles(raw, dir.resolve("serial"), 20));
        List<Reduced> expected = Summary.merge(List.of(dir.resolve("serial")));
        assertEquals(expected, Reduction.read(dir.resolve("out/summary.csv")));
        assertTrue(Files.size(dir.resolve("out/summary.png")) > 1000, "the plot step wrote a chart");
    }

    @Test
    void aFailingStepIsNamedAndTheFixedRerunReusesTheCache() throws Exception {
        Map<String, Object> in = Map.of("files", 3, "samples", 200, "work", 10, "damage", 1);
        List<String> cache = List.of("--cachedir", dir.resolve("cache").toString());
        CwlRun failed = Cwl.run(WORKFLOW, in, dir.resolve("out1"), 240, bin, cache);
        assertFalse(failed.succeeded());
        assertEquals(List.of("reduce"), failed.failedSteps(), failed.plainLog());
        assertTrue(failed.failedJobs().contains("reduce_2"), "the job of raw file 1 (cwltool counts from 1): " + failed.failedJobs());
        assertTrue(failed.failureSummary().contains("raw-0001.csv line"), failed.failureSummary());
        assertFalse(Files.exists(dir.resolve("out1/summary.csv")), "merge never ran");
        if (Cwl.onPath("dot")) assertTrue(Cwl.jobGraph(WORKFLOW, failed).getWidth() > 100, "the job graph of a failed run is drawn");

        Map<String, Object> fixed = Map.of("files", 3, "samples", 200, "work", 10, "damage", 1, "bad_lines", "skip");
        CwlRun rerun = Cwl.run(WORKFLOW, fixed, dir.resolve("out2"), 240, bin, cache);
        assertTrue(rerun.succeeded(), rerun.plainLog());
        assertTrue(rerun.cachedJobs().contains("generate"), "generate came from the cache: " + rerun.cachedJobs());
        List<Reduced> rows = Reduction.read(dir.resolve("out2/summary.csv"));
        assertEquals(List.of(0, 1, 0), rows.stream().map(Reduced::badLines).toList());
    }

    @Test
    void theDagIsDrawn() {
        Available.require(Cwl.onPath("dot"), "Graphviz dot (Debian package graphviz)");
        assertTrue(Cwl.dot(WORKFLOW).contains("\"generate\" -> \"reduce\""));
        BufferedImage img = Cwl.dag(WORKFLOW);
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
    }

    @Test
    void missingWorkflowIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Cwl.run(Path.of("nope.cwl"), Map.of(), dir, 10, bin, List.of()));
        assertTrue(e.getMessage().contains("nope.cwl"));
    }
}
