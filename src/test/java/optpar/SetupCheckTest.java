package optpar;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SetupCheckTest {

    @Test
    void reportsThisJvmAsJava25WithVectorApi() {
        var items = SetupCheck.items();
        var java = items.stream().filter(i -> i.what().equals("Java version")).findFirst().orElseThrow();
        assertTrue(java.ok(), "the tests run on Java 25: " + java.found());
        var vector = items.stream().filter(i -> i.what().startsWith("Vector API")).findFirst().orElseThrow();
        assertTrue(vector.ok(), "surefire runs with --add-modules jdk.incubator.vector");
    }

    @Test
    void tableHasOneRowPerCheckAndProblemsAreTheFailingOnes() {
        var table = SetupCheck.table();
        assertEquals(SetupCheck.items().size(), table.rowCount());
        assertEquals(SetupCheck.items().stream().filter(i -> !i.ok()).count(), SetupCheck.problems().size());
        String summary = SetupCheck.summary();
        assertEquals(SetupCheck.problems().isEmpty(), summary.startsWith("all is well"), summary);
        for (var p : SetupCheck.problems()) assertTrue(summary.contains(p.what() + ": "), summary);
    }

    @Test
    void findsShOnPathAndNotAMadeUpTool() {
        assertNotNull(SetupCheck.onPath("sh"));
        assertNull(SetupCheck.onPath("no-such-tool-optpar-" + System.nanoTime()));
    }
}
