package optpar.batch;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A real two-member Hazelcast cluster on loopback (one start for the class: members take seconds). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("integration")   // real cluster member JVMs
class ClusterBatchTest {
    static Path dir;
    static LocalCluster cluster;
    static List<Path> raw;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = Files.createTempDirectory("optpar-cluster-test");
        raw = RawData.generate(dir.resolve("raw"), 12, 400, TestSeed.random().nextInt(1000), -1);
        // drawn before the first test: printed here, since only that test's failure would name it
        System.out.println("ClusterBatchTest data: " + TestSeed.describe());
        SingleProcess.run(ReduceJob.forFiles(raw, dir.resolve("serial"), 150));
        cluster = LocalCluster.start(2, 2, 1, 240);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) cluster.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Test
    @Order(1)
    void twoMembersGiveTheSingleProcessOutputs() throws Exception {
        BatchReport r = new ClusterBatch(cluster.client(), 60).run(ReduceJob.forFiles(raw, dir.resolve("cluster"), 150), x -> {});
        LocalBatchTest.assertSameOutputs(dir.resolve("serial"), dir.resolve("cluster"));
        assertEquals(12, r.results().size());
        assertEquals(2, r.workers());
        assertEquals(0, r.reruns(), r.events().toString());
        assertTrue(r.results().stream().allMatch(x -> x.worker().startsWith("member :")), "jobs ran in the members");
    }

    @Test
    @Order(2)
    void aJobThatFailsByItselfIsReportedNotRetried() throws Exception {
        List<Path> bad = RawData.generate(dir.resolve("bad"), 2, 30, 1, 0);
        var e = assertThrows(IllegalStateException.class,
                () -> new ClusterBatch(cluster.client(), 60).run(ReduceJob.forFiles(bad, dir.resolve("bad-out"), 5), x -> {}));
        assertTrue(e.getMessage().contains("job 0") && e.getMessage().contains("raw-0000.csv line"), e.getMessage());
    }

    @Test
    @Order(3)
    void aKilledMemberLosesNoResult() throws Exception {
        AtomicLong killed = new AtomicLong(-1);
        BatchReport r = new ClusterBatch(cluster.client(), 60).run(ReduceJob.forFiles(raw, dir.resolve("faulty"), 150), res -> {
            // Pull the plug on member 1 as soon as the first result is in: its next job is in flight.
            synchronized (killed) {
                if (killed.get() < 0) killed.set(cluster.kill(1));
            }
        });
        assertEquals(1, cluster.aliveCount());
        assertTrue(r.reruns() >= 1, "the killed member's job ran again: " + r.events());
        assertEquals(12, r.results().size());
        LocalBatchTest.assertSameOutputs(dir.resolve("serial"), dir.resolve("faulty"));
        for (JobResult x : r.results()) {
            if (x.attempt() > 1) assertFalse(x.worker().contains("pid " + killed.get() + ")"), "re-run on a survivor: " + x);
        }
    }

    @Test
    @Order(4)
    void closeKillsEveryMember() {
        cluster.close();
        assertEquals(0, cluster.aliveCount());
    }

    @Test
    @Order(0)
    void badClusterShapesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> LocalCluster.start(3, 2, 1, 60));
        assertTrue(e.getMessage().contains("members 3 of at most 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalCluster.start(1, 1, 0, 60));
        assertThrows(IllegalArgumentException.class, () -> new ClusterBatch(cluster.client(), 0));
    }
}
