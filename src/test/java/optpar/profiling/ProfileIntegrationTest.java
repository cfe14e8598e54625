package optpar.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import optpar.Course;
import optpar.process.ChildProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real recordings: they depend on the profilers' sampling, so they check what must stand out (the
 * method doing 90% of the work is the hottest frame), not exact counts.
 */
@Tag("integration")
class ProfileIntegrationTest {

    /** Nine parts of the work here, in a loop with no calls: the hottest frame by far. */
    static double hot(int n) {
        double s = 0;
        for (int i = 1; i <= 9 * n; i++) s += Math.sqrt(i) * 1.0000001;
        return s;
    }

    /** One part here. */
    static double cold(int n) {
        double s = 0;
        for (int i = 1; i <= n; i++) s += Math.sqrt(i) * 0.9999999;
        return s;
    }

    static volatile double sink;

    static void work() {
        sink = hot(200_000) + cold(200_000);
    }

    static final String HOT = ProfileIntegrationTest.class.getName() + ".hot";

    void assertHotFound(FlameGraph g) {
        assertTrue(g.samples() >= 50, "samples: " + g.summary());
        assertEquals(HOT, g.hottestFrame(), g.summary() + "\n" + g.top(8).print());
        assertTrue(g.shareOf(HOT) > 0.6, "hot's share " + g.shareOf(HOT) + "\n" + g.top(8).print());
        assertTrue(g.seconds() >= 0.3 && g.calls() > 1, "repeated for the minimum time: " + g.summary());
    }

    @Test
    void jfrFindsTheHotMethod() {
        assertHotFound(Profile.options().profiler(Profiler.JFR).minTime(Duration.ofMillis(800)).quiet().cpu(ProfileIntegrationTest::work));
    }

    @Test
    void theDefaultProfilerFindsTheHotMethod() {
        FlameGraph g = Profile.options().minTime(Duration.ofMillis(800)).quiet().cpu(ProfileIntegrationTest::work);
        assertTrue(g.profiler().startsWith("async-profiler") || g.warnings().stream().anyMatch(w -> w.contains("recorded with JFR")),
                "either async-profiler, or a warning saying why not: " + g.summary());
        assertHotFound(g);
    }

    @Test
    void allocationsShowTheBoxes() {
        FlameGraph g = Profile.options().minTime(Duration.ofMillis(500)).quiet()
                .allocations(() -> SlowAnalysis.medianNearestNeighbourDistance(600, 3));
        assertTrue(g.allocation());
        assertTrue(g.allocatedBytesPerCall() > 600L * 599 * 16, "each distance is a 16-byte Double at least: " + g.summary());
        List<String> types = g.top(5).stringColumn("frame").asList();
        assertTrue(types.contains("java.lang.Double"), g.top(5).print());
    }

    @Test
    void theProfileCommandWritesTheFlameGraph(@TempDir Path dir) throws Exception {
        var cmd = Course.javaCommand(List.of(), ProfileMain.class.getName(), "--once", "--out", dir.toString(),
                "profiling.SlowAnalysis", "400");
        ChildProcess.Result r = ChildProcess.of(cmd).timeout(Duration.ofSeconds(120)).run().requireSuccess();
        assertTrue(String.join("\n", r.stdout()).contains("median nearest-neighbour distance of 400 points"), String.join("\n", r.stdout()));
        for (String f : List.of("flame.html", "flame.png", "flame.collapsed", "flame.properties")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        FlameGraph g = FlameGraph.load(dir, ProfileMain.NAME);
        assertEquals(1, g.calls());
        // a bad option: one line, exit status 2
        ChildProcess.Result bad = ChildProcess.of(Course.javaCommand(List.of(), ProfileMain.class.getName(), "--seconds", "x", "A"))
                .timeout(Duration.ofSeconds(60)).run();
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.stderr().stream().filter(l -> l.startsWith("profile:")).count(), String.join("\n", bad.stderr()));
    }

    /** ProfileMain in a child JVM with extra JVM options and environment; the saved profile. */
    static FlameGraph child(Path dir, List<String> jvmOptions, String envName, String envValue) {
        var cmd = Course.javaCommand(jvmOptions, ProfileMain.class.getName(), "--seconds", "0.3", "--out", dir.toString(),
                "profiling.SlowAnalysis", "300");
        var p = ChildProcess.of(cmd).timeout(Duration.ofSeconds(120));
        if (envName != null) p = p.env(envName, envValue);
        p.run().requireSuccess();
        return FlameGraph.load(dir, ProfileMain.NAME);
    }

    @Test
    void whereAsyncProfilerCannotLoadJfrRecordsAndSaysWhy(@TempDir Path dir) {
        // the native library cannot be extracted into a folder that does not exist
        FlameGraph g = child(dir, List.of("-Done.profiler.extractPath=" + dir.resolve("missing")), null, null);
        assertTrue(g.profiler().startsWith("JFR"), g.summary());
        assertTrue(g.warnings().stream().anyMatch(w -> w.startsWith("recorded with JFR: async-profiler could not load")), g.summary());
        assertTrue(g.samples() > 0, g.summary());
    }

    @Test
    void theTimerModesRecordAndSaySo(@TempDir Path dir) {
        FlameGraph g = child(dir.resolve("c"), List.of(), "OPTPAR_ASYNC_EVENT", "ctimer");
        assertTrue(g.profiler().contains("ctimer mode"), g.summary());
        assertTrue(g.samples() > 0, g.summary());
        FlameGraph jfr = child(dir.resolve("j"), List.of(), Profiler.ENV, "jfr");
        assertTrue(jfr.profiler().startsWith("JFR") && jfr.warnings().stream().noneMatch(w -> w.contains("could not load")), jfr.summary());
    }

    @Test
    void theSafepointBiasedSamplerRecordsTheWorkThread() {
        FlameGraph g = Profile.options().profiler(Profiler.SAFEPOINT_BIASED).minTime(Duration.ofMillis(400)).quiet()
                .cpu(ProfileIntegrationTest::work);
        assertTrue(g.samples() > 0, g.summary());
        assertTrue(g.profiler().contains("safepoint-biased"), g.summary());
        // every sample is a stack of the work thread, cut above the loop: the work is in nearly all of
        // them (a sample may land in the loop's own clock read between two calls, as CI once saw)
        double share = g.shareOf(ProfileIntegrationTest.class.getName() + ".work");
        assertTrue(share >= 0.9, "share of work: " + share + "\n" + g.top(5).print());
    }
}
