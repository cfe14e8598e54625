package optpar.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class JmhFromCellTest {

    @BeforeAll
    static void quick() {
        System.setProperty("optpar.quick", "1");
    }

    @AfterAll
    static void normal() {
        System.clearProperty("optpar.quick");
    }

    @Tag("integration")   // real JMH runs (a forked JVM)
    @Test
    void runsTheBenchmarksInAForkedJvm() {
        String cp = System.getProperty("java.class.path");
        Table t = JmhFromCell.run(SumOfRootsBenchmark.class.getName() + ".(baseline|returned)", 1, Map.of("n", "100"));
        assertEquals(2, t.rowCount(), t.print());
        assertEquals(cp, System.getProperty("java.class.path"), "the classpath property is restored");
        for (int i = 0; i < t.rowCount(); i++) {
            assertTrue(t.doubleColumn("score").get(i) > 0, t.print());
            assertEquals("n=100", t.stringColumn("params").get(i));
        }
    }

    @Tag("integration")   // real JMH runs (a forked JVM)
    @Test
    void runsInThisJvmWithoutFork() {
        Table t = JmhFromCell.run(SumOfRootsBenchmark.class.getName() + ".returned", 0, Map.of("n", "100"));
        assertEquals(1, t.rowCount(), t.print());
    }

    @Test
    void saysWhenNothingMatches() {
        var e = assertThrows(RuntimeException.class, () -> JmhFromCell.run("NoSuchBenchmark", 0));
        assertTrue(e.getMessage().contains("NoSuchBenchmark"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JmhFromCell.run("x", -1));
    }
}
